package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSegmenterTest {

    private final SentenceSegmenter segmenter = new SentenceSegmenter();

    private List<String> split(String text) {
        return segmenter.split(text).stream().map(Sentence::text).toList();
    }

    @Test
    void givenTwoSentences_whenSplit_thenBreaksAfterTheFullStop() {
        assertThat(split("Dit is een. Dat is twee.")).containsExactly("Dit is een.", "Dat is twee.");
    }

    @Test
    void givenAbbreviationsAndInitials_whenSplit_thenNoBreakInside() {
        assertThat(split("Zie Kamerstuk 27 925, nr. 943 van 7 juli jl. Minister R.P. Brekelmans schreef d.d. 3 maart.")).hasSize(1);
    }

    @Test
    void givenReferenceEndingASentence_whenSplit_thenBreaksAfterTheNumber() {
        assertThat(split("Kamerstukken II, 2023/24, 36 377, nr. 16. Op verzoek van de minister."))
                .containsExactly("Kamerstukken II, 2023/24, 36 377, nr. 16.", "Op verzoek van de minister.");
    }

    @Test
    void givenLineBreakMidSentence_whenSplit_thenItIsOneSentence() {
        assertThat(split("De additionele uitgaven worden geraamd op\n18,3 miljoen euro. Dit is veel.")).hasSize(2)
                .first().isEqualTo("De additionele uitgaven worden geraamd op\n18,3 miljoen euro.");
    }

    @Test
    void givenBlankLine_whenSplit_thenHeadingIsItsOwnSentence() {
        assertThat(split("Financiën\n\nDe uitgaven stijgen.")).containsExactly("Financiën", "De uitgaven stijgen.");
    }

    @Test
    void givenBulletList_whenSplit_thenEachBulletIsASentence() {
        assertThat(split("Drie moties:\n- de motie van het lid A;\n- de motie van het lid B; en\n1. een punt"))
                .containsExactly("Drie moties:", "- de motie van het lid A;", "- de motie van het lid B; en", "1. een punt");
    }

    @Test
    void givenCsFollowedByLowerCase_whenSplit_thenNoBreak() {
        assertThat(split("De motie Hermans c.s. zijn middelen gegeven.")).hasSize(1);
    }
}
