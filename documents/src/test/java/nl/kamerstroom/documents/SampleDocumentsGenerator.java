package nl.kamerstroom.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Makes the PDF, HTML and XML renderings of the sample letters in {@code samples/} from the .txt letters there (the
 * tests read {@code samples/} as their test resources). Run it again only when they should change:
 * <pre>./mvnw -o -q -pl documents test -Dtest=SampleDocumentsGenerator -Dregenerate.samples=true</pre>
 * <ul>
 *   <li>ek-27925-AR-nmi-force-protection.pdf: the Eerste Kamer letter with its original line and page breaks, a running
 *       header "Eerste Kamer, vergaderjaar 2024–2025, 27 925, AR" and page number on every page after the first, a
 *       footer on every page, footnote markers as small raised digits and footnotes in small type at the page foot;</li>
 *   <li>tk-34843-111-seksueel-geweld.html: the Tweede Kamer letter as a web page with navigation, breadcrumbs,
 *       scripts, styles, a sidebar, "Naar boven" links and a footer around the letter;</li>
 *   <li>tk-34843-111-seksueel-geweld.xml: the same letter in the officiele-publicatie structure.</li>
 * </ul>
 */
@EnabledIfSystemProperty(named = "regenerate.samples", matches = "true")
class SampleDocumentsGenerator {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final Path LETTERS = MODULE.resolveSibling("samples");
    private static final List<Path> TARGETS = List.of(LETTERS);

    private static final String EK = "ek-27925-AR-nmi-force-protection";
    private static final String TK = "tk-34843-111-seksueel-geweld";
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    @Test
    void generate() throws IOException {
        String ek = Files.readString(LETTERS.resolve(EK + ".txt"));
        String tk = Files.readString(LETTERS.resolve(TK + ".txt"));
        byte[] pdf = pdf(ek);
        byte[] html = html(tk).getBytes(StandardCharsets.UTF_8);
        byte[] xml = xml(tk).getBytes(StandardCharsets.UTF_8);
        for (Path target : TARGETS) {
            Files.createDirectories(target);
            Files.writeString(target.resolve(EK + ".txt"), ek);
            Files.writeString(target.resolve(TK + ".txt"), tk);
            Files.write(target.resolve(EK + ".pdf"), pdf);
            Files.write(target.resolve(TK + ".html"), html);
            Files.write(target.resolve(TK + ".xml"), xml);
        }
    }

    // ---------------------------------------------------------------- PDF

    private static final float FONT_SIZE = 9.5f;
    private static final float LEADING = 11f;
    private static final float NOTE_SIZE = 7.5f;
    private static final float NOTE_LEADING = 9f;
    private static final float LEFT = 72;

    private record PdfPageText(List<String> body, List<String> footnotes) {
    }

    /** The .txt is a PDF extraction: a page starts with a line that begins with a space, footnotes close a page. */
    static List<PdfPageText> pages(String text) {
        List<List<String>> pages = new ArrayList<>();
        pages.add(new ArrayList<>());
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(" ")) {
                pages.add(new ArrayList<>());
                line = line.strip();
            }
            pages.get(pages.size() - 1).add(line);
        }
        List<PdfPageText> result = new ArrayList<>();
        for (List<String> lines : pages) {
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            if (lines.isEmpty()) {
                continue;
            }
            int footnotes = lines.size();
            for (int i = lines.size() - 1; i > 0; i--) {
                if (lines.get(i - 1).isEmpty() && lines.get(i).matches("\\d{1,2} \\p{Lu}.*")) {
                    footnotes = i;
                    break;
                }
            }
            List<String> body = new ArrayList<>(lines.subList(0, footnotes));
            while (!body.isEmpty() && body.get(0).isBlank()) {
                body.remove(0);
            }
            while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
                body.remove(body.size() - 1);
            }
            result.add(new PdfPageText(body, lines.subList(footnotes, lines.size())));
        }
        return result;
    }

    static byte[] pdf(String text) throws IOException {
        List<PdfPageText> pages = pages(text);
        try (PDDocument document = new PDDocument()) {
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            PDFont header = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int nextMarker = 1;
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    if (p > 0) {
                        write(out, header, 7.5f, LEFT, 810, "Eerste Kamer, vergaderjaar 2024–2025, 27 925, AR");
                        write(out, header, 7.5f, 515, 810, String.valueOf(p + 1));
                    }
                    float y = 780;
                    for (String line : pages.get(p).body()) {
                        if (!line.isBlank()) {
                            nextMarker = writeWithMarkers(out, regular, line, y, nextMarker);
                        }
                        y -= LEADING;
                    }
                    List<String> notes = pages.get(p).footnotes();
                    if (!notes.isEmpty()) {
                        float top = 60 + notes.size() * NOTE_LEADING;
                        out.setLineWidth(0.5f);
                        out.moveTo(LEFT, top + 4);
                        out.lineTo(LEFT + 120, top + 4);
                        out.stroke();
                        float noteY = top - NOTE_LEADING + 2;
                        for (String note : notes) {
                            write(out, regular, NOTE_SIZE, LEFT, noteY, note);
                            noteY -= NOTE_LEADING;
                        }
                    }
                    write(out, header, 6.5f, LEFT, 32, "ek-27925-AR    ISSN 0921 - 7371    ’s-Gravenhage 2024");
                }
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    /** Writes a body line; the next footnote number, where it follows a word, is set small and raised. */
    private static int writeWithMarkers(PDPageContentStream out, PDFont font, String line, float y, int nextMarker) throws IOException {
        Matcher m = Pattern.compile("(?<=[\\p{L}.)])" + nextMarker + "(?=[\\s.,;]|$)").matcher(line);
        if (!m.find()) {
            write(out, font, FONT_SIZE, LEFT, y, line);
            return nextMarker;
        }
        String before = line.substring(0, m.start());
        String after = line.substring(m.end());
        float x = LEFT;
        write(out, font, FONT_SIZE, x, y, before);
        x += font.getStringWidth(before) / 1000 * FONT_SIZE;
        write(out, font, 6f, x, y + 3.5f, m.group());
        x += font.getStringWidth(m.group()) / 1000 * 6f;
        nextMarker = writeWithMarkers(out, font, after, y, x, nextMarker + 1);
        return nextMarker;
    }

    private static int writeWithMarkers(PDPageContentStream out, PDFont font, String rest, float y, float x, int nextMarker) throws IOException {
        write(out, font, FONT_SIZE, x, y, rest);
        return nextMarker;
    }

    private static void write(PDPageContentStream out, PDFont font, float size, float x, float y, String text) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    // ---------------------------------------------------------------- the Tweede Kamer letter, paragraph by paragraph

    private enum Kind { DOSSIER, TITLE, RECIPIENT, PLACE_DATE, HEADING, LIST, PARAGRAPH, SIGNATURE }

    private record Block(Kind kind, String text) {
    }

    /** The letter's blocks in order, and its footnotes by number. */
    private record Letter(List<Block> blocks, Map<Integer, String> footnotes) {
    }

    static Letter letter(String text) {
        List<Block> blocks = new ArrayList<>();
        Map<Integer, String> footnotes = new LinkedHashMap<>();
        for (String paragraph : text.strip().split("\n\\s*\n")) {
            String p = paragraph.strip();
            Matcher note = Pattern.compile("^([" + SUPERSCRIPTS + "]+) (.*)$", Pattern.DOTALL).matcher(p);
            if (note.matches()) {
                footnotes.put(number(note.group(1)), note.group(2).replace('\n', ' '));
            } else if (blocks.isEmpty()) {
                blocks.add(new Block(Kind.DOSSIER, p));
            } else if (p.startsWith("Nr. ")) {
                blocks.add(new Block(Kind.TITLE, p.replace('\n', ' ')));
            } else if (p.startsWith("Aan de Voorzitter")) {
                blocks.add(new Block(Kind.RECIPIENT, p));
            } else if (p.startsWith("Den Haag,")) {
                blocks.add(new Block(Kind.PLACE_DATE, p));
            } else if (p.startsWith("De minister van Justitie en Veiligheid,")) {
                blocks.add(new Block(Kind.SIGNATURE, p));
            } else if (p.lines().allMatch(l -> l.startsWith("- "))) {
                blocks.add(new Block(Kind.LIST, p));
            } else if (!p.contains("\n") && p.length() < 120 && !p.endsWith(".") && !p.endsWith(":")) {
                blocks.add(new Block(Kind.HEADING, p));
            } else {
                blocks.add(new Block(Kind.PARAGRAPH, p));
            }
        }
        return new Letter(blocks, footnotes);
    }

    private static int number(String superscripts) {
        int n = 0;
        for (char c : superscripts.toCharArray()) {
            n = n * 10 + SUPERSCRIPTS.indexOf(c);
        }
        return n;
    }

    private static final Pattern MARKER = Pattern.compile("[" + SUPERSCRIPTS + "]+");
    private static final Pattern EMPHASIS = Pattern.compile("\\*([^*]+)\\*");
    private static final Pattern LINK = Pattern.compile("\\[(.+?)\\]\\((https?://[^)]+)\\)");

    // ---------------------------------------------------------------- HTML

    static String html(String text) {
        Letter letter = letter(text);
        StringBuilder body = new StringBuilder();
        for (Block block : letter.blocks()) {
            switch (block.kind()) {
                case DOSSIER -> body.append("      <h1 class=\"dossiertitel\">").append(inlineHtml(block.text())).append("</h1>\n");
                case TITLE -> body.append("      <h2 class=\"stuktitel\">").append(inlineHtml(block.text())).append("</h2>\n");
                case HEADING -> body.append("      <h3>").append(inlineHtml(block.text())).append("</h3>\n")
                        .append("      <p class=\"naar-boven\"><a href=\"#top\">Naar boven</a></p>\n");
                case LIST -> {
                    body.append("      <ul>\n");
                    block.text().lines().forEach(l -> body.append("        <li>").append(inlineHtml(l.substring(2))).append("</li>\n"));
                    body.append("      </ul>\n");
                }
                case SIGNATURE, RECIPIENT, PLACE_DATE, PARAGRAPH ->
                        body.append("      <p>").append(inlineHtml(block.text()).replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        body.append("      <div class=\"voetnoten\">\n        <h3>Noten</h3>\n");
        letter.footnotes().forEach((n, note) -> body.append("        <p id=\"fn").append(n).append("\"><sup>").append(n)
                .append("</sup> ").append(inlineHtml(note)).append("</p>\n"));
        body.append("      </div>\n");
        return """
                <!DOCTYPE html>
                <html lang="nl">
                <head>
                  <meta charset="utf-8">
                  <title>Kamerstuk 34843, nr. 111 | Overheid.nl &gt; Officiële bekendmakingen</title>
                  <link rel="stylesheet" href="/css/site.css">
                  <style>body { font-family: sans-serif; } .naar-boven { font-size: small; }</style>
                  <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
                </head>
                <body id="top">
                  <a class="skiplink" href="#broodtekst">Direct naar de inhoud</a>
                  <header class="site-header">
                    <div class="logo">Overheid.nl | Officiële bekendmakingen</div>
                    <nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/zoeken">Zoeken</a></li><li><a href="/help">Help</a></li></ul></nav>
                  </header>
                  <nav class="breadcrumb"><a href="/">Home</a> › <a href="/kamerstukken">Kamerstukken</a> › 34843, nr. 111</nav>
                  <main id="main-content">
                    <article>
                    <div id="broodtekst">
                %s    </div>
                    </article>
                    <aside class="sidebar">
                      <h2>Gerelateerde documenten</h2>
                      <ul><li><a href="/kst-34843-110.html">Kamerstuk 34843, nr. 110</a></li></ul>
                      <div class="share">Deel deze pagina: <a href="#">Mail</a> <a href="#">LinkedIn</a></div>
                    </aside>
                  </main>
                  <footer class="site-footer">
                    <p>Dit is een officiële publicatie van de Staat der Nederlanden. <a href="/privacy">Privacy</a> | <a href="/cookies">Cookies</a></p>
                  </footer>
                  <script src="/js/analytics.js"></script>
                  <script>gtag('config', 'G-XXXX'); document.write('<p>Script content must never appear</p>');</script>
                </body>
                </html>
                """.formatted(body);
    }

    private static String inlineHtml(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        escaped = LINK.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement(
                "<a href=\"" + m.group(2) + "\">" + m.group(1).replace("\\(", "(").replace("\\)", ")") + "</a>"));
        escaped = EMPHASIS.matcher(escaped).replaceAll("<em>$1</em>");
        return MARKER.matcher(escaped).replaceAll(m -> {
            int n = number(m.group());
            return "<sup><a href=\"#fn" + n + "\" class=\"nootnummer\">" + n + "</a></sup>";
        });
    }

    // ---------------------------------------------------------------- XML

    static String xml(String text) {
        Letter letter = letter(text);
        StringBuilder brief = new StringBuilder();
        for (Block block : letter.blocks()) {
            switch (block.kind()) {
                case DOSSIER, TITLE -> {
                    // in the kamerstuk header
                }
                case RECIPIENT -> brief.append("          <ontvanger>").append(inlineXml(block.text(), letter)).append("</ontvanger>\n");
                case PLACE_DATE -> brief.append("          <plaats.datum>").append(inlineXml(block.text(), letter)).append("</plaats.datum>\n");
                case HEADING -> brief.append("          <tussenkop>").append(inlineXml(block.text(), letter)).append("</tussenkop>\n");
                case LIST -> {
                    brief.append("          <lijst type=\"expliciet\">\n");
                    block.text().lines().forEach(l -> brief.append("            <li><li.nr>–</li.nr><al>")
                            .append(inlineXml(l.substring(2), letter)).append("</al></li>\n"));
                    brief.append("          </lijst>\n");
                }
                case SIGNATURE -> {
                    String[] lines = block.text().split("\n");
                    brief.append("          <ondertekening>\n            <functie>").append(inlineXml(lines[0], letter))
                            .append("</functie>\n            <naam><achternaam>").append(inlineXml(lines[1], letter))
                            .append("</achternaam></naam>\n          </ondertekening>\n");
                }
                case PARAGRAPH -> brief.append("          <al>").append(inlineXml(block.text().replace('\n', ' '), letter)).append("</al>\n");
            }
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xml:lang="nl">
                  <metadata>
                    <meta name="DC.identifier" content="kst-34843-111"/>
                    <meta name="DC.creator" content="Tweede Kamer der Staten-Generaal"/>
                    <meta name="DC.title" content="Seksuele intimidatie en geweld; Brief regering; Voortgangsbrief aanpak seksueel geweld"/>
                    <meta name="OVERHEIDop.dossiernummer" content="34843"/>
                    <meta name="OVERHEIDop.ondernummer" content="111"/>
                    <meta name="OVERHEIDop.vergaderjaar" content="2023-2024"/>
                    <meta name="DCTERMS.issued" content="2024-06-20"/>
                  </metadata>
                  <kamerstuk>
                    <kamerstukkop>
                      <kamer nummer="2"/>
                      <vergaderjaar>Vergaderjaar 2023–2024</vergaderjaar>
                    </kamerstukkop>
                    <dossier>
                      <dossiernummer><dossiernr>34843</dossiernr></dossiernummer>
                      <titel>Seksuele intimidatie en geweld</titel>
                    </dossier>
                    <stuk>
                      <stuknummer><stuknr>111</stuknr></stuknummer>
                      <titel>BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID</titel>
                      <algemeen>
                        <brief>
                %s        </brief>
                      </algemeen>
                    </stuk>
                  </kamerstuk>
                </officiele-publicatie>
                """.formatted(brief);
    }

    private static String inlineXml(String text, Letter letter) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        escaped = LINK.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement("<extref doc=\"" + m.group(2) + "\">"
                + m.group(1).replace("\\(", "(").replace("\\)", ")") + "</extref>"));
        escaped = EMPHASIS.matcher(escaped).replaceAll("<nadruk type=\"cur\">$1</nadruk>");
        return MARKER.matcher(escaped).replaceAll(m -> {
            int n = number(m.group());
            String note = letter.footnotes().getOrDefault(n, "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            note = LINK.matcher(note).replaceAll(l -> Matcher.quoteReplacement("<extref doc=\"" + l.group(2) + "\">"
                    + l.group(1).replace("\\(", "(").replace("\\)", ")") + "</extref>"));
            return Matcher.quoteReplacement("<noot id=\"ID-" + n + "\" type=\"voet\"><noot.nr>" + n + "</noot.nr><noot.al>"
                    + note + "</noot.al></noot>");
        });
    }
}
