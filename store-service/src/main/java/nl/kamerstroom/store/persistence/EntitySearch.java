package nl.kamerstroom.store.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.kamerstroom.store.model.BudgetCriteria;
import nl.kamerstroom.store.model.BudgetMention;
import nl.kamerstroom.store.model.BudgetTotal;
import nl.kamerstroom.store.model.LetterReference;
import nl.kamerstroom.store.model.MissionCriteria;
import nl.kamerstroom.store.model.MissionMention;
import nl.kamerstroom.store.model.Motie;
import nl.kamerstroom.store.model.MotieCriteria;
import nl.kamerstroom.store.model.MotieMention;
import nl.kamerstroom.store.model.Page;
import nl.kamerstroom.store.model.PageRequest;
import nl.kamerstroom.store.model.Submitter;

/**
 * Lists facts across letters. A fact is listed once its letter is known (received or extracted) and only while the
 * letter's latest extraction names it ({@link LatestExtraction}). Lists are newest letter first; the histories of
 * one mission or motie are oldest letter first, as they are read as a story. Ties fall to the letter id, the
 * position of the evidence in the letter and the entity id, so paging is stable.
 */
@Repository
public class EntitySearch {

    private static final String LETTER_COLUMNS = """
            l.letter_id AS l_letter_id, l.dossier AS l_dossier, l.dossier_title AS l_dossier_title,
            l.document_number AS l_document_number, l.chamber AS l_chamber, l.letter_date AS l_letter_date""";
    private static final String NEWEST_FIRST =
            "l.letter_date DESC NULLS LAST, l.received_at DESC NULLS LAST, l.letter_id, e.evidence_start, e.entity_id";
    private static final String OLDEST_FIRST =
            "l.letter_date ASC NULLS LAST, l.received_at ASC NULLS LAST, l.letter_id, e.evidence_start, e.entity_id";
    /** The year a budget counts for: the one it states, or else the year of its letter. */
    private static final String EFFECTIVE_YEAR = "coalesce(e.year, CAST(extract(year FROM l.letter_date) AS integer))";

    private final JdbcClient jdbc;
    private final EntityRepository entities;

    public EntitySearch(JdbcClient jdbc, EntityRepository entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    public Page<MissionMention> missions(MissionCriteria criteria, PageRequest page) {
        SqlConditions where = current("mission_ids")
                .whenGiven(SqlConditions.containing(criteria.name()),
                        "(lower(e.name) LIKE :name OR lower(e.acronym) LIKE :name)", "name")
                .whenGiven(criteria.organisation(), "lower(e.organisation) = lower(:organisation)", "organisation")
                .whenGiven(criteria.country(), "lower(e.country) = lower(:country)", "country")
                .whenGiven(criteria.dutchContribution(), "e.dutch_contribution = :dutchContribution", "dutchContribution")
                .whenGiven(criteria.activeOn(),
                        "e.start_date <= :activeOn AND (e.end_date IS NULL OR e.end_date >= :activeOn)", "activeOn");
        return missions(where, NEWEST_FIRST, page);
    }

    /** Every letter that mentions the mission with this name or acronym (any case), oldest letter first. */
    public Page<MissionMention> missionHistory(String nameOrAcronym, PageRequest page) {
        SqlConditions where = current("mission_ids")
                .whenGiven(nameOrAcronym, "(lower(e.name) = lower(:nameOrAcronym) OR lower(e.acronym) = lower(:nameOrAcronym))",
                        "nameOrAcronym");
        return missions(where, OLDEST_FIRST, page);
    }

    public Page<BudgetMention> budgets(BudgetCriteria criteria, PageRequest page) {
        SqlConditions where = budgetConditions(criteria);
        List<BudgetMention> items = jdbc.sql("""
                        SELECT e.*, %s AS effective_year, %s
                        FROM budgets e JOIN letters l ON l.letter_id = e.letter_id
                        %s
                        ORDER BY %s
                        LIMIT :limit OFFSET :offset
                        """.formatted(EFFECTIVE_YEAR, LETTER_COLUMNS, where.where(), NEWEST_FIRST))
                .params(where.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, rowNumber) -> new BudgetMention(letter(rs), rs.getObject("effective_year", Integer.class),
                        EntityRepository.budget(rs, rowNumber)))
                .list();
        return Page.of(items, page, count("budgets", where));
    }

    /** Sums of all budgets that meet the criteria (not only one page), per dossier and year, in dossier and year order. */
    public List<BudgetTotal> budgetTotals(BudgetCriteria criteria) {
        SqlConditions where = budgetConditions(criteria);
        return jdbc.sql("""
                        SELECT l.dossier, %1$s AS effective_year, sum(e.amount_eur) AS amount_eur, count(*) AS budgets
                        FROM budgets e JOIN letters l ON l.letter_id = e.letter_id
                        %2$s
                        GROUP BY l.dossier, %1$s
                        ORDER BY l.dossier NULLS LAST, effective_year NULLS LAST
                        """.formatted(EFFECTIVE_YEAR, where.where()))
                .params(where.params())
                .query((rs, rowNumber) -> new BudgetTotal(rs.getString("dossier"), rs.getObject("effective_year", Integer.class),
                        rs.getLong("amount_eur"), rs.getInt("budgets")))
                .list();
    }

    public Page<MotieMention> moties(MotieCriteria criteria, PageRequest page) {
        // submitter and party are matched on the same submitter: "Kuik of the CDA", not "Kuik, and someone of the CDA"
        String submitterCondition = null;
        if (criteria.submitter() != null || criteria.party() != null) {
            submitterCondition = "EXISTS (SELECT 1 FROM motie_submitters s WHERE s.entity_id = e.entity_id"
                    + (criteria.submitter() == null ? "" : " AND lower(s.name) LIKE :submitter")
                    + (criteria.party() == null ? "" : " AND lower(s.party) = lower(:party)")
                    + ")";
        }
        SqlConditions where = current("motie_ids");
        if (submitterCondition != null) {
            where.always(submitterCondition);
        }
        if (criteria.submitter() != null) {
            where.param("submitter", SqlConditions.containing(criteria.submitter()));
        }
        if (criteria.party() != null) {
            where.param("party", criteria.party());
        }
        where.whenGiven(criteria.dossier(), "e.reference_dossier = :dossier", "dossier");
        return moties(where, NEWEST_FIRST, page);
    }

    /** Every letter that refers to the motie in Kamerstuk {@code dossier}, nr. {@code number}, oldest letter first. */
    public Page<MotieMention> motieHistory(String dossier, String number, PageRequest page) {
        SqlConditions where = current("motie_ids")
                .whenGiven(dossier, "e.reference_dossier = :dossier", "dossier")
                .whenGiven(number, "e.reference_number = :number", "number");
        return moties(where, OLDEST_FIRST, page);
    }

    private Page<MissionMention> missions(SqlConditions where, String order, PageRequest page) {
        List<MissionMention> items = jdbc.sql("""
                        SELECT e.*, %s
                        FROM missions e JOIN letters l ON l.letter_id = e.letter_id
                        %s
                        ORDER BY %s
                        LIMIT :limit OFFSET :offset
                        """.formatted(LETTER_COLUMNS, where.where(), order))
                .params(where.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, rowNumber) -> new MissionMention(letter(rs), EntityRepository.mission(rs, rowNumber)))
                .list();
        return Page.of(items, page, count("missions", where));
    }

    private Page<MotieMention> moties(SqlConditions where, String order, PageRequest page) {
        record Row(LetterReference letter, Motie motie) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT e.*, %s
                        FROM moties e JOIN letters l ON l.letter_id = e.letter_id
                        %s
                        ORDER BY %s
                        LIMIT :limit OFFSET :offset
                        """.formatted(LETTER_COLUMNS, where.where(), order))
                .params(where.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, rowNumber) -> new Row(letter(rs), EntityRepository.motie(rs, List.of())))
                .list();
        Map<String, List<Submitter>> submitters = entities.submittersOf(rows.stream().map(row -> row.motie().entityId()).toList());
        List<MotieMention> items = rows.stream()
                .map(row -> new MotieMention(row.letter(), withSubmitters(row.motie(), submitters.getOrDefault(row.motie().entityId(), List.of()))))
                .toList();
        return Page.of(items, page, count("moties", where));
    }

    private long count(String table, SqlConditions where) {
        // table is a constant of this class, never input
        return jdbc.sql("SELECT count(*) FROM " + table + " e JOIN letters l ON l.letter_id = e.letter_id " + where.where())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    private static SqlConditions budgetConditions(BudgetCriteria criteria) {
        return current("budget_ids")
                .whenGiven(criteria.minEur(), "e.amount_eur >= :minEur", "minEur")
                .whenGiven(criteria.maxEur(), "e.amount_eur <= :maxEur", "maxEur")
                .whenGiven(criteria.recurrence() == null ? null : criteria.recurrence().name(), "e.recurrence = :recurrence", "recurrence")
                .whenGiven(criteria.year(), EFFECTIVE_YEAR + " = :year", "year")
                .whenGiven(criteria.dossier(), "l.dossier = :dossier", "dossier");
    }

    private static SqlConditions current(String idsColumn) {
        return new SqlConditions().always(LatestExtraction.names(idsColumn));
    }

    private static Motie withSubmitters(Motie motie, List<Submitter> submitters) {
        return new Motie(motie.entityId(), motie.letterId(), motie.extractorVersion(), motie.confidence(), motie.evidence(),
                submitters, motie.reference(), motie.text());
    }

    private static LetterReference letter(ResultSet rs) throws SQLException {
        return new LetterReference(
                rs.getString("l_letter_id"),
                rs.getString("l_dossier"),
                rs.getString("l_dossier_title"),
                rs.getString("l_document_number"),
                rs.getString("l_chamber"),
                rs.getObject("l_letter_date", LocalDate.class));
    }
}
