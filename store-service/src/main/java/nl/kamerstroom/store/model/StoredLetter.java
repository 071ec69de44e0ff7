package nl.kamerstroom.store.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything the store holds about one letter, as served by {@code GET /api/letters/{letterId}}.
 * Fields from a topic that has not been seen for the letter yet are null.
 *
 * @param notice what an operator should know beyond the status: why extraction failed, or that it found nothing
 *               at all (the document is probably not a Kamerbrief); null otherwise
 * @param letter metadata from {@code letters.extracted}, null until it arrives
 * @param source the uploaded document from {@code letters.received}, null until it arrives
 */
public record StoredLetter(
        String letterId,
        LetterStatus status,
        String notice,
        LetterMetadata letter,
        List<Mission> missions,
        List<Budget> budgets,
        List<Motie> moties,
        String text,
        LetterSource source,
        Instant receivedAt,
        Instant extractedAt,
        String extractorVersion) {
}
