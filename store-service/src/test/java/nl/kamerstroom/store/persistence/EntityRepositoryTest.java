package nl.kamerstroom.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.kamerstroom.store.model.Motie;
import nl.kamerstroom.store.model.Submitter;

class EntityRepositoryTest {

    private static TestDatabase db;
    private final TestLetters letter = new TestLetters();

    @BeforeAll
    static void database() {
        db = TestDatabase.migrated();
    }

    @Test
    void storingTheSameEntitiesTwiceLeavesOneRowEach() {
        // given
        var mission = letter.mission(letter.entityId("m"));
        var budget = letter.budget(letter.entityId("b"));
        var motie = letter.motie(letter.entityId("mo"));
        db.entities.saveMission(mission);
        db.entities.saveBudget(budget);
        db.entities.saveMotie(motie);

        // when
        db.entities.saveMission(mission);
        db.entities.saveBudget(budget);
        db.entities.saveMotie(motie);

        // then
        assertThat(db.count("missions", letter.letterId)).isEqualTo(1);
        assertThat(db.count("budgets", letter.letterId)).isEqualTo(1);
        assertThat(db.count("moties", letter.letterId)).isEqualTo(1);
        assertThat(db.entities.missionsOf(letter.letterId)).containsExactly(mission);
        assertThat(db.entities.budgetsOf(letter.letterId)).containsExactly(budget);
        assertThat(db.entities.motiesOf(letter.letterId)).containsExactly(motie);
    }

    @Test
    void aChangedMotieReplacesItsSubmittersAndReference() {
        // given
        var first = letter.motie(letter.entityId("mo"));
        db.entities.saveMotie(first);

        // when
        var changed = new Motie(first.entityId(), first.letterId(), "rules-1.1", 0.95, first.evidence(),
                List.of(new Submitter("Boswijk", "CDA")), null, first.text());
        db.entities.saveMotie(changed);

        // then
        assertThat(db.entities.motiesOf(letter.letterId)).containsExactly(changed);
    }

    @Test
    void aTombstoneDeletesTheEntity() {
        // given
        var mission = letter.mission(letter.entityId("m"));
        var budget = letter.budget(letter.entityId("b"));
        var motie = letter.motie(letter.entityId("mo"));
        db.entities.saveMission(mission);
        db.entities.saveBudget(budget);
        db.entities.saveMotie(motie);

        // when
        db.entities.deleteMission(mission.entityId());
        db.entities.deleteBudget(budget.entityId());
        db.entities.deleteMotie(motie.entityId());

        // then
        assertThat(db.count("missions", letter.letterId)).isZero();
        assertThat(db.count("budgets", letter.letterId)).isZero();
        assertThat(db.count("moties", letter.letterId)).isZero();
        assertThat(db.jdbc.sql("SELECT count(*) FROM motie_submitters WHERE entity_id = :id").param("id", motie.entityId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aTombstoneForAnEntityThatIsNotThereChangesNothing() {
        // given
        var mission = letter.mission(letter.entityId("m"));
        db.entities.saveMission(mission);

        // when
        db.entities.deleteMission(letter.entityId("never-stored"));
        db.entities.deleteMission(letter.entityId("never-stored"));

        // then
        assertThat(db.entities.missionsOf(letter.letterId)).containsExactly(mission);
    }
}
