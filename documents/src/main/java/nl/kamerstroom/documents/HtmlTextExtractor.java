package nl.kamerstroom.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The letter body of an HTML page from officielebekendmakingen.nl or tweedekamer.nl (or any page with the letter in
 * it): the page chrome (navigation, scripts, styles, headers and footers, "Naar boven" links) goes, block elements
 * become paragraphs separated by a blank line, list items become "- " lines, and {@code <sup>} footnote markers become
 * superscript digits. jsoup neither fetches nor expands anything external, so an HTML upload cannot reach out.
 */
final class HtmlTextExtractor {

    /** Where the letter itself stands on the pages operators download, most specific first. */
    private static final List<String> CONTENT_ROOTS = List.of("#broodtekst", ".broodtekst", "div.stuk", "#main-content article",
            "main article", "article", "main", "[role=main]", "#content", "#main-content", ".content");

    private static final String CHROME = "script, style, noscript, template, nav, aside, form, button, input, select, "
            + "textarea, iframe, svg, canvas, object, embed, audio, video, picture, img, link, meta, "
            + "[role=navigation], [role=search], [role=banner], [role=contentinfo], [aria-hidden=true], [hidden]";
    private static final Pattern CHROME_CLASS = Pattern.compile("(?i)(^|[\\s_-])(nav|navbar|navigation|menu|breadcrumbs?|"
            + "skip|skiplinks?|cookies?|cookiebar|share|social|sidebar|toolbar|site-?header|site-?footer|print|"
            + "back-?to-?top|naar-?boven|to-?top|pagination|feedback)([\\s_-]|$)");
    private static final Pattern BACK_TO_TOP = Pattern.compile("(?i)^\\s*(terug\\s+)?naar\\s+(boven|begin)\\s*[↑^]?\\s*$|^\\s*(back\\s+)?to\\s+top\\s*$");

    private static final Set<String> PARAGRAPH_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
            "table", "blockquote", "pre", "section", "article", "header", "footer", "main", "figure", "address", "hr",
            "div", "center", "fieldset", "details", "summary", "body");
    private static final Set<String> LINE_BLOCKS = Set.of("li", "tr", "dt", "dd", "caption", "figcaption");

    String extract(byte[] bytes, Optional<Charset> declaredCharset) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(bytes), declaredCharset.map(Charset::name).orElse(null), "");
        } catch (IOException e) {
            throw new UncheckedIOException("reading HTML from memory cannot fail", e);
        }
        page.select("head").remove();
        Element root = contentRoot(page);
        removeChrome(root, root == page.body());
        Renderer renderer = new Renderer();
        renderer.render(root);
        return renderer.text();
    }

    private static Element contentRoot(Document page) {
        for (String selector : CONTENT_ROOTS) {
            for (Element candidate : page.select(selector)) {
                if (candidate.text().length() >= 200) {
                    return candidate;
                }
            }
        }
        return page.body() != null ? page.body() : page;
    }

    /**
     * @param wholePage whether no content element was found, so page headers and footers are chrome too; inside an
     *                  article a {@code <header>} holds the title of the letter and stays
     */
    private static void removeChrome(Element root, boolean wholePage) {
        root.select(CHROME).remove();
        if (wholePage) {
            root.select("header, footer").remove();
        } else {
            root.select("footer").remove();
        }
        for (Element element : root.select("[class], [id]")) {
            if (element != root && (CHROME_CLASS.matcher(element.className()).find() || CHROME_CLASS.matcher(element.id()).find())) {
                element.remove();
            }
        }
        for (Element link : root.select("a")) {
            if (BACK_TO_TOP.matcher(link.text()).matches()) {
                Element parent = link.parent();
                link.remove();
                if (parent != null && parent != root && parent.text().isBlank() && parent.select("img, table").isEmpty()) {
                    parent.remove();
                }
            }
        }
    }

    /** Writes text with collapsed whitespace, one blank line between blocks and a line break for list items and rows. */
    private static final class Renderer {

        private static final int NONE = 0;
        private static final int LINE = 1;
        private static final int PARAGRAPH = 2;

        private final StringBuilder out = new StringBuilder();
        private int pendingBreak = NONE;
        private boolean pendingSpace;

        void render(Node node) {
            if (node instanceof TextNode textNode) {
                Element parent = textNode.parent();
                boolean preformatted = parent != null && parent.closest("pre") != null;
                String text = preformatted ? textNode.getWholeText() : textNode.text();
                boolean inSup = parent != null && parent.closest("sup") != null;
                append(inSup ? footnoteMarker(text) : text, preformatted);
                return;
            }
            if (!(node instanceof Element element)) {
                for (Node child : node.childNodes()) {
                    render(child);
                }
                return;
            }
            String tag = element.normalName();
            if (tag.equals("br")) {
                breakAtLeast(LINE);
                return;
            }
            int blockBreak = PARAGRAPH_BLOCKS.contains(tag) ? PARAGRAPH : LINE_BLOCKS.contains(tag) ? LINE : NONE;
            if (tag.equals("li") && element.parent() != null && element.parent().normalName().equals("ol")) {
                // numbered lists keep their numbers, they are referred to ("punt 3")
                breakAtLeast(LINE);
                append((element.elementSiblingIndex() + 1) + ". ", false);
            } else if (tag.equals("li")) {
                breakAtLeast(LINE);
                append("- ", false);
            } else if (tag.equals("td") || tag.equals("th")) {
                pendingSpace = true;
            } else {
                breakAtLeast(blockBreak);
            }
            for (Node child : element.childNodes()) {
                render(child);
            }
            breakAtLeast(blockBreak);
        }

        /** "1", "[1]" or "(1)" in a {@code <sup>} become "¹"; other superscript text stays as it is. */
        private static String footnoteMarker(String text) {
            String digits = text.strip().replaceAll("^[\\[(]|[\\])]$", "");
            return digits.matches("\\d{1,3}") ? Superscripts.of(digits) : text;
        }

        private void breakAtLeast(int level) {
            if (out.length() > 0) {
                pendingBreak = Math.max(pendingBreak, level);
            }
        }

        private void append(String text, boolean preformatted) {
            if (text.isEmpty()) {
                return;
            }
            if (!preformatted && text.isBlank()) {
                pendingSpace = out.length() > 0;
                return;
            }
            String chunk = preformatted ? text : text.replaceAll("\\s+", " ");
            boolean leadingSpace = !preformatted && Character.isWhitespace(text.charAt(0));
            if (pendingBreak != NONE) {
                trimTrailingSpace();
                out.append(pendingBreak == PARAGRAPH ? "\n\n" : "\n");
                pendingBreak = NONE;
                pendingSpace = false;
                chunk = chunk.stripLeading();
            } else if ((pendingSpace || leadingSpace) && out.length() > 0 && !endsWithWhitespace()) {
                out.append(' ');
                chunk = chunk.stripLeading();
            } else if (out.length() == 0 || endsWithWhitespace()) {
                chunk = chunk.stripLeading();
            }
            pendingSpace = !preformatted && Character.isWhitespace(text.charAt(text.length() - 1));
            out.append(preformatted ? chunk : chunk.stripTrailing());
        }

        private boolean endsWithWhitespace() {
            return out.length() > 0 && Character.isWhitespace(out.charAt(out.length() - 1));
        }

        private void trimTrailingSpace() {
            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
        }

        String text() {
            return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
        }
    }
}
