package nl.kamerstroom.store.persistence;

/**
 * Which stored entities count for their letter. A re-extraction retracts entities by tombstones on their topics and
 * by the id lists on {@code letters.extracted}, and the topics are read independently: a retracted entity can be
 * delivered again after the extraction that dropped it. So wherever entities are read, only those the letter's
 * latest extraction names are shown; before any extraction of the letter has arrived, all of them are.
 * <p>
 * Every query that reads entities uses this one condition, with the entity table as {@code e} and the letter as
 * {@code l}.
 */
final class LatestExtraction {

    private LatestExtraction() {
    }

    /**
     * SQL condition that entity {@code e} is named by the latest extraction of letter {@code l}.
     *
     * @param idsColumn the id list of the entity's type on {@code letters}: a constant, never input
     */
    static String names(String idsColumn) {
        return "(l.%1$s IS NULL OR e.entity_id = ANY (l.%1$s))".formatted(idsColumn);
    }

    /**
     * SQL expression for the {@link nl.kamerstroom.store.model.LetterStatus} of letter {@code l}, computed the way
     * {@link StoredLetters} computes it: extracted, its text stored, and every id its extraction lists stored for this
     * letter.
     */
    static String status() {
        return """
                CASE WHEN l.failed_at IS NOT NULL AND (l.extracted_at IS NULL OR l.extracted_at < l.failed_at) THEN 'FAILED'
                     WHEN l.extracted_at IS NULL THEN 'RECEIVED'
                     WHEN l.received_at IS NOT NULL AND %s AND %s AND %s THEN 'STORED'
                     ELSE 'EXTRACTED' END""".formatted(
                allStored("missions", "mission_ids"), allStored("budgets", "budget_ids"), allStored("moties", "motie_ids"));
    }

    /** SQL expression: how many of the entities in {@code table} of letter {@code l} its latest extraction names. */
    static String count(String table, String idsColumn) {
        return "(SELECT count(*) FROM %s e WHERE e.letter_id = l.letter_id AND %s)".formatted(table, names(idsColumn));
    }

    private static String allStored(String table, String idsColumn) {
        return """
                NOT EXISTS (SELECT 1 FROM unnest(l.%2$s) AS listed(entity_id)
                            WHERE NOT EXISTS (SELECT 1 FROM %1$s stored
                                              WHERE stored.entity_id = listed.entity_id
                                                AND stored.letter_id = l.letter_id))""".formatted(table, idsColumn);
    }
}
