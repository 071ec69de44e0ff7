package nl.kamerstroom.store.model;

/**
 * The uploaded document behind a letter, as ingest-service saw it.
 *
 * @param format name of the recognised {@code DocumentFormat}; kept as a name so a symbol added to the schema needs no change here
 */
public record LetterSource(String fileName, String contentType, String format, long sizeBytes) {
}
