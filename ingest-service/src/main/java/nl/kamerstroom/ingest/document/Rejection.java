package nl.kamerstroom.ingest.document;

/**
 * Why a document (or a batch of them) was refused. Each reason has a short title for people; the HTTP layer decides
 * which status answers it, so this package stays free of web concerns.
 */
public enum Rejection {
    EMPTY_DOCUMENT("Empty document"),
    DOCUMENT_TOO_LARGE("Document too large"),
    UNSUPPORTED_MEDIA_TYPE("Unsupported document type"),
    MEDIA_TYPE_MISMATCH("Declared type does not match the content"),
    UNDECODABLE_TEXT("Text is not valid UTF-8 or Windows-1252"),
    ENCRYPTED_PDF("Encrypted PDF"),
    CORRUPT_PDF("Corrupt PDF"),
    PDF_WITHOUT_TEXT("PDF has no text layer"),
    TOO_MANY_PAGES("PDF has too many pages"),
    UNSAFE_XML("XML with DOCTYPE or entities refused"),
    MALFORMED_XML("Malformed XML"),
    UNSUPPORTED_XML("XML is not an official publication"),
    NO_TEXT("No letter text found"),
    EMPTY_BATCH("No documents in batch"),
    TOO_MANY_DOCUMENTS("Too many documents in batch"),
    ARCHIVE_TOO_LARGE("Archive expands too much"),
    CORRUPT_ARCHIVE("Corrupt ZIP archive"),
    NESTED_ARCHIVE("Nested archive");

    private final String title;

    Rejection(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
