package nl.kamerstroom.documents;

/**
 * Why a document (or a batch of them) was refused: a short title for people and the HTTP status that answers it
 * wherever a document is posted. A declared type that contradicts the bytes is 415 (the representation as declared is
 * not one we accept); a document too large or an archive that expands too far is 413; content we understand but
 * cannot use (encrypted or corrupt PDF, no text layer, unsafe or foreign XML, undecodable text) is 422.
 */
public enum Rejection {
    EMPTY_DOCUMENT("Empty document", 400),
    DOCUMENT_TOO_LARGE("Document too large", 413),
    UNSUPPORTED_MEDIA_TYPE("Unsupported document type", 415),
    MEDIA_TYPE_MISMATCH("Declared type does not match the content", 415),
    UNDECODABLE_TEXT("Text is not valid UTF-8 or Windows-1252", 422),
    ENCRYPTED_PDF("Encrypted PDF", 422),
    CORRUPT_PDF("Corrupt PDF", 422),
    PDF_WITHOUT_TEXT("PDF has no text layer", 422),
    TOO_MANY_PAGES("PDF has too many pages", 413),
    UNSAFE_XML("XML with DOCTYPE or entities refused", 422),
    MALFORMED_XML("Malformed XML", 422),
    UNSUPPORTED_XML("XML is not an official publication", 422),
    NO_TEXT("No letter text found", 422),
    EMPTY_BATCH("No documents in batch", 400),
    TOO_MANY_DOCUMENTS("Too many documents in batch", 413),
    ARCHIVE_TOO_LARGE("Archive expands too much", 413),
    CORRUPT_ARCHIVE("Corrupt ZIP archive", 422),
    NESTED_ARCHIVE("Nested archive", 422);

    private final String title;
    private final int httpStatus;

    Rejection(String title, int httpStatus) {
        this.title = title;
        this.httpStatus = httpStatus;
    }

    public String title() {
        return title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** A stable machine-readable name: "pdf-without-text". */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
