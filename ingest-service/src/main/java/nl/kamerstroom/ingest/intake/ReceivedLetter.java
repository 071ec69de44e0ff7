package nl.kamerstroom.ingest.intake;

import java.time.Instant;

import nl.kamerstroom.documents.Format;

/**
 * A letter ingest accepted, as it is published on letters.received.
 *
 * @param letterId    lower-case hex SHA-256 of the uploaded bytes
 * @param fileName    the operator's file name, or null
 * @param contentType the media type the document was read as
 * @param sizeBytes   size of the uploaded document
 * @param text        the normalised text
 */
public record ReceivedLetter(String letterId, Instant receivedAt, String fileName, String contentType, Format format,
                             long sizeBytes, String text) {
}
