package nl.kamerstroom.documents;

/** What the bytes of an upload are, as far as ingest cares. */
public enum ContentKind {
    TEXT("plain text"), HTML("HTML"), XML("XML"), PDF("a PDF"), ZIP("a ZIP archive"), BINARY("binary data");

    private final String description;

    ContentKind(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
