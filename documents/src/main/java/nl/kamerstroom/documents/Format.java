package nl.kamerstroom.documents;

/** The kinds of letter document ingest can turn into text, as recognised from their bytes. */
public enum Format {
    TEXT, MARKDOWN, HTML, PDF, XML
}
