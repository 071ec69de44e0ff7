package nl.kamerstroom.store.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.kamerstroom.store.model.Budget;
import nl.kamerstroom.store.model.Evidence;
import nl.kamerstroom.store.model.KamerstukReference;
import nl.kamerstroom.store.model.Mission;
import nl.kamerstroom.store.model.Motie;
import nl.kamerstroom.store.model.Submitter;

/**
 * The entity tables. Each write is an upsert or delete by entity id, so a record that is delivered again leaves the
 * table as it was; a batch of writes (one poll of a topic) runs in one transaction. Entities are stored whether or not their letter is known yet.
 */
@Repository
public class EntityRepository {

    private static final String ENTITY_COLUMNS = """
            entity_id text, letter_id text, extractor_version text, confidence float8,
            evidence_quote text, evidence_start int4, evidence_end int4""";

    private static final UnnestInsert MISSIONS = UnnestInsert.upsert("missions", "entity_id", ENTITY_COLUMNS + """
            , name text, acronym text, organisation text, country text, personnel int4,
            start_date date, end_date date, dutch_contribution bool""");

    private static final UnnestInsert BUDGETS = UnnestInsert.upsert("budgets", "entity_id", ENTITY_COLUMNS + """
            , amount_eur int8, text text, recurrence text, year int4, purpose text""");

    private static final UnnestInsert MOTIES = UnnestInsert.upsert("moties", "entity_id", ENTITY_COLUMNS + """
            , text text, reference_dossier text, reference_number text, reference_chamber text,
            reference_session_year text""");

    private static final UnnestInsert MOTIE_SUBMITTERS = new UnnestInsert("motie_submitters",
            "entity_id text, position int4, name text, party text", "");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public EntityRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public void saveMission(Mission mission) {
        writeMissions(List.of(mission), List.of());
    }

    public void saveBudget(Budget budget) {
        writeBudgets(List.of(budget), List.of());
    }

    /** Stores a motie with its submitters and reference; the submitters of a previous version are replaced. */
    public void saveMotie(Motie motie) {
        writeMoties(List.of(motie), List.of());
    }

    /** Retracts a mission (a tombstone on its topic). Deleting one that is not there is not an error. */
    public void deleteMission(String entityId) {
        writeMissions(List.of(), List.of(entityId));
    }

    /** Retracts a budget (a tombstone on its topic). Deleting one that is not there is not an error. */
    public void deleteBudget(String entityId) {
        writeBudgets(List.of(), List.of(entityId));
    }

    /** Retracts a motie and its submitters (a tombstone on its topic). Deleting one that is not there is not an error. */
    public void deleteMotie(String entityId) {
        writeMoties(List.of(), List.of(entityId));
    }

    /**
     * Upserts the missions and deletes the retracted ids in one transaction: one multi-row upsert, one delete. The
     * entity ids must all differ (the caller keeps the last write per id); rows are written in id order, so
     * concurrent writers lock them in the same order.
     */
    public void writeMissions(List<Mission> missions, Collection<String> retractedIds) {
        List<UnnestInsert.Row> rows = sortedBy(missions, Mission::entityId).stream()
                .map(mission -> entityRow(mission.entityId(), mission.letterId(), mission.extractorVersion(), mission.confidence(), mission.evidence())
                        .set("name", mission.name())
                        .set("acronym", mission.acronym())
                        .set("organisation", mission.organisation())
                        .set("country", mission.country())
                        .set("personnel", mission.personnel())
                        .set("start_date", mission.start())
                        .set("end_date", mission.end())
                        .set("dutch_contribution", mission.dutchContribution()))
                .toList();
        transaction.executeWithoutResult(status -> {
            delete("missions", retractedIds);
            MISSIONS.execute(jdbc, rows);
        });
    }

    /** The columns every entity table has, filled in; the caller adds its own. */
    private static UnnestInsert.Row entityRow(String entityId, String letterId, String extractorVersion, double confidence,
                                                Evidence evidence) {
        return new UnnestInsert.Row()
                .set("entity_id", entityId)
                .set("letter_id", letterId)
                .set("extractor_version", extractorVersion)
                .set("confidence", confidence)
                .set("evidence_quote", evidence.quote())
                .set("evidence_start", evidence.start())
                .set("evidence_end", evidence.end());
    }

    /** Upserts the budgets and deletes the retracted ids in one transaction, as {@link #writeMissions}. */
    public void writeBudgets(List<Budget> budgets, Collection<String> retractedIds) {
        List<UnnestInsert.Row> rows = sortedBy(budgets, Budget::entityId).stream()
                .map(budget -> entityRow(budget.entityId(), budget.letterId(), budget.extractorVersion(), budget.confidence(), budget.evidence())
                        .set("amount_eur", budget.amountEur())
                        .set("text", budget.text())
                        .set("recurrence", budget.recurrence())
                        .set("year", budget.year())
                        .set("purpose", budget.purpose()))
                .toList();
        transaction.executeWithoutResult(status -> {
            delete("budgets", retractedIds);
            BUDGETS.execute(jdbc, rows);
        });
    }

    /**
     * Upserts the moties with their submitters (replacing those of a previous version) and deletes the retracted ids
     * with theirs, in one transaction, as {@link #writeMissions}.
     */
    public void writeMoties(List<Motie> moties, Collection<String> retractedIds) {
        List<Motie> sorted = sortedBy(moties, Motie::entityId);
        List<UnnestInsert.Row> rows = new ArrayList<>();
        List<UnnestInsert.Row> submitterRows = new ArrayList<>();
        for (Motie motie : sorted) {
            KamerstukReference reference = motie.reference();
            rows.add(entityRow(motie.entityId(), motie.letterId(), motie.extractorVersion(), motie.confidence(), motie.evidence())
                    .set("text", motie.text())
                    .set("reference_dossier", reference == null ? null : reference.dossier())
                    .set("reference_number", reference == null ? null : reference.number())
                    .set("reference_chamber", reference == null ? null : reference.chamber())
                    .set("reference_session_year", reference == null ? null : reference.sessionYear()));
            List<Submitter> submitters = motie.submitters();
            for (int position = 0; position < submitters.size(); position++) {
                submitterRows.add(new UnnestInsert.Row()
                        .set("entity_id", motie.entityId())
                        .set("position", position)
                        .set("name", submitters.get(position).name())
                        .set("party", submitters.get(position).party()));
            }
        }
        transaction.executeWithoutResult(status -> {
            // the submitters go with their motie (ON DELETE CASCADE)
            delete("moties", retractedIds);
            MOTIES.execute(jdbc, rows);
            if (!sorted.isEmpty()) {
                jdbc.sql("DELETE FROM motie_submitters WHERE entity_id = ANY (:entityIds)")
                        .param("entityIds", sorted.stream().map(Motie::entityId).toArray(String[]::new))
                        .update();
            }
            MOTIE_SUBMITTERS.execute(jdbc, submitterRows);
        });
    }

    /**
     * The missions of a letter in the extractor's order. When the letter has been extracted only the entities its
     * latest extraction lists count: a retracted entity redelivered after the re-extraction must not reappear.
     */
    List<Mission> missionsOf(String letterId) {
        return jdbc.sql(ofLetter("missions", "mission_ids"))
                .param("letterId", letterId)
                .query(EntityRepository::mission)
                .list();
    }

    /** The budgets of a letter, chosen and ordered as {@link #missionsOf(String)}. */
    List<Budget> budgetsOf(String letterId) {
        return jdbc.sql(ofLetter("budgets", "budget_ids"))
                .param("letterId", letterId)
                .query(EntityRepository::budget)
                .list();
    }

    /** The moties of a letter with their submitters, chosen and ordered as {@link #missionsOf(String)}. */
    List<Motie> motiesOf(String letterId) {
        Map<String, List<Submitter>> submitters = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT s.entity_id, s.name, s.party
                        FROM motie_submitters s JOIN moties m ON m.entity_id = s.entity_id
                        WHERE m.letter_id = :letterId
                        ORDER BY s.entity_id, s.position
                        """)
                .param("letterId", letterId)
                .query(rs -> {
                    submitters.computeIfAbsent(rs.getString("entity_id"), id -> new ArrayList<>())
                            .add(new Submitter(rs.getString("name"), rs.getString("party")));
                });
        return jdbc.sql(ofLetter("moties", "motie_ids"))
                .param("letterId", letterId)
                .query((rs, rowNumber) -> motie(rs, submitters.getOrDefault(rs.getString("entity_id"), List.of())))
                .list();
    }

    private void delete(String table, Collection<String> entityIds) {
        if (entityIds.isEmpty()) {
            return;
        }
        // table is one of three constants above, never input
        jdbc.sql("DELETE FROM " + table + " WHERE entity_id = ANY (:entityIds)")
                .param("entityIds", entityIds.toArray(String[]::new))
                .update();
    }

    private static <E> List<E> sortedBy(List<E> entities, Function<E, String> entityId) {
        return entities.stream().sorted(Comparator.comparing(entityId)).toList();
    }

    private static String ofLetter(String table, String idsColumn) {
        return """
                SELECT e.*
                FROM %1$s e LEFT JOIN letters l ON l.letter_id = e.letter_id
                WHERE e.letter_id = :letterId
                  AND %3$s
                ORDER BY array_position(l.%2$s, e.entity_id), e.evidence_start, e.entity_id
                """.formatted(table, idsColumn, LatestExtraction.names(idsColumn));
    }

    /** The submitters of the given moties, each list in the order the letter names them. */
    Map<String, List<Submitter>> submittersOf(List<String> motieIds) {
        Map<String, List<Submitter>> submitters = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT entity_id, name, party FROM motie_submitters
                        WHERE entity_id = ANY (:ids)
                        ORDER BY entity_id, position
                        """)
                .param("ids", motieIds.toArray(String[]::new))
                .query(rs -> {
                    submitters.computeIfAbsent(rs.getString("entity_id"), id -> new ArrayList<>())
                            .add(new Submitter(rs.getString("name"), rs.getString("party")));
                });
        return submitters;
    }

    private static Evidence evidence(ResultSet rs) throws SQLException {
        return new Evidence(rs.getString("evidence_quote"), rs.getInt("evidence_start"), rs.getInt("evidence_end"));
    }

    static Mission mission(ResultSet rs, int rowNumber) throws SQLException {
        return new Mission(
                rs.getString("entity_id"),
                rs.getString("letter_id"),
                rs.getString("extractor_version"),
                rs.getDouble("confidence"),
                evidence(rs),
                rs.getString("name"),
                rs.getString("acronym"),
                rs.getString("organisation"),
                rs.getString("country"),
                rs.getObject("personnel", Integer.class),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                rs.getBoolean("dutch_contribution"));
    }

    static Budget budget(ResultSet rs, int rowNumber) throws SQLException {
        return new Budget(
                rs.getString("entity_id"),
                rs.getString("letter_id"),
                rs.getString("extractor_version"),
                rs.getDouble("confidence"),
                evidence(rs),
                rs.getLong("amount_eur"),
                rs.getString("text"),
                rs.getString("recurrence"),
                rs.getObject("year", Integer.class),
                rs.getString("purpose"));
    }

    static Motie motie(ResultSet rs, List<Submitter> submitters) throws SQLException {
        String referenceDossier = rs.getString("reference_dossier");
        KamerstukReference reference = referenceDossier == null ? null : new KamerstukReference(
                referenceDossier,
                rs.getString("reference_number"),
                rs.getString("reference_chamber"),
                rs.getString("reference_session_year"));
        return new Motie(
                rs.getString("entity_id"),
                rs.getString("letter_id"),
                rs.getString("extractor_version"),
                rs.getDouble("confidence"),
                evidence(rs),
                submitters,
                reference,
                rs.getString("text"));
    }
}
