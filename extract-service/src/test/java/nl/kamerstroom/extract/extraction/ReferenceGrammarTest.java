package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.kamerstroom.extract.extraction.Extraction.Chamber;
import nl.kamerstroom.extract.extraction.Extraction.KamerstukReference;

class ReferenceGrammarTest {

    private final ReferenceGrammar grammar = new ReferenceGrammar();

    @Test
    void givenFullTweedeKamerCitation_whenParsed_thenAllPartsAreRead() {
        assertThat(grammar.first("Kamerstukken II, 2023/24, 36 377, nr. 16."))
                .isEqualTo(new KamerstukReference("36377", "16", Chamber.TWEEDE_KAMER, "2023-2024"));
    }

    @Test
    void givenEersteKamerCitationWithoutCommas_whenParsed_thenChamberIsEersteKamer() {
        assertThat(grammar.first("Kamerstukken I 2023/24, 36 222, nr. 24."))
                .isEqualTo(new KamerstukReference("36222", "24", Chamber.EERSTE_KAMER, "2023-2024"));
    }

    @Test
    void givenChapterSuffix_whenParsed_thenDossierKeepsItAfterAHyphen() {
        assertThat(grammar.first("Kamerstuk 36 410 X, nr. 7").dossier()).isEqualTo("36410-X");
        assertThat(grammar.first("Kamerstukken II 2022/23, 36200 VI, nr. 47").dossier()).isEqualTo("36200-VI");
        assertThat(grammar.first("Kamerstuk 21 501-28, nr. 250").dossier()).isEqualTo("21501-28");
        assertThat(grammar.first("Kamerstuk 36 600-VIII, nr. 3").dossier()).isEqualTo("36600-VIII");
    }

    @Test
    void givenCitationWithoutChamber_whenParsed_thenChamberIsUnknown() {
        KamerstukReference ref = grammar.first("Kamerstukken 2023/24, 28 638, nr. 241.");
        assertThat(ref.chamber()).isEqualTo(Chamber.UNKNOWN);
        assertThat(ref.sessionYear()).isEqualTo("2023-2024");
    }

    @Test
    void givenBareDossierAndNumber_whenParsed_thenItIsAReference() {
        assertThat(grammar.first("Kamerstukken II 2021/22, 35925, nr. 13.")).isEqualTo(
                new KamerstukReference("35925", "13", Chamber.TWEEDE_KAMER, "2021-2022"));
        assertThat(grammar.first("Kamerstukken II 2022/23, 29 279 nr. 778.").number()).isEqualTo("778");
    }

    @Test
    void givenSeveralNumbers_whenParsed_thenOneReferencePerNumber() {
        List<ReferenceGrammar.Found> found = grammar.findAll("(Kamerstuk 27 925, nrs. 723, 727 en 746)");
        assertThat(found).extracting(f -> f.reference().number()).containsExactly("723", "727", "746");
    }

    @Test
    void givenHandelingen_whenParsed_thenItIsNotAKamerstuk() {
        assertThat(grammar.first("Handelingen II, 2022/23, nr. 99, item 9, p. 49.")).isNull();
    }

    @Test
    void givenCitationWithoutNumber_whenParsed_thenNothing() {
        assertThat(grammar.first("bijlage bij Kamerstuk 29 628, 15 december 2022.")).isNull();
    }

    @Test
    void givenParenthesisedReferenceRightAfterAName_whenReadAtThatPosition_thenItsEndIsTheClosingParenthesis() {
        String s = "moties Bosman c.s. (Kamerstuk 27 925, nr. 699) en";
        ReferenceGrammar.Found found = grammar.at(s, s.indexOf(" (Kamerstuk"));
        assertThat(found.reference().number()).isEqualTo("699");
        assertThat(s.substring(found.end())).isEqualTo(" en");
    }

    @Test
    void givenDossierNumberBrokenOverALine_whenParsed_thenTheDigitGroupsAreJoined() {
        assertThat(grammar.first("over de veiligheid (Kamerstuk 29\n521, nr. 471) zal"))
                .isEqualTo(new KamerstukReference("29521", "471", Chamber.UNKNOWN, null));
        assertThat(grammar.first("(Kamerstuk 29 \r\n  521, nr. 361)").dossier()).isEqualTo("29521");
    }

    @Test
    void givenEersteKamerCitationWithLetterCode_whenParsed_thenTheCodeIsTheNumber() {
        assertThat(grammar.first("(Kamerstukken I 2022/23, 36 200 V, G)"))
                .isEqualTo(new KamerstukReference("36200-V", "G", Chamber.EERSTE_KAMER, "2022-2023"));
        assertThat(grammar.first("Kamerstukken I 2023/24, 36 410 V, AB.").number()).isEqualTo("AB");
        assertThat(grammar.first("Kamerstukken I 2023/24, 27 925, AR").dossier()).isEqualTo("27925");
    }

    @Test
    void givenLetterCodeWithoutAnEersteKamerCitation_whenParsed_thenItIsNoReference() {
        assertThat(grammar.first("Kamerstukken II 2022/23, 36 200 V, G")).isNull();
        assertThat(grammar.first("in 2023 telde dossier 36 200 V, G en H")).isNull();
        String s = "de motie (Kamerstuk 36 200 V, G) is";
        assertThat(grammar.at(s, s.indexOf(" (Kamerstuk"))).isNull();
    }

    @Test
    void givenSessionYearAcrossCentury_whenConverted_thenEndYearIsNextCentury() {
        assertThat(ReferenceGrammar.sessionYear("1999", "00")).isEqualTo("1999-2000");
        assertThat(ReferenceGrammar.sessionYear("2019", "2020")).isEqualTo("2019-2020");
    }
}
