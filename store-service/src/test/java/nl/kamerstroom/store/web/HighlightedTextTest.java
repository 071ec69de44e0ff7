package nl.kamerstroom.store.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HighlightedTextTest {

    private static final String TEXT = "Inleiding. Er is structureel 4 miljoen euro beschikbaar. Slot.";
    private static final String SENTENCE = "Er is structureel 4 miljoen euro beschikbaar.";

    @Test
    void evidenceIsHighlightedInPlaceWithTheFactsOwnWordsEmphasised() {
        // given
        Fact budget = fact("budget-0", FactType.BUDGET, SENTENCE, TEXT.indexOf(SENTENCE), "Structureel 4 miljoen euro");

        // when
        HighlightedText text = HighlightedText.of(TEXT, List.of(budget));

        // then the text is whole, cut around the evidence and around the amount (found in any case)
        assertThat(String.join("", text.segments().stream().map(HighlightedText.Segment::text).toList())).isEqualTo(TEXT);
        assertThat(text.segments()).extracting(HighlightedText.Segment::text, HighlightedText.Segment::cssClasses).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Inleiding. ", ""),
                org.assertj.core.groups.Tuple.tuple("Er is ", "hl hl-budget"),
                org.assertj.core.groups.Tuple.tuple("structureel 4 miljoen euro", "hl hl-budget em"),
                org.assertj.core.groups.Tuple.tuple(" beschikbaar.", "hl hl-budget"),
                org.assertj.core.groups.Tuple.tuple(" Slot.", ""));
        assertThat(text.locatedFactIds()).containsExactly("budget-0");
    }

    @Test
    void overlappingEvidenceGivesSegmentsThatNameEveryFactCoveringThem() {
        // given a motie and a budget read from the same sentence
        int start = TEXT.indexOf(SENTENCE);
        Fact budget = fact("budget-0", FactType.BUDGET, SENTENCE, start, null);
        Fact motie = fact("motie-0", FactType.MOTIE, "Er is structureel", start, null);

        // when
        HighlightedText text = HighlightedText.of(TEXT, List.of(budget, motie));

        // then
        assertThat(text.segments()).extracting(HighlightedText.Segment::text, HighlightedText.Segment::factIds).contains(
                org.assertj.core.groups.Tuple.tuple("Er is structureel", "budget-0 motie-0"),
                org.assertj.core.groups.Tuple.tuple(" 4 miljoen euro beschikbaar.", "budget-0"));
    }

    @Test
    void evidenceWithWrongOffsetsIsFoundByItsQuoteAndEvidenceNotInTheTextIsLeftOut() {
        // given
        Fact shifted = fact("budget-0", FactType.BUDGET, SENTENCE, 3, null);
        Fact absent = fact("motie-0", FactType.MOTIE, "Deze zin staat er niet in.", 0, null);
        Fact beyond = new Fact("mission-0", FactType.MISSION, "NMI", List.of(), null, 50, 500, List.of());

        // when
        HighlightedText text = HighlightedText.of(TEXT, List.of(shifted, absent, beyond));

        // then
        assertThat(text.locatedFactIds()).containsExactly("budget-0");
        assertThat(text.segments()).extracting(HighlightedText.Segment::text).contains(SENTENCE);
    }

    @Test
    void aLetterWithoutTextHasNothingToHighlight() {
        assertThat(HighlightedText.of(null, List.of(fact("budget-0", FactType.BUDGET, SENTENCE, 0, null))).segments()).isEmpty();
    }

    private static Fact fact(String id, FactType type, String quote, int start, String ownWords) {
        return new Fact(id, type, "titel", List.of(), quote, start, start + quote.length(),
                ownWords == null ? List.of() : List.of(ownWords));
    }
}
