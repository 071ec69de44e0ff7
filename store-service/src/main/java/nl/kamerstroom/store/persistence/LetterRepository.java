package nl.kamerstroom.store.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import nl.kamerstroom.store.model.EntityIds;
import nl.kamerstroom.store.model.ExtractedLetter;
import nl.kamerstroom.store.model.LetterMetadata;
import nl.kamerstroom.store.model.LetterSource;
import nl.kamerstroom.store.model.ReceivedLetter;
import nl.kamerstroom.store.model.Sender;
import nl.kamerstroom.store.search.DutchTextSearch;

/**
 * The {@code letters} table. Receipt and extraction each upsert only their own columns, so the row is complete
 * whichever of the two arrives first, and writing the same record twice leaves the same row. A batch of writes (one
 * poll of a topic) runs in one transaction.
 */
@Repository
public class LetterRepository {

    private static final TypeReference<List<Sender>> SENDERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    public LetterRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    private static final UnnestInsert RECEIVED = UnnestInsert.upsert("letters", "letter_id", """
            letter_id text, received_at timestamptz, text text,
            source_file_name text, source_content_type text, source_format text, source_size_bytes int8""");

    /**
     * The text's full-text index, in a table of its own so that the extraction's update of the letter's row does not
     * write it again (see migration V6); a text received again unchanged leaves it alone.
     */
    private static final UnnestInsert SEARCH = new UnnestInsert("letter_search", "letter_id text, text_search tsvector", """
            ON CONFLICT (letter_id) DO UPDATE SET text_search = EXCLUDED.text_search
            WHERE letter_search.text_search IS DISTINCT FROM EXCLUDED.text_search""");

    private static final UnnestInsert EXTRACTED = UnnestInsert.upsert("letters", "letter_id", """
            letter_id text, extracted_at timestamptz, extractor_version text, dossier text, dossier_title text,
            document_number text, chamber text, session_year text, letter_date date, senders jsonb,
            mission_ids text[], budget_ids text[], motie_ids text[]""");

    /** Stores a letter as received, in one transaction. */
    public void saveReceived(ReceivedLetter letter) {
        writeReceived(List.of(letter));
    }

    /**
     * Stores letters as received in one transaction, by one multi-row upsert of the letters and one of their full-text
     * index. The letter ids must all differ (the caller keeps the last write per id); rows are written in id order, so
     * concurrent writers lock them in the same order. Each text's full-text index is computed here, before the
     * statements, and written with the text.
     */
    public void writeReceived(List<ReceivedLetter> letters) {
        List<ReceivedLetter> sorted = letters.stream().sorted(Comparator.comparing(ReceivedLetter::letterId)).toList();
        List<UnnestInsert.Row> rows = sorted.stream()
                .map(letter -> new UnnestInsert.Row()
                        .set("letter_id", letter.letterId())
                        .set("received_at", letter.receivedAt())
                        .set("text", letter.text())
                        .set("source_file_name", letter.source().fileName())
                        .set("source_content_type", letter.source().contentType())
                        .set("source_format", letter.source().format())
                        .set("source_size_bytes", letter.source().sizeBytes()))
                .toList();
        List<UnnestInsert.Row> searchRows = sorted.stream()
                .map(letter -> new UnnestInsert.Row()
                        .set("letter_id", letter.letterId())
                        .set("text_search", DutchTextSearch.vector(letter.text())))
                .toList();
        transaction.executeWithoutResult(status -> {
            RECEIVED.execute(jdbc, rows);
            SEARCH.execute(jdbc, searchRows);
        });
    }

    /**
     * Stores a letter's extraction and, in the same transaction, retracts the letter's entities that this extraction
     * no longer lists: a re-extraction replaces the previous one rather than adding to it.
     */
    public void saveExtracted(ExtractedLetter letter) {
        writeExtracted(List.of(letter));
    }

    /**
     * Stores extractions as {@link #saveExtracted(ExtractedLetter)} does, all in one transaction: one multi-row upsert
     * and one retraction per entity table. The letter ids must all differ and are written in id order, as
     * {@link #writeReceived(List)}.
     */
    public void writeExtracted(List<ExtractedLetter> letters) {
        List<ExtractedLetter> sorted = letters.stream().sorted(Comparator.comparing(ExtractedLetter::letterId)).toList();
        List<UnnestInsert.Row> rows = sorted.stream()
                .map(letter -> {
                    LetterMetadata metadata = letter.metadata();
                    EntityIds ids = letter.entityIds();
                    return new UnnestInsert.Row()
                            .set("letter_id", letter.letterId())
                            .set("extracted_at", letter.extractedAt())
                            .set("extractor_version", letter.extractorVersion())
                            .set("dossier", metadata.dossier())
                            .set("dossier_title", metadata.dossierTitle())
                            .set("document_number", metadata.documentNumber())
                            .set("chamber", metadata.chamber())
                            .set("session_year", metadata.sessionYear())
                            .set("letter_date", metadata.date())
                            .set("senders", json.writeValueAsString(metadata.senders()))
                            .set("mission_ids", ids.missionIds())
                            .set("budget_ids", ids.budgetIds())
                            .set("motie_ids", ids.motieIds());
                })
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            EXTRACTED.execute(jdbc, rows);
            retractUnlisted("missions", sorted, ids -> ids.missionIds());
            retractUnlisted("budgets", sorted, ids -> ids.budgetIds());
            retractUnlisted("moties", sorted, ids -> ids.motieIds());
        });
    }

    /**
     * Records that extraction gave up on the letter, with the reason from the dead letter's headers. Idempotent: a
     * redelivered dead letter keeps the time it first failed.
     */
    public void saveFailed(String letterId, Instant failedAt, String reason) {
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO letters (letter_id, failed_at, failure_reason)
                        VALUES (:letterId, :failedAt, :reason)
                        ON CONFLICT (letter_id) DO UPDATE
                        SET failed_at = coalesce(letters.failed_at, excluded.failed_at),
                            failure_reason = excluded.failure_reason
                        """)
                .param("letterId", letterId)
                .param("failedAt", utc(failedAt))
                .param("reason", reason)
                .update());
    }

    /** The letter row, if letters.received, letters.extracted or its dead letter has been seen for the id. */
    Optional<LetterRow> find(String letterId) {
        return jdbc.sql("SELECT * FROM letters WHERE letter_id = :letterId")
                .param("letterId", letterId)
                .query(this::letterRow)
                .optional();
    }

    /** A row of {@code letters}; {@code source} and {@code metadata} are null until their topic has been seen. */
    record LetterRow(
            String letterId,
            Instant receivedAt,
            LetterSource source,
            String text,
            Instant extractedAt,
            String extractorVersion,
            LetterMetadata metadata,
            EntityIds entityIds,
            Instant failedAt,
            String failureReason) {

        boolean extracted() {
            return extractedAt != null;
        }

        /** Extraction gave up on the letter after its last successful extraction, if any. */
        boolean failedSinceExtracted() {
            return failedAt != null && (extractedAt == null || extractedAt.isBefore(failedAt));
        }
    }

    /** Deletes, for each letter, its entities in {@code table} that its extraction does not list: one statement. */
    private void retractUnlisted(String table, List<ExtractedLetter> letters, Function<EntityIds, List<String>> listed) {
        // table is one of three constants above, never input
        StringBuilder sql = new StringBuilder("DELETE FROM " + table + " e USING (VALUES ");
        for (int i = 0; i < letters.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:letterId_").append(i).append(", CAST(:listedIds_").append(i).append(" AS text[]))");
        }
        sql.append(") AS extraction (letter_id, listed_ids) WHERE e.letter_id = extraction.letter_id AND e.entity_id <> ALL (extraction.listed_ids)");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
        for (int i = 0; i < letters.size(); i++) {
            statement = statement.param("letterId_" + i, letters.get(i).letterId())
                    .param("listedIds_" + i, array(listed.apply(letters.get(i).entityIds())));
        }
        statement.update();
    }

    private LetterRow letterRow(ResultSet rs, int rowNumber) throws SQLException {
        Instant receivedAt = instant(rs, "received_at");
        Instant extractedAt = instant(rs, "extracted_at");
        LetterSource source = receivedAt == null ? null : new LetterSource(
                rs.getString("source_file_name"),
                rs.getString("source_content_type"),
                rs.getString("source_format"),
                rs.getLong("source_size_bytes"));
        LetterMetadata metadata = extractedAt == null ? null : new LetterMetadata(
                rs.getString("dossier"),
                rs.getString("dossier_title"),
                rs.getString("document_number"),
                rs.getString("chamber"),
                rs.getString("session_year"),
                rs.getObject("letter_date", LocalDate.class),
                json.readValue(rs.getString("senders"), SENDERS));
        EntityIds entityIds = extractedAt == null ? null : new EntityIds(
                list(rs, "mission_ids"), list(rs, "budget_ids"), list(rs, "motie_ids"));
        return new LetterRow(rs.getString("letter_id"), receivedAt, source, rs.getString("text"),
                extractedAt, rs.getString("extractor_version"), metadata, entityIds,
                instant(rs, "failed_at"), rs.getString("failure_reason"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String[] array(List<String> ids) {
        return ids.toArray(String[]::new);
    }

    private static List<String> list(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }
}
