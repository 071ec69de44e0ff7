package nl.kamerstroom.store.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The entity tables. Each write is an upsert or delete by entity id in its own transaction, so a record that is
 * delivered again leaves the table as it was. Entities are stored whether or not their letter is known yet.
 */
@Repository
public class EntityRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public EntityRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public void saveMission(Mission mission) {
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO missions (entity_id, letter_id, extractor_version, confidence,
                                              evidence_quote, evidence_start, evidence_end,
                                              name, acronym, organisation, country, personnel,
                                              start_date, end_date, dutch_contribution)
                        VALUES (:entityId, :letterId, :extractorVersion, :confidence,
                                :evidenceQuote, :evidenceStart, :evidenceEnd,
                                :name, :acronym, :organisation, :country, :personnel,
                                :start, :end, :dutchContribution)
                        ON CONFLICT (entity_id) DO UPDATE SET
                            letter_id = EXCLUDED.letter_id,
                            extractor_version = EXCLUDED.extractor_version,
                            confidence = EXCLUDED.confidence,
                            evidence_quote = EXCLUDED.evidence_quote,
                            evidence_start = EXCLUDED.evidence_start,
                            evidence_end = EXCLUDED.evidence_end,
                            name = EXCLUDED.name,
                            acronym = EXCLUDED.acronym,
                            organisation = EXCLUDED.organisation,
                            country = EXCLUDED.country,
                            personnel = EXCLUDED.personnel,
                            start_date = EXCLUDED.start_date,
                            end_date = EXCLUDED.end_date,
                            dutch_contribution = EXCLUDED.dutch_contribution
                        """)
                .param("entityId", mission.entityId())
                .param("letterId", mission.letterId())
                .param("extractorVersion", mission.extractorVersion())
                .param("confidence", mission.confidence())
                .param("evidenceQuote", mission.evidence().quote())
                .param("evidenceStart", mission.evidence().start())
                .param("evidenceEnd", mission.evidence().end())
                .param("name", mission.name())
                .param("acronym", mission.acronym())
                .param("organisation", mission.organisation())
                .param("country", mission.country())
                .param("personnel", mission.personnel(), Types.INTEGER)
                .param("start", mission.start(), Types.DATE)
                .param("end", mission.end(), Types.DATE)
                .param("dutchContribution", mission.dutchContribution())
                .update());
    }

    public void saveBudget(Budget budget) {
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO budgets (entity_id, letter_id, extractor_version, confidence,
                                             evidence_quote, evidence_start, evidence_end,
                                             amount_eur, text, recurrence, year, purpose)
                        VALUES (:entityId, :letterId, :extractorVersion, :confidence,
                                :evidenceQuote, :evidenceStart, :evidenceEnd,
                                :amountEur, :text, :recurrence, :year, :purpose)
                        ON CONFLICT (entity_id) DO UPDATE SET
                            letter_id = EXCLUDED.letter_id,
                            extractor_version = EXCLUDED.extractor_version,
                            confidence = EXCLUDED.confidence,
                            evidence_quote = EXCLUDED.evidence_quote,
                            evidence_start = EXCLUDED.evidence_start,
                            evidence_end = EXCLUDED.evidence_end,
                            amount_eur = EXCLUDED.amount_eur,
                            text = EXCLUDED.text,
                            recurrence = EXCLUDED.recurrence,
                            year = EXCLUDED.year,
                            purpose = EXCLUDED.purpose
                        """)
                .param("entityId", budget.entityId())
                .param("letterId", budget.letterId())
                .param("extractorVersion", budget.extractorVersion())
                .param("confidence", budget.confidence())
                .param("evidenceQuote", budget.evidence().quote())
                .param("evidenceStart", budget.evidence().start())
                .param("evidenceEnd", budget.evidence().end())
                .param("amountEur", budget.amountEur())
                .param("text", budget.text())
                .param("recurrence", budget.recurrence())
                .param("year", budget.year(), Types.INTEGER)
                .param("purpose", budget.purpose())
                .update());
    }

    /** Stores a motie with its submitters and reference; the submitters of a previous version are replaced. */
    public void saveMotie(Motie motie) {
        KamerstukReference reference = motie.reference();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO moties (entity_id, letter_id, extractor_version, confidence,
                                                evidence_quote, evidence_start, evidence_end, text,
                                                reference_dossier, reference_number, reference_chamber,
                                                reference_session_year)
                            VALUES (:entityId, :letterId, :extractorVersion, :confidence,
                                    :evidenceQuote, :evidenceStart, :evidenceEnd, :text,
                                    :referenceDossier, :referenceNumber, :referenceChamber,
                                    :referenceSessionYear)
                            ON CONFLICT (entity_id) DO UPDATE SET
                                letter_id = EXCLUDED.letter_id,
                                extractor_version = EXCLUDED.extractor_version,
                                confidence = EXCLUDED.confidence,
                                evidence_quote = EXCLUDED.evidence_quote,
                                evidence_start = EXCLUDED.evidence_start,
                                evidence_end = EXCLUDED.evidence_end,
                                text = EXCLUDED.text,
                                reference_dossier = EXCLUDED.reference_dossier,
                                reference_number = EXCLUDED.reference_number,
                                reference_chamber = EXCLUDED.reference_chamber,
                                reference_session_year = EXCLUDED.reference_session_year
                            """)
                    .param("entityId", motie.entityId())
                    .param("letterId", motie.letterId())
                    .param("extractorVersion", motie.extractorVersion())
                    .param("confidence", motie.confidence())
                    .param("evidenceQuote", motie.evidence().quote())
                    .param("evidenceStart", motie.evidence().start())
                    .param("evidenceEnd", motie.evidence().end())
                    .param("text", motie.text())
                    .param("referenceDossier", reference == null ? null : reference.dossier())
                    .param("referenceNumber", reference == null ? null : reference.number())
                    .param("referenceChamber", reference == null ? null : reference.chamber())
                    .param("referenceSessionYear", reference == null ? null : reference.sessionYear())
                    .update();
            jdbc.sql("DELETE FROM motie_submitters WHERE entity_id = :entityId")
                    .param("entityId", motie.entityId())
                    .update();
            List<Submitter> submitters = motie.submitters();
            for (int position = 0; position < submitters.size(); position++) {
                jdbc.sql("""
                                INSERT INTO motie_submitters (entity_id, position, name, party)
                                VALUES (:entityId, :position, :name, :party)
                                """)
                        .param("entityId", motie.entityId())
                        .param("position", position)
                        .param("name", submitters.get(position).name())
                        .param("party", submitters.get(position).party())
                        .update();
            }
        });
    }

    /** Retracts a mission (a tombstone on its topic). Deleting one that is not there is not an error. */
    public void deleteMission(String entityId) {
        delete("missions", entityId);
    }

    /** Retracts a budget (a tombstone on its topic). Deleting one that is not there is not an error. */
    public void deleteBudget(String entityId) {
        delete("budgets", entityId);
    }

    /** Retracts a motie and its submitters (a tombstone on its topic). Deleting one that is not there is not an error. */
    public void deleteMotie(String entityId) {
        delete("moties", entityId);
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

    private void delete(String table, String entityId) {
        // table is one of three constants above, never input
        transaction.executeWithoutResult(status -> jdbc.sql("DELETE FROM " + table + " WHERE entity_id = :entityId")
                .param("entityId", entityId)
                .update());
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
