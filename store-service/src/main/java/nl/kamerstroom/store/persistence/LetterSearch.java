package nl.kamerstroom.store.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.kamerstroom.store.model.LetterCriteria;
import nl.kamerstroom.store.model.LetterStatus;
import nl.kamerstroom.store.model.LetterSummary;
import nl.kamerstroom.store.model.Page;
import nl.kamerstroom.store.model.PageRequest;
import nl.kamerstroom.store.search.DutchTextSearch;

/**
 * Lists letters by metadata and by the words of their text (as {@link DutchTextSearch} cuts text and search into
 * words). The order is stable, so paging through a list that is
 * not being written to shows every letter once: best text match first when searching words, then newest letter
 * first, the letter id breaking ties.
 */
@Repository
public class LetterSearch {

    private static final String SUMMARY_COLUMNS = """
            l.letter_id, l.dossier, l.dossier_title, l.document_number, l.chamber, l.session_year, l.letter_date,
            l.received_at, l.extracted_at,
            %s AS status,
            %s AS mission_count,
            %s AS budget_count,
            %s AS motie_count""".formatted(
            LatestExtraction.status(),
            LatestExtraction.count("missions", "mission_ids"),
            LatestExtraction.count("budgets", "budget_ids"),
            LatestExtraction.count("moties", "motie_ids"));

    private final JdbcClient jdbc;

    public LetterSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<LetterSummary> find(LetterCriteria criteria, PageRequest page) {
        String words = criteria.words() == null ? null : DutchTextSearch.query(criteria.words()).orElse(null);
        SqlConditions where = new SqlConditions()
                .whenGiven(criteria.dossier(), "l.dossier = :dossier", "dossier")
                .whenGiven(criteria.chamber() == null ? null : criteria.chamber().name(), "l.chamber = :chamber", "chamber")
                .whenGiven(criteria.from(), "l.letter_date >= :from", "from")
                .whenGiven(criteria.to(), "l.letter_date <= :to", "to")
                .whenGiven(words, "s.text_search @@ CAST(:words AS tsquery)", "words");
        if (criteria.words() != null && words == null) {
            // Only stop words or punctuation: as with PostgreSQL's own parsing, such a search finds nothing.
            where.always("FALSE");
        }
        String byRelevance = words == null ? "" : "ts_rank(s.text_search, CAST(:words AS tsquery)) DESC, ";
        String from = words == null ? "letters l" : "letters l JOIN letter_search s ON s.letter_id = l.letter_id";
        List<LetterSummary> items = jdbc.sql("""
                        SELECT %s
                        FROM %s
                        %s
                        ORDER BY %s l.letter_date DESC NULLS LAST, l.received_at DESC NULLS LAST, l.letter_id
                        LIMIT :limit OFFSET :offset
                        """.formatted(SUMMARY_COLUMNS, from, where.where(), byRelevance))
                .params(where.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(LetterSearch::summary)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM " + from + " " + where.where())
                .params(where.params())
                .query(Long.class)
                .single();
        return Page.of(items, page, total);
    }

    /**
     * The ids of the letters that {@code letters.received} has delivered, restricted to one letter id and to one
     * dossier where these are given.
     */
    public List<String> receivedLetterIds(String letterId, String dossier) {
        SqlConditions where = new SqlConditions()
                .always("l.received_at IS NOT NULL")
                .whenGiven(letterId, "l.letter_id = :letterId", "letterId")
                .whenGiven(dossier, "l.dossier = :dossier", "dossier");
        return jdbc.sql("SELECT l.letter_id FROM letters l " + where.where() + " ORDER BY l.letter_id")
                .params(where.params())
                .query(String.class)
                .list();
    }

    /**
     * How many of the letters were extracted after {@code since} and have every entity of that extraction stored:
     * the letters a re-extraction started at {@code since} has finished.
     */
    public int countStoredSince(List<String> letterIds, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM letters l
                        WHERE l.letter_id = ANY (:letterIds)
                          AND l.extracted_at > :since
                          AND %s = 'STORED'
                        """.formatted(LatestExtraction.status()))
                .param("letterIds", letterIds.toArray(String[]::new))
                .param("since", since.atOffset(java.time.ZoneOffset.UTC))
                .query(Integer.class)
                .single();
    }

    private static LetterSummary summary(ResultSet rs, int rowNumber) throws SQLException {
        return new LetterSummary(
                rs.getString("letter_id"),
                LetterStatus.valueOf(rs.getString("status")),
                rs.getString("dossier"),
                rs.getString("dossier_title"),
                rs.getString("document_number"),
                rs.getString("chamber"),
                rs.getString("session_year"),
                rs.getObject("letter_date", LocalDate.class),
                instant(rs, "received_at"),
                instant(rs, "extracted_at"),
                rs.getInt("mission_count"),
                rs.getInt("budget_count"),
                rs.getInt("motie_count"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
