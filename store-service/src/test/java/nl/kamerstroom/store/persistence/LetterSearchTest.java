package nl.kamerstroom.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.kamerstroom.store.model.LetterSummary;

/** Finding letters by the words of their text, whichever of a letter's topics arrives first and however often. */
class LetterSearchTest {

    private static TestDatabase db;
    private static LetterSearch search;
    private final TestLetters letter = new TestLetters();

    @BeforeAll
    static void database() {
        db = TestDatabase.migrated();
        search = new LetterSearch(db.jdbc);
    }

    @Test
    void aLetterIsFoundByTheStemsOfItsWordsWhenItsReceiptArrivesFirst() {
        // given
        db.letters.saveReceived(letter.received());

        // when
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));

        // then "verlenging" shares its Dutch stem with the text's "verlengen"
        assertThat(found("verlenging")).containsExactly(letter.letterId);
        assertThat(found("Nispen")).containsExactly(letter.letterId);
    }

    @Test
    void aLetterIsFoundByTheWordsOfItsTextWhenItsExtractionArrivesFirst() {
        // given
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));
        assertThat(found("verlenging")).isEmpty();

        // when
        db.letters.saveReceived(letter.received());

        // then
        assertThat(found("verlenging")).containsExactly(letter.letterId);
    }

    @Test
    void aTextReceivedAgainIsFoundByItsNewWordsOnly() {
        // given
        db.letters.saveReceived(letter.received());
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));

        // when the same letter id arrives with another text (a document read again by a newer ingest)
        db.letters.saveReceived(letter.received("De minister informeert de Kamer over de helikopterinzet."));

        // then
        assertThat(found("helikopterinzet")).containsExactly(letter.letterId);
        assertThat(found("verlenging")).isEmpty();
    }

    @Test
    void aWordFollowedByAFootnoteMarkerIsFoundByItself() {
        // given a text whose only "Irak" ends a sentence and carries footnote 2, and a host name
        db.letters.saveReceived(letter.received("Het kabinet verlengt de inzet in Irak.2 Zie ook rijksoverheid.nl voor de brief."));

        // when
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));

        // then
        assertThat(found("Irak")).containsExactly(letter.letterId);
        assertThat(found("rijksoverheid.nl")).containsExactly(letter.letterId);
    }

    @Test
    void aWordWithAGluedFootnoteMarkerOrANumberIsFoundByItselfAndAsWritten() {
        // given
        db.letters.saveReceived(letter.received("Het kabinet verlengt de inzet in Irak3 met vier F35's en een A400M."));

        // when
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));

        // then
        assertThat(found("Irak")).containsExactly(letter.letterId);
        assertThat(found("F-35")).containsExactly(letter.letterId);
        assertThat(found("F35")).containsExactly(letter.letterId);
        assertThat(found("A400M")).containsExactly(letter.letterId);
        assertThat(found("A400")).containsExactly(letter.letterId);
        assertThat(found("F16")).isEmpty();
    }

    @Test
    void quotedWordsAreFoundAsAPhraseOnlyAndAMinusExcludes() {
        // given
        db.letters.saveReceived(letter.received());

        // when
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));

        // then
        assertThat(found("\"bijdrage aan NAVO\"")).containsExactly(letter.letterId);
        assertThat(found("\"NAVO aan bijdrage\"")).isEmpty();
        assertThat(found("verlenging -Irak")).isEmpty();
        assertThat(found("Afghanistan or Irak")).containsExactly(letter.letterId);
    }

    @Test
    void aSearchOfOnlyStopWordsFindsNothing() {
        // given
        db.letters.saveReceived(letter.received());

        // when
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));

        // then
        assertThat(found("de het")).isEmpty();
        assertThat(found("verlenging")).containsExactly(letter.letterId);
    }

    @Test
    void receivingAndExtractingALetterAgainKeepsItFoundOnce() {
        // given
        db.letters.saveReceived(letter.received());
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));

        // when
        db.letters.writeReceived(List.of(letter.received()));
        db.letters.saveExtracted(letter.extracted(List.of("m1"), List.of(), List.of()));

        // then
        assertThat(found("verlenging")).containsExactly(letter.letterId);
    }

    @Test
    void theCleanupMergesTheWordsOfNewLettersIntoTheIndexAndTheyAreFoundAfterwardsAsBefore() {
        // given a letter whose words wait in the index's pending list, where searches find them too
        db.letters.saveReceived(letter.received());
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));
        assertThat(found("verlenging")).containsExactly(letter.letterId);

        // when
        long merged = new SearchIndexCleanup(db.jdbc).mergePendingEntries();

        // then nothing is left pending, and the letter is found in the index proper
        assertThat(merged).as("pending-list pages merged").isPositive();
        assertThat(db.jdbc.sql("SELECT gin_clean_pending_list('letter_search_text_search_idx'::regclass)").query(Long.class).single())
                .as("pending-list pages left").isZero();
        assertThat(found("verlenging")).containsExactly(letter.letterId);
    }

    private List<String> found(String words) {
        return letter.listedInItsDossier(search, words).stream().map(LetterSummary::letterId).toList();
    }
}
