package nl.kamerstroom.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.kamerstroom.store.model.LetterStatus;
import nl.kamerstroom.store.model.StoredLetter;

class StoredLettersTest {

    private static TestDatabase db;
    private final TestLetters letter = new TestLetters();
    private final String missionId = letter.entityId("m");
    private final String budgetId = letter.entityId("b");
    private final String motieId = letter.entityId("mo");

    @BeforeAll
    static void database() {
        db = TestDatabase.migrated();
    }

    @Test
    void statusGoesFromReceivedThroughExtractedToStoredAsTheEntitiesArrive() {
        // given
        db.letters.saveReceived(letter.received());
        assertThat(status()).isEqualTo(LetterStatus.RECEIVED);

        // when
        db.letters.saveExtracted(letter.extracted(List.of(missionId), List.of(budgetId), List.of(motieId)));
        // then
        assertThat(status()).isEqualTo(LetterStatus.EXTRACTED);

        // when
        db.entities.saveMission(letter.mission(missionId));
        db.entities.saveBudget(letter.budget(budgetId));
        // then
        assertThat(status()).isEqualTo(LetterStatus.EXTRACTED);

        // when
        db.entities.saveMotie(letter.motie(motieId));
        // then
        assertThat(status()).isEqualTo(LetterStatus.STORED);

        // when a listed entity is retracted again
        db.entities.deleteBudget(budgetId);
        // then
        assertThat(status()).isEqualTo(LetterStatus.EXTRACTED);
    }

    @Test
    void anExtractionWithoutEntitiesIsStoredAtOnce() {
        // given
        db.letters.saveReceived(letter.received());

        // when
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));

        // then
        assertThat(status()).isEqualTo(LetterStatus.STORED);
    }

    @Test
    void recordsArrivingInReverseOrderGiveTheSameLetter() {
        // given entities first, then the extraction, then the receipt
        db.entities.saveMotie(letter.motie(motieId));
        db.entities.saveBudget(letter.budget(budgetId));
        db.entities.saveMission(letter.mission(missionId));
        assertThat(db.storedLetters.find(letter.letterId)).as("entities alone do not make a letter known").isEmpty();
        db.letters.saveExtracted(letter.extracted(List.of(missionId), List.of(budgetId), List.of(motieId)));
        assertThat(status()).as("every entity is there, the text is not").isEqualTo(LetterStatus.EXTRACTED);

        // when
        db.letters.saveReceived(letter.received());

        // then
        var extracted = letter.extracted(List.of(missionId), List.of(budgetId), List.of(motieId));
        var received = letter.received();
        assertThat(db.storedLetters.find(letter.letterId)).contains(new StoredLetter(
                letter.letterId,
                LetterStatus.STORED,
                null,
                extracted.metadata(),
                List.of(letter.mission(missionId)),
                List.of(letter.budget(budgetId)),
                List.of(letter.motie(motieId)),
                received.text(),
                received.source(),
                received.receivedAt(),
                extracted.extractedAt(),
                TestLetters.EXTRACTOR));
    }

    @Test
    void aLetterExtractionGaveUpOnIsFailedWithTheReasonUntilALaterExtractionSucceeds() {
        // given
        db.letters.saveReceived(letter.received());
        Instant failedAt = letter.extracted(List.of(), List.of(), List.of()).extractedAt().minusSeconds(60);

        // when
        db.letters.saveFailed(letter.letterId, failedAt, "IllegalStateException: extractor broke");

        // then
        assertThat(db.storedLetters.find(letter.letterId)).hasValueSatisfying(stored -> {
            assertThat(stored.status()).isEqualTo(LetterStatus.FAILED);
            assertThat(stored.notice()).isEqualTo("Extraction failed: IllegalStateException: extractor broke");
        });

        // when: re-extraction succeeds afterwards
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));

        // then
        assertThat(db.storedLetters.find(letter.letterId)).hasValueSatisfying(stored ->
                assertThat(stored.status()).isEqualTo(LetterStatus.STORED));
    }

    @Test
    void anExtractedLetterThatWasNotReceivedYetHasNoTextOrSourceAndIsNotStoredYet() {
        // given
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));

        // when
        StoredLetter stored = db.storedLetters.find(letter.letterId).orElseThrow();

        // then: every listed entity (none) is there, but the text is not
        assertThat(stored.status()).isEqualTo(LetterStatus.EXTRACTED);
        assertThat(stored.text()).isNull();
        assertThat(stored.source()).isNull();
        assertThat(stored.receivedAt()).isNull();
        assertThat(stored.letter()).isNotNull();
    }

    @Test
    void aReceivedLetterThatWasNotExtractedYetHasNoMetadataButShowsItsEntities() {
        // given
        db.letters.saveReceived(letter.received());
        db.entities.saveMission(letter.mission(missionId));

        // when
        StoredLetter stored = db.storedLetters.find(letter.letterId).orElseThrow();

        // then
        assertThat(stored.status()).isEqualTo(LetterStatus.RECEIVED);
        assertThat(stored.letter()).isNull();
        assertThat(stored.extractedAt()).isNull();
        assertThat(stored.missions()).containsExactly(letter.mission(missionId));
    }

    @Test
    void anEntityRetractedByReExtractionDoesNotReappearWhenRedeliveredLate() {
        // given a re-extraction that no longer lists the mission
        String staleId = letter.entityId("m-stale");
        db.letters.saveExtracted(letter.extracted(List.of(missionId), List.of(), List.of()));
        db.entities.saveMission(letter.mission(missionId));

        // when the old mission record is delivered after it
        db.entities.saveMission(letter.mission(staleId));

        // then
        assertThat(db.storedLetters.find(letter.letterId).orElseThrow().missions())
                .extracting(mission -> mission.entityId())
                .containsExactly(missionId);
    }

    @Test
    void entitiesComeInTheOrderTheExtractionListsThem() {
        // given
        List<String> listed = List.of(letter.entityId("z"), letter.entityId("a"), letter.entityId("m"));
        db.letters.saveExtracted(letter.extracted(listed, List.of(), List.of()));

        // when
        List.of(listed.get(2), listed.get(0), listed.get(1)).forEach(id -> db.entities.saveMission(letter.mission(id)));

        // then
        assertThat(db.storedLetters.find(letter.letterId).orElseThrow().missions())
                .extracting(mission -> mission.entityId())
                .containsExactlyElementsOf(listed);
    }

    @Test
    void anUnknownLetterIsNotFound() {
        assertThat(db.storedLetters.find(letter.letterId)).isEmpty();
    }

    @Test
    void theLetterListGivesEachLetterTheStatusTheLetterHas() {
        // given an extraction whose entities (none) are all there, but not the letter's text
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));

        // then
        assertThat(listedStatus()).isEqualTo(LetterStatus.EXTRACTED).isEqualTo(status());

        // when the text arrives
        db.letters.saveReceived(letter.received());

        // then
        assertThat(listedStatus()).isEqualTo(LetterStatus.STORED).isEqualTo(status());
    }

    private LetterStatus listedStatus() {
        return letter.listedInItsDossier(new LetterSearch(db.jdbc), null).stream().findFirst().orElseThrow().status();
    }

    private LetterStatus status() {
        return db.storedLetters.find(letter.letterId).orElseThrow().status();
    }
}
