package nl.kamerstroom.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Renders the official XML publication of a Kamerstuk ({@code officiele-publicatie} with {@code kamerstuk},
 * {@code dossiernummer}, {@code stuknummer}, {@code ondertekening}, {@code noot} ...) as text in the layout of the
 * sample letters, so the extractor reads every format alike:
 * <pre>
 * Tweede Kamer der Staten-Generaal
 * Vergaderjaar 2023–2024
 *
 * 34 843 Seksuele intimidatie en geweld
 *
 * Nr. 111 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID
 *
 * Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
 * ... body, one blank line between paragraphs, footnote markers as ¹ ...
 * De minister van Justitie en Veiligheid,
 * D. Yeşilgöz-Zegerius
 *
 * ¹ Toezegging gedaan tijdens ...
 * </pre>
 * Header values come from the publication's elements, else from its {@code metadata} ({@code OVERHEIDop.dossiernummer},
 * {@code OVERHEIDop.ondernummer}, {@code OVERHEIDop.vergaderjaar}), embedded or from a metadata.xml uploaded with it.
 */
final class PublicationXmlRenderer {

    /** Elements whose text is one paragraph of the letter. */
    private static final Set<String> PARAGRAPHS = Set.of("al", "tussenkop", "kop", "ontvanger", "plaats.datum",
            "slotformulering", "aanhef", "afsluiting", "citaat", "intitule", "considerans.al", "wij", "p", "para");
    /** Elements rendered in the header or not at all. */
    private static final Set<String> SKIPPED = Set.of("metadata", "meta", "kamerstukkop", "dossier", "stuknummer",
            "dossiernummer", "vergaderjaar", "kamer", "stuk.titel", "noot", "li.nr", "ocr", "adres", "colofon");
    private static final Pattern SESSION_YEAR = Pattern.compile("(\\d{4})\\s*[-–/]\\s*(\\d{2,4})");
    private static final Pattern DOSSIER = Pattern.compile("^(\\d{1,3})\\s?(\\d{3})(.*)$");

    String render(byte[] bytes, Map<String, String> externalMetadata) throws DocumentRejectedException {
        Document xml = SecureXml.parse(bytes);
        Element root = xml.getDocumentElement();
        String rootName = name(root);
        if (rootName.equals("metadata") || rootName.equals("owms-metadata")) {
            throw new DocumentRejectedException(Rejection.UNSUPPORTED_XML, "This is the publication's metadata.xml, which "
                    + "holds no letter text. Upload the publication XML itself, or both together in one ZIP.");
        }
        Optional<Element> kamerstuk = first(root, "kamerstuk");
        if (!rootName.equals("officiele-publicatie") && kamerstuk.isEmpty()) {
            throw new DocumentRejectedException(Rejection.UNSUPPORTED_XML, "The XML (root element <" + rootName + ">) is not "
                    + "an official publication of a Kamerstuk. Upload the XML from officielebekendmakingen.nl "
                    + "(root <officiele-publicatie>), or the PDF or HTML of the letter.");
        }
        Map<String, String> metadata = new HashMap<>(externalMetadata);
        for (Element meta : all(root, "meta")) {
            String key = meta.getAttribute("name");
            if (!key.isEmpty()) {
                metadata.putIfAbsent(key, meta.getAttribute("content").strip());
            }
        }
        Element body = kamerstuk.flatMap(k -> first(k, "stuk")).or(() -> kamerstuk).orElse(root);

        Renderer renderer = new Renderer();
        header(root, metadata).forEach(renderer::paragraph);
        renderer.block(body);
        return renderer.text();
    }

    /** The {@code <meta name content>} pairs of a metadata.xml; empty when it cannot be read, it only adds to a header. */
    static Map<String, String> metadata(byte[] metadataXml) {
        try {
            Map<String, String> metadata = new HashMap<>();
            for (Element meta : all(SecureXml.parse(metadataXml).getDocumentElement(), "meta")) {
                if (!meta.getAttribute("name").isEmpty()) {
                    metadata.putIfAbsent(meta.getAttribute("name"), meta.getAttribute("content").strip());
                }
            }
            return metadata;
        } catch (DocumentRejectedException e) {
            return Map.of();
        }
    }

    private static List<String> header(Element root, Map<String, String> metadata) {
        List<String> header = new ArrayList<>();
        String chamber = chamber(root, metadata);
        Optional<String> sessionYear = text(root, "vergaderjaar").or(() -> meta(metadata, "OVERHEIDop.vergaderjaar"))
                .map(PublicationXmlRenderer::sessionYear);
        String chamberAndYear = String.join("\n", Stream.of(Optional.ofNullable(chamber), sessionYear)
                .flatMap(Optional::stream).toList());
        if (!chamberAndYear.isEmpty()) {
            header.add(chamberAndYear);
        }
        Optional<Element> dossier = first(root, "dossier");
        Optional<String> dossierNumber = text(root, "dossiernummer").or(() -> meta(metadata, "OVERHEIDop.dossiernummer"))
                .map(PublicationXmlRenderer::dossierNumber);
        Optional<String> dossierTitle = dossier.flatMap(d -> directChild(d, "titel")).map(PublicationXmlRenderer::inlineText)
                .or(() -> meta(metadata, "OVERHEIDop.dossiertitel"));
        String dossierLine = String.join(" ", Stream.of(dossierNumber, dossierTitle).flatMap(Optional::stream).toList());
        if (!dossierLine.isEmpty()) {
            header.add(dossierLine);
        }
        Optional<String> number = text(root, "stuknummer").or(() -> meta(metadata, "OVERHEIDop.ondernummer"))
                .map(PublicationXmlRenderer::documentNumber);
        Optional<String> title = first(root, "stuk").flatMap(s -> directChild(s, "titel")).map(PublicationXmlRenderer::inlineText);
        String documentLine = String.join(" ", Stream.of(number, title).flatMap(Optional::stream).toList());
        if (!documentLine.isEmpty()) {
            header.add(documentLine);
        }
        return header;
    }

    private static String chamber(Element root, Map<String, String> metadata) {
        Optional<String> number = first(root, "kamer").map(k -> k.getAttribute("nummer"));
        if (number.filter("1"::equals).isPresent()) {
            return "Eerste Kamer der Staten-Generaal";
        }
        if (number.filter("2"::equals).isPresent()) {
            return "Tweede Kamer der Staten-Generaal";
        }
        return meta(metadata, "DC.creator").or(() -> meta(metadata, "OVERHEID.organisationType"))
                .filter(c -> c.toLowerCase(Locale.ROOT).contains("kamer")).orElse(null);
    }

    /** "2023-2024" or "Vergaderjaar 2023–2024" becomes "Vergaderjaar 2023–2024". */
    private static String sessionYear(String value) {
        Matcher m = SESSION_YEAR.matcher(value);
        if (!m.find()) {
            return value;
        }
        String end = m.group(2).length() == 2 ? m.group(1).substring(0, 2) + m.group(2) : m.group(2);
        return "Vergaderjaar " + m.group(1) + "–" + end;
    }

    /** "34843" becomes "34 843", as Kamerstukken print it; a chapter suffix follows after a space ("36 600 VIII"). */
    private static String dossierNumber(String value) {
        Matcher m = DOSSIER.matcher(value.strip());
        if (!m.matches()) {
            return value.strip();
        }
        String suffix = m.group(3).replaceFirst("^[\\s-]+", "").strip();
        return m.group(1) + " " + m.group(2) + (suffix.isEmpty() ? "" : " " + suffix);
    }

    /** "111" becomes "Nr. 111"; a letter code of the Eerste Kamer ("AR") and an existing "Nr. 111" stay as they are. */
    private static String documentNumber(String value) {
        String number = value.strip();
        return number.matches("\\d+.*") ? "Nr. " + number : number;
    }

    private static Optional<String> meta(Map<String, String> metadata, String key) {
        return Optional.ofNullable(metadata.get(key)).filter(v -> !v.isBlank());
    }

    /** Renders the body: paragraphs, lists, signature, tables; collects footnotes to put at the end. */
    private static final class Renderer {

        private final List<String> paragraphs = new ArrayList<>();
        private final List<String> footnotes = new ArrayList<>();

        void paragraph(String text) {
            String stripped = text.strip();
            if (!stripped.isEmpty()) {
                paragraphs.add(stripped);
            }
        }

        void block(Element element) {
            String name = name(element);
            if (SKIPPED.contains(name) || (name.equals("titel") && isHeaderTitle(element))) {
                return;
            }
            if (PARAGRAPHS.contains(name) && !hasChild(element, PARAGRAPHS)) {
                paragraph(inline(element));
            } else if (name.equals("lijst")) {
                list(element);
            } else if (name.equals("ondertekening")) {
                List<String> lines = new ArrayList<>();
                for (Element child : children(element)) {
                    String line = inline(child);
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                }
                paragraph(lines.isEmpty() ? inline(element) : String.join("\n", lines));
            } else if (name.equals("tbl") || name.equals("table")) {
                for (Element row : all(element, "row").isEmpty() ? all(element, "tr") : all(element, "row")) {
                    List<String> cells = new ArrayList<>();
                    for (Element cell : children(row)) {
                        cells.add(inline(cell));
                    }
                    paragraph(String.join("\t", cells));
                }
            } else if (name.equals("titel")) {
                paragraph(inline(element));
            } else {
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element e) {
                        block(e);
                    } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                        paragraph(collapse(child.getTextContent()));
                    }
                }
            }
        }

        private static boolean isHeaderTitle(Element titel) {
            Node parent = titel.getParentNode();
            return parent instanceof Element p && (name(p).equals("stuk") || name(p).equals("dossier"));
        }

        private void list(Element lijst) {
            List<String> items = new ArrayList<>();
            for (Element li : children(lijst)) {
                if (!name(li).equals("li")) {
                    continue;
                }
                String mark = directChild(li, "li.nr").map(e -> e.getTextContent().strip()).orElse("–");
                String prefix = mark.matches("[–•\\-*·]?") ? "- " : mark + " ";
                List<String> parts = new ArrayList<>();
                for (Element child : children(li)) {
                    if (!name(child).equals("li.nr")) {
                        parts.add(name(child).equals("lijst") ? nestedList(child) : inline(child));
                    }
                }
                items.add(prefix + String.join("\n", parts).strip());
            }
            paragraph(String.join("\n", items));
        }

        private String nestedList(Element lijst) {
            Renderer nested = new Renderer();
            nested.list(lijst);
            footnotes.addAll(nested.footnotes);
            return String.join("\n", nested.paragraphs);
        }

        /** Text of a paragraph with footnotes replaced by their superscript marker. */
        private String inline(Element element) {
            StringBuilder out = new StringBuilder();
            appendInline(element, out);
            return collapse(out.toString());
        }

        private void appendInline(Node node, StringBuilder out) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e) {
                    String name = name(e);
                    if (name.equals("noot")) {
                        String number = directChild(e, "noot.nr").map(n -> n.getTextContent().strip())
                                .filter(n -> n.matches("\\d{1,3}")).orElse(String.valueOf(footnotes.size() + 1));
                        String marker = Superscripts.of(number);
                        out.append(marker);
                        StringBuilder note = new StringBuilder();
                        for (Element part : children(e)) {
                            if (!name(part).equals("noot.nr")) {
                                note.append(' ');
                                appendInline(part, note);
                            }
                        }
                        if (children(e).isEmpty()) {
                            note.append(e.getTextContent());
                        }
                        footnotes.add(marker + " " + collapse(note.toString()));
                    } else if (name.equals("br")) {
                        out.append('\n');
                    } else if (!name.equals("li.nr")) {
                        appendInline(e, out);
                    }
                } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    out.append(child.getTextContent());
                }
            }
        }

        String text() {
            List<String> all = new ArrayList<>(paragraphs);
            all.addAll(footnotes);
            return String.join("\n\n", all);
        }
    }

    private static String collapse(String text) {
        return text.replaceAll("[ \\t\\x0B\\f\\r]*\\n[ \\t\\x0B\\f\\r]*", "\n").replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip();
    }

    private static String inlineText(Element element) {
        return collapse(element.getTextContent());
    }

    static String name(Node node) {
        String local = node.getLocalName();
        return (local != null ? local : node.getNodeName()).toLowerCase(Locale.ROOT);
    }

    private static boolean hasChild(Element element, Set<String> names) {
        return children(element).stream().anyMatch(c -> names.contains(name(c)) || name(c).equals("lijst"));
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    private static Optional<Element> directChild(Element element, String name) {
        return children(element).stream().filter(c -> name(c).equals(name)).findFirst();
    }

    private static List<Element> all(Element root, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS("*", name);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static Optional<Element> first(Element root, String name) {
        if (name(root).equals(name)) {
            return Optional.of(root);
        }
        NodeList nodes = root.getElementsByTagNameNS("*", name);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of((Element) nodes.item(0));
    }

    private static Optional<String> text(Element root, String name) {
        return first(root, name).map(PublicationXmlRenderer::inlineText).filter(t -> !t.isBlank());
    }
}
