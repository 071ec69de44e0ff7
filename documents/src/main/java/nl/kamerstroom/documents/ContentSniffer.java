package nl.kamerstroom.documents;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises what a document is from its first bytes (magic numbers and the first markup), never from its name or
 * declared type: those are what the bytes are checked against.
 */
final class ContentSniffer {

    /** The bytes' content, and for binary data what it looks like ("a PNG image"), for the operator. */
    record Sniffed(ContentKind content, String description) {
    }

    private static final int SNIFF_WINDOW = 8192;

    /** Tags that open an HTML document or fragment; XML publications use none of them as root element. */
    private static final Set<String> HTML_ROOTS = Set.of("html", "head", "body", "div", "p", "meta", "title", "section",
            "article", "main", "h1", "h2", "h3", "table", "span", "link", "script", "style", "header", "nav", "br");

    private ContentSniffer() {
    }

    static Sniffed sniff(byte[] bytes) {
        if (startsWith(bytes, 0, "PK\u0003\u0004") || startsWith(bytes, 0, "PK\u0005\u0006")) {
            return of(ContentKind.ZIP);
        }
        if (indexOf(bytes, "%PDF-", 1024) >= 0) {
            return of(ContentKind.PDF);
        }
        String binary = knownBinary(bytes);
        if (binary != null) {
            return new Sniffed(ContentKind.BINARY, binary);
        }
        if (TextDecoder.hasUtf16ByteOrderMark(bytes)) {
            return of(ContentKind.TEXT);
        }
        for (int i = 0; i < Math.min(bytes.length, SNIFF_WINDOW); i++) {
            if (bytes[i] == 0) {
                return new Sniffed(ContentKind.BINARY, "binary data");
            }
        }
        return of(markup(bytes));
    }

    private static Sniffed of(ContentKind content) {
        return new Sniffed(content, content.description());
    }

    /** HTML or XML when the text starts with markup, looking past the XML declaration, comments and DOCTYPE. */
    private static ContentKind markup(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_WINDOW), StandardCharsets.ISO_8859_1);
        int i = head.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
        boolean xmlDeclaration = false;
        while (true) {
            i = skipWhitespace(head, i);
            if (i >= head.length() || head.charAt(i) != '<') {
                return xmlDeclaration ? ContentKind.XML : ContentKind.TEXT;
            }
            String rest = head.substring(i, Math.min(head.length(), i + 20)).toLowerCase(Locale.ROOT);
            if (rest.startsWith("<?")) {
                xmlDeclaration |= rest.startsWith("<?xml");
                int end = head.indexOf("?>", i);
                if (end < 0) {
                    return ContentKind.XML;
                }
                i = end + 2;
            } else if (rest.startsWith("<!--")) {
                int end = head.indexOf("-->", i);
                if (end < 0) {
                    return xmlDeclaration ? ContentKind.XML : ContentKind.TEXT;
                }
                i = end + 3;
            } else if (rest.startsWith("<!doctype")) {
                String doctype = rest.substring("<!doctype".length()).strip();
                return doctype.startsWith("html") ? ContentKind.HTML : ContentKind.XML;
            } else {
                String name = elementName(head, i + 1).toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    return xmlDeclaration ? ContentKind.XML : ContentKind.TEXT;
                }
                if (name.equals("html") || (!xmlDeclaration && HTML_ROOTS.contains(name))) {
                    return ContentKind.HTML;
                }
                return ContentKind.XML;
            }
        }
    }

    private static String elementName(String text, int from) {
        int end = from;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "-_.:".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        String name = text.substring(from, end);
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(colon + 1) : name;
    }

    private static int skipWhitespace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String knownBinary(byte[] b) {
        if (startsWith(b, 0, "\u0089PNG")) {
            return "a PNG image";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "a JPEG image";
        }
        if (startsWith(b, 0, "GIF8")) {
            return "a GIF image";
        }
        if (startsWith(b, 0, "II*\u0000") || startsWith(b, 0, "MM\u0000*")) {
            return "a TIFF image";
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0) {
            return "an old Microsoft Office document (.doc/.xls)";
        }
        if (startsWith(b, 0, "{\\rtf")) {
            return "an RTF document";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
            return "a gzip archive";
        }
        if (startsWith(b, 0, "Rar!") || startsWith(b, 0, "7z\u00BC\u00AF")) {
            return "a RAR or 7-Zip archive";
        }
        return null;
    }

    static boolean startsWith(byte[] bytes, int offset, String latin1) {
        if (bytes.length < offset + latin1.length()) {
            return false;
        }
        for (int i = 0; i < latin1.length(); i++) {
            if ((bytes[offset + i] & 0xFF) != latin1.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, String latin1, int window) {
        int limit = Math.min(bytes.length, window) - latin1.length();
        for (int i = 0; i <= limit; i++) {
            if (startsWith(bytes, i, latin1)) {
                return i;
            }
        }
        return -1;
    }
}
