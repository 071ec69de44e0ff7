package nl.kamerstroom.ingest.intake;

/**
 * A document as it came in.
 *
 * @param bytes       the document's bytes, exactly as uploaded (the letter id is their hash)
 * @param contentType the declared Content-Type with its parameters, or null
 * @param fileName    the file name the operator gave, or null
 */
public record UploadedDocument(byte[] bytes, String contentType, String fileName) {
}
