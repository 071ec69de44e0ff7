package nl.kamerstroom.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.kamerstroom.store.model.StoredLetter;

class LetterRepositoryTest {

    private static TestDatabase db;
    private final TestLetters letter = new TestLetters();

    @BeforeAll
    static void database() {
        db = TestDatabase.migrated();
    }

    @Test
    void receivingTheSameLetterTwiceLeavesOneRow() {
        // given
        db.letters.saveReceived(letter.received());

        // when
        db.letters.saveReceived(letter.received());

        // then
        assertThat(db.jdbc.sql("SELECT count(*) FROM letters WHERE letter_id = :id").param("id", letter.letterId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(db.storedLetters.find(letter.letterId)).get()
                .returns(letter.received().text(), StoredLetter::text)
                .returns(letter.received().source(), StoredLetter::source);
    }

    @Test
    void extractingTheSameLetterTwiceLeavesOneRowWithTheLatestExtraction() {
        // given
        db.letters.saveExtracted(letter.extracted(List.of("old"), List.of(), List.of()));

        // when
        var latest = letter.extracted(List.of("m1", "m2"), List.of("b1"), List.of());
        db.letters.saveExtracted(latest);

        // then
        assertThat(db.jdbc.sql("SELECT count(*) FROM letters WHERE letter_id = :id").param("id", letter.letterId)
                .query(Long.class).single()).isEqualTo(1);
        LetterRepository.LetterRow row = db.letters.find(letter.letterId).orElseThrow();
        assertThat(row.entityIds()).isEqualTo(latest.entityIds());
        assertThat(row.metadata()).isEqualTo(latest.metadata());
    }

    @Test
    void reExtractionRetractsTheLettersEntitiesItNoLongerLists() {
        // given a first extraction with two entities of each type, all stored
        String keptMission = letter.entityId("m-kept");
        String staleMission = letter.entityId("m-stale");
        String keptBudget = letter.entityId("b-kept");
        String staleBudget = letter.entityId("b-stale");
        String keptMotie = letter.entityId("mo-kept");
        String staleMotie = letter.entityId("mo-stale");
        db.letters.saveExtracted(letter.extracted(
                List.of(keptMission, staleMission), List.of(keptBudget, staleBudget), List.of(keptMotie, staleMotie)));
        List.of(keptMission, staleMission).forEach(id -> db.entities.saveMission(letter.mission(id)));
        List.of(keptBudget, staleBudget).forEach(id -> db.entities.saveBudget(letter.budget(id)));
        List.of(keptMotie, staleMotie).forEach(id -> db.entities.saveMotie(letter.motie(id)));
        // and another letter's entity, which a re-extraction of this letter must not touch
        var otherLetter = new TestLetters();
        db.entities.saveMission(otherLetter.mission(otherLetter.entityId("m")));

        // when
        db.letters.saveExtracted(letter.extracted(List.of(keptMission), List.of(keptBudget), List.of(keptMotie)));

        // then
        assertThat(ids("missions", letter.letterId)).containsExactly(keptMission);
        assertThat(ids("budgets", letter.letterId)).containsExactly(keptBudget);
        assertThat(ids("moties", letter.letterId)).containsExactly(keptMotie);
        assertThat(db.jdbc.sql("SELECT count(*) FROM motie_submitters WHERE entity_id = :id").param("id", staleMotie)
                .query(Long.class).single()).isZero();
        assertThat(ids("missions", otherLetter.letterId)).hasSize(1);
    }

    @Test
    void anExtractionListingNothingRetractsEveryEntityOfTheLetter() {
        // given
        String mission = letter.entityId("m");
        db.letters.saveExtracted(letter.extracted(List.of(mission), List.of(), List.of()));
        db.entities.saveMission(letter.mission(mission));

        // when
        db.letters.saveExtracted(letter.extracted(List.of(), List.of(), List.of()));

        // then
        assertThat(db.count("missions", letter.letterId)).isZero();
    }

    private List<String> ids(String table, String letterId) {
        return db.jdbc.sql("SELECT entity_id FROM " + table + " WHERE letter_id = :letterId ORDER BY entity_id")
                .param("letterId", letterId)
                .query(String.class)
                .list();
    }
}
