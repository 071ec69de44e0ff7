package nl.kamerstroom.documents;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an uploaded document into the letter's normalised text: checks the declared type against the bytes, picks the
 * extractor for the format, and normalises the result. Plain Java; the HTTP layer only translates its rejections.
 */
public final class DocumentReader {

    /** Declared types that say nothing about the content: the bytes decide. */
    private static final Set<String> GENERIC_TYPES = Set.of("", "application/octet-stream",
            "binary/octet-stream", "application/unknown", "application/x-download", "application/force-download");

    private static final Pattern MARKDOWN_HEADING = Pattern.compile("(?m)^#{1,6} \\S");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[[^\\]\\n]+\\]\\((?:https?://|/|#)[^)\\s]*\\)");
    private static final Pattern MARKDOWN_EMPHASIS = Pattern.compile("(?<![\\w*])(\\*\\*|\\*|__)[^\\s*_][^*\\n]*?(?<=\\S)\\1(?![\\w*])");

    private final DocumentLimits limits;
    private final PdfTextExtractor pdf;
    private final HtmlTextExtractor html = new HtmlTextExtractor();
    private final PublicationXmlRenderer xml = new PublicationXmlRenderer();

    public DocumentReader(DocumentLimits limits) {
        this.limits = limits;
        this.pdf = new PdfTextExtractor(limits.maxPdfPages());
    }

    public DocumentLimits limits() {
        return limits;
    }

    /**
     * Checks the declared content type against the bytes. A missing or generic type ({@code application/octet-stream})
     * is replaced by what the bytes are; a specific type must agree with them.
     *
     * @param declaredContentType the Content-Type header as sent, with parameters, or null
     * @param fileName            the file name given by the uploader, or null; only a hint for Markdown
     */
    public DocumentType identify(byte[] bytes, String declaredContentType, String fileName) throws DocumentRejectedException {
        if (bytes.length == 0) {
            throw new DocumentRejectedException(Rejection.EMPTY_DOCUMENT,
                    "The document is empty (0 bytes). Send the document itself as the request body.");
        }
        MediaTypeHeader declared = MediaTypeHeader.parse(declaredContentType);
        ContentSniffer.Sniffed sniffed = ContentSniffer.sniff(bytes);
        boolean markdownName = fileName != null && fileName.toLowerCase(Locale.ROOT).matches(".*\\.(md|markdown)$");
        if (GENERIC_TYPES.contains(declared.type())) {
            if (sniffed.content() == ContentKind.BINARY) {
                throw new DocumentRejectedException(Rejection.UNSUPPORTED_MEDIA_TYPE, "The document looks like "
                        + sniffed.description() + ", which ingest cannot read. " + SUPPORTED);
            }
            return new DocumentType(sniffed.content(), Optional.empty(), markdownName);
        }
        ContentKind expected = switch (declared.type()) {
            case "text/plain" -> ContentKind.TEXT;
            case "text/markdown", "text/x-markdown" -> ContentKind.TEXT;
            case "text/html", "application/xhtml+xml" -> ContentKind.HTML;
            case "application/xml", "text/xml" -> ContentKind.XML;
            case "application/pdf", "application/x-pdf" -> ContentKind.PDF;
            case "application/zip", "application/x-zip-compressed", "application/x-zip" -> ContentKind.ZIP;
            default -> throw new DocumentRejectedException(Rejection.UNSUPPORTED_MEDIA_TYPE,
                    "Documents of type " + declared.type() + " are not supported. " + SUPPORTED);
        };
        ContentKind actual = sniffed.content();
        boolean agrees = actual == expected
                // an HTML fragment need not start with a tag, and XHTML declared as XML is still HTML
                || (expected == ContentKind.HTML && actual == ContentKind.TEXT)
                || (expected == ContentKind.XML && actual == ContentKind.HTML && declared.type().endsWith("xml"));
        if (!agrees) {
            throw new DocumentRejectedException(Rejection.MEDIA_TYPE_MISMATCH, "The document was declared as "
                    + declared.type() + " but its content is " + sniffed.description()
                    + ". Send it with the right Content-Type, or as application/octet-stream to let ingest recognise it.");
        }
        ContentKind content = expected == ContentKind.HTML ? ContentKind.HTML : actual;
        boolean markdown = declared.type().contains("markdown") || markdownName;
        return new DocumentType(content, declared.charset(), markdown);
    }

    /** Reads a letter (not an archive) of the given type. */
    public ReadDocument read(byte[] bytes, DocumentType type) throws DocumentRejectedException {
        return read(bytes, type, Map.of());
    }

    /**
     * @param publicationMetadata {@code OVERHEIDop.*} values from a metadata.xml that came with an XML publication
     */
    public ReadDocument read(byte[] bytes, DocumentType type, Map<String, String> publicationMetadata)
            throws DocumentRejectedException {
        if (bytes.length > limits.maxDocumentBytes()) {
            throw new DocumentRejectedException(Rejection.DOCUMENT_TOO_LARGE, "The document has " + bytes.length
                    + " bytes; at most " + limits.maxDocumentBytes() + " are accepted.");
        }
        ReadDocument read = switch (type.content()) {
            case TEXT -> readText(bytes, type);
            case HTML -> new ReadDocument(Format.HTML, "text/html", html.extract(bytes, type.charset()));
            case XML -> new ReadDocument(Format.XML, "application/xml", xml.render(bytes, publicationMetadata));
            case PDF -> new ReadDocument(Format.PDF, "application/pdf", pdf.extract(bytes));
            case ZIP -> throw new IllegalArgumentException("a ZIP archive is a batch; expand it with ZipBatch");
            case BINARY -> throw new IllegalArgumentException("binary content is rejected by identify()");
        };
        String text = TextNormaliser.normalise(read.text());
        if (text.isBlank()) {
            throw new DocumentRejectedException(Rejection.NO_TEXT, "The document contains no text. "
                    + (type.content() == ContentKind.HTML ? "Is this the page of the letter itself?" : "Upload the letter itself."));
        }
        return new ReadDocument(read.format(), read.mediaType(), text);
    }

    /** The values of a metadata.xml that came with an XML publication, for {@link #read(byte[], DocumentType, Map)}. */
    public Map<String, String> publicationMetadata(byte[] metadataXml) {
        return PublicationXmlRenderer.metadata(metadataXml);
    }

    private ReadDocument readText(byte[] bytes, DocumentType type) throws DocumentRejectedException {
        TextDecoder.DecodedText decoded = TextDecoder.decode(bytes, type.charset());
        String text = decoded.text();
        Format format = type.declaredMarkdown() || looksLikeMarkdown(text) ? Format.MARKDOWN : Format.TEXT;
        String mediaType = (format == Format.MARKDOWN ? "text/markdown" : "text/plain")
                + ";charset=" + decoded.charset().name();
        return new ReadDocument(format, mediaType, text);
    }

    /** Markdown syntax that plain letters do not use: headings, links, emphasis. Bullet lists alone are not enough. */
    static boolean looksLikeMarkdown(String text) {
        int signals = 0;
        signals += MARKDOWN_HEADING.matcher(text).find() ? 1 : 0;
        signals += MARKDOWN_LINK.matcher(text).find() ? 1 : 0;
        signals += MARKDOWN_EMPHASIS.matcher(text).find() ? 1 : 0;
        return signals >= 2;
    }

    static final String SUPPORTED = "Supported: PDF (application/pdf), HTML (text/html, application/xhtml+xml), "
            + "official publication XML (application/xml), plain text or Markdown (text/plain, text/markdown; UTF-8 or "
            + "Windows-1252), and ZIP archives of these (application/zip or multipart/form-data).";

    /** The media type and charset of a Content-Type header; unknown or malformed charsets are ignored. */
    record MediaTypeHeader(String type, Optional<Charset> charset) {

        static MediaTypeHeader parse(String header) {
            if (header == null || header.isBlank()) {
                return new MediaTypeHeader("", Optional.empty());
            }
            String[] parts = header.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            Optional<Charset> charset = Optional.empty();
            for (int i = 1; i < parts.length; i++) {
                String[] pair = parts[i].split("=", 2);
                if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                    charset = charset(pair[1].strip().replace("\"", ""));
                }
            }
            return new MediaTypeHeader(type, charset);
        }

        private static Optional<Charset> charset(String name) {
            try {
                Charset charset = Charset.forName(name);
                // ISO-8859-1 is what browsers and tools say when they mean Windows-1252
                return Optional.of(charset.equals(StandardCharsets.ISO_8859_1) ? TextDecoder.WINDOWS_1252 : charset);
            } catch (RuntimeException unknown) {
                return Optional.empty();
            }
        }
    }
}
