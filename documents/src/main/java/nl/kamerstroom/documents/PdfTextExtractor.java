package nl.kamerstroom.documents;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text layer of a PDF Kamerstuk, in reading order, laid out like the sample letters:
 * <ul>
 *   <li>running page headers and footers (lines repeated at the top or bottom of most pages, such as
 *       "Tweede Kamer, vergaderjaar 2023–2024, 34 843, nr. 111 3", and bare page numbers) are removed;</li>
 *   <li>paragraphs are separated by a blank line, lines within a paragraph keep their breaks;</li>
 *   <li>a word hyphenated across a line break is joined ("aanvul-" + "lende" becomes "aanvullende" on the first line);</li>
 *   <li>footnote markers (small raised digits) become superscript digits, and each page's footnotes (the block of
 *       smaller type at its foot) follow that page's text, each prefixed by its number: "¹ Kamerstuk 27 925, nr. 943".</li>
 * </ul>
 */
final class PdfTextExtractor {

    /** Lines this close to the top or bottom of a page are candidates for running headers and footers. */
    private static final int EDGE_LINES = 3;
    private static final Pattern KAMERSTUK_RUNNING_HEADER =
            Pattern.compile("(?i)^(eerste|tweede) kamer, vergaderjaar \\d{4}\\s*[–-]\\s*\\d{4},.*");
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)^(pagina\\s+)?\\d{1,4}(\\s*(van|/|of)\\s*\\d{1,4})?$");
    private static final Pattern FOOTNOTE_START = Pattern.compile("^([0-9]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(\\s+|(?=\\p{Lu}))(.*)");
    /** Words that follow a hyphen in Dutch elision ("zorg- en welzijn"), so that hyphen is not a line-break hyphen. */
    private static final Set<String> ELISION_FOLLOWERS = Set.of("en", "of", "tot", "t/m", "noch", "als");

    private final int maxPages;

    PdfTextExtractor(int maxPages) {
        this.maxPages = maxPages;
    }

    String extract(byte[] bytes) throws DocumentRejectedException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.getNumberOfPages() > maxPages) {
                throw new DocumentRejectedException(Rejection.TOO_MANY_PAGES, "The PDF has " + document.getNumberOfPages()
                        + " pages; at most " + maxPages + " are accepted. Upload the letter on its own.");
            }
            LineCollector collector = new LineCollector();
            collector.getText(document);
            List<List<Line>> pages = collector.pages;
            String text = layOut(pages);
            if (text.codePoints().filter(Character::isLetterOrDigit).count() < 10) {
                throw new DocumentRejectedException(Rejection.PDF_WITHOUT_TEXT, "The PDF has no text layer (it is a scan or "
                        + "consists of images); it needs OCR first. Upload the PDF from officielebekendmakingen.nl or run OCR on it.");
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw new DocumentRejectedException(Rejection.ENCRYPTED_PDF,
                    "The PDF is encrypted with a password. Upload an unprotected copy.");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // PDFBox reports broken files as IOException, and sometimes trips over them with runtime errors or deep
            // recursion; all of them mean this file cannot be read, not that the service is broken.
            throw new DocumentRejectedException(Rejection.CORRUPT_PDF, "The PDF cannot be read (" + describe(e)
                    + "). Download it again or export it anew.");
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** One line of text as laid out on the page. */
    record Line(String text, float baseline, float fontSize, float right) {
    }

    /** A page reduced to its body lines and its footnote lines. */
    private record PageText(List<Line> body, List<Line> footnotes) {
    }

    private String layOut(List<List<Line>> pages) {
        List<List<Line>> withoutRunningHeaders = removeRunningHeadersAndFooters(pages);
        float bodyFontSize = dominantFontSize(withoutRunningHeaders);
        List<PageText> split = withoutRunningHeaders.stream().map(lines -> splitFootnotes(lines, bodyFontSize)).toList();
        float lineGap = typicalLineGap(split);
        float rightMargin = (float) split.stream().flatMap(p -> p.body().stream()).mapToDouble(Line::right).max().orElse(0);

        // Body lines of all pages in reading order, with where paragraphs break; footnotes stay with their page.
        List<StringBuilder> body = new ArrayList<>();
        List<Boolean> paragraphBefore = new ArrayList<>();
        List<Integer> pageOf = new ArrayList<>();
        Line previous = null;
        for (int p = 0; p < split.size(); p++) {
            for (int i = 0; i < split.get(p).body().size(); i++) {
                Line line = split.get(p).body().get(i);
                boolean paragraph;
                if (previous == null) {
                    paragraph = false;
                } else if (i == 0) {
                    // across a page break only the end of the previous line tells: a short line ending a sentence
                    paragraph = endsParagraph(previous, rightMargin);
                } else {
                    paragraph = line.baseline() - previous.baseline() > lineGap * 1.45f
                            || Math.abs(line.fontSize() - previous.fontSize()) > 1.5f;
                }
                body.add(new StringBuilder(line.text()));
                paragraphBefore.add(paragraph);
                pageOf.add(p);
                previous = line;
            }
        }
        joinHyphenatedWords(body, paragraphBefore);

        StringBuilder out = new StringBuilder();
        int line = 0;
        for (int p = 0; p < split.size(); p++) {
            boolean paragraphPending = false;
            while (line < body.size() && pageOf.get(line) == p) {
                paragraphPending |= paragraphBefore.get(line);
                if (!body.get(line).isEmpty()) {
                    if (out.length() > 0) {
                        out.append(paragraphPending ? "\n\n" : "\n");
                    }
                    out.append(body.get(line));
                    paragraphPending = false;
                }
                line++;
            }
            List<Line> footnotes = split.get(p).footnotes();
            if (!footnotes.isEmpty()) {
                out.append("\n\n");
                for (int f = 0; f < footnotes.size(); f++) {
                    if (f > 0) {
                        out.append('\n');
                    }
                    out.append(footnoteLine(footnotes.get(f).text()));
                }
                // the page's text continues after its footnotes as a new block
                out.append('\n');
            }
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static boolean endsParagraph(Line line, float rightMargin) {
        String text = line.text().strip();
        return !text.isEmpty() && ".:;!?".indexOf(text.charAt(text.length() - 1)) >= 0 && line.right() < rightMargin * 0.85f;
    }

    /** "1 Kamerbrief ..." becomes "¹ Kamerbrief ...", so a footnote reads the same in every format. */
    private static String footnoteLine(String text) {
        Matcher m = FOOTNOTE_START.matcher(text);
        if (m.matches()) {
            return Superscripts.of(m.group(1)) + " " + m.group(3);
        }
        return text;
    }

    /**
     * Moves the second half of a word hyphenated at a line end up to the first half. The hyphen stays when it is
     * part of the word ("NAVO-" + "commandostructuur": it follows a capital) or an elision ("zorg- en").
     */
    private static void joinHyphenatedWords(List<StringBuilder> lines, List<Boolean> paragraphBefore) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            StringBuilder line = lines.get(i);
            int n = line.length();
            if (n < 3 || line.charAt(n - 1) != '-' || !Character.isLowerCase(line.charAt(n - 2)) || paragraphBefore.get(i + 1)) {
                continue;
            }
            String next = lines.get(i + 1).toString();
            if (next.isEmpty() || !Character.isLowerCase(next.charAt(0))) {
                continue;
            }
            int end = next.indexOf(' ');
            String word = end < 0 ? next : next.substring(0, end);
            if (ELISION_FOLLOWERS.contains(word.replaceAll("\\p{P}+$", ""))) {
                continue;
            }
            line.setLength(n - 1);
            line.append(word);
            // a line left empty is skipped when the text is written
            String rest = end < 0 ? "" : next.substring(end + 1).stripLeading();
            lines.get(i + 1).setLength(0);
            lines.get(i + 1).append(rest);
        }
    }

    /**
     * Lines at the top or bottom edge of the page that recur (digits aside) on at least half of the pages, plus the
     * Kamerstuk running header and bare page numbers wherever they stand at an edge.
     */
    private static List<List<Line>> removeRunningHeadersAndFooters(List<List<Line>> pages) {
        Map<String, Integer> topCounts = new HashMap<>();
        Map<String, Integer> bottomCounts = new HashMap<>();
        for (List<Line> page : pages) {
            page.stream().limit(EDGE_LINES).map(l -> key(l.text())).distinct().forEach(k -> topCounts.merge(k, 1, Integer::sum));
            page.stream().skip(Math.max(0, page.size() - EDGE_LINES)).map(l -> key(l.text())).distinct()
                    .forEach(k -> bottomCounts.merge(k, 1, Integer::sum));
        }
        int threshold = Math.max(2, (pages.size() + 1) / 2);
        List<List<Line>> result = new ArrayList<>();
        for (List<Line> page : pages) {
            int from = 0;
            while (from < Math.min(EDGE_LINES, page.size()) && isRunning(page.get(from), topCounts, threshold)) {
                from++;
            }
            int to = page.size();
            while (to > from && page.size() - to < EDGE_LINES && isRunning(page.get(to - 1), bottomCounts, threshold)) {
                to--;
            }
            result.add(page.subList(from, to));
        }
        return result;
    }

    private static boolean isRunning(Line line, Map<String, Integer> counts, int threshold) {
        String text = line.text().strip();
        return counts.getOrDefault(key(text), 0) >= threshold
                || KAMERSTUK_RUNNING_HEADER.matcher(text).matches()
                || PAGE_NUMBER.matcher(text).matches();
    }

    /** Digits vary from page to page (page numbers), the rest of a running header does not. */
    private static String key(String text) {
        return text.replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** The font size most of the text is set in (weighted by length). */
    private static float dominantFontSize(List<List<Line>> pages) {
        Map<Integer, Integer> weight = new HashMap<>();
        for (List<Line> page : pages) {
            for (Line line : page) {
                weight.merge(Math.round(line.fontSize() * 2), line.text().length(), Integer::sum);
            }
        }
        return weight.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() / 2f).orElse(10f);
    }

    /** The footnotes are the block of smaller type at the foot of the page that starts with a number. */
    private static PageText splitFootnotes(List<Line> lines, float bodyFontSize) {
        int start = lines.size();
        while (start > 0 && lines.get(start - 1).fontSize() < bodyFontSize * 0.92f) {
            start--;
        }
        // the block must begin with a footnote number; anything small above the first one is not a footnote
        while (start < lines.size() && !FOOTNOTE_START.matcher(lines.get(start).text()).matches()) {
            start++;
        }
        if (start == lines.size() || start == 0) {
            return new PageText(lines, List.of());
        }
        return new PageText(lines.subList(0, start), lines.subList(start, lines.size()));
    }

    /** The usual distance between baselines of consecutive body lines. */
    private static float typicalLineGap(List<PageText> pages) {
        List<Float> gaps = new ArrayList<>();
        for (PageText page : pages) {
            for (int i = 1; i < page.body().size(); i++) {
                float gap = page.body().get(i).baseline() - page.body().get(i - 1).baseline();
                if (gap > 0) {
                    gaps.add(gap);
                }
            }
        }
        if (gaps.isEmpty()) {
            return 14f;
        }
        gaps.sort(Float::compare);
        return gaps.get(gaps.size() / 2);
    }

    /**
     * Collects the text of each page as lines with their position and font size, in reading order (sorted by position,
     * which suits the single-column layout of Kamerstukken).
     */
    private static final class LineCollector extends PDFTextStripper {

        final List<List<Line>> pages = new ArrayList<>();
        private List<Line> page;
        private final StringBuilder text = new StringBuilder();
        private final List<TextPosition> positions = new ArrayList<>();

        LineCollector() {
            setSortByPosition(true);
            setLineSeparator("\n");
            setSuppressDuplicateOverlappingText(true);
            setAddMoreFormatting(false);
        }

        @Override
        public String getText(PDDocument doc) throws IOException {
            writeText(doc, new StringWriter());
            return "";
        }

        @Override
        protected void startPage(PDPage pdPage) {
            page = new ArrayList<>();
        }

        @Override
        protected void endPage(PDPage pdPage) {
            flushLine();
            pages.add(page);
        }

        @Override
        protected void writeString(String word, List<TextPosition> wordPositions) {
            text.append(markFootnoteMarkers(word, wordPositions));
            positions.addAll(wordPositions);
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            flushLine();
        }

        private void flushLine() {
            String line = text.toString().strip();
            if (!line.isEmpty() && !positions.isEmpty() && page != null) {
                float baseline = 0;
                float right = 0;
                List<Float> sizes = new ArrayList<>();
                for (TextPosition p : positions) {
                    baseline = Math.max(baseline, p.getYDirAdj());
                    right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                    sizes.add(fontSize(p));
                }
                sizes.sort(Float::compare);
                page.add(new Line(line, baseline, sizes.get(sizes.size() / 2), right));
            }
            text.setLength(0);
            positions.clear();
        }

        /**
         * Digits set smaller than the word around them and raised above its baseline are footnote markers: they become
         * superscript digits, so "Irak1" reads "Irak¹" and cannot be mistaken for a number.
         */
        private static String markFootnoteMarkers(String word, List<TextPosition> wordPositions) {
            if (wordPositions.size() != word.length() || wordPositions.size() < 2) {
                return word;
            }
            float largest = 0;
            float lowestBaseline = 0;
            for (TextPosition p : wordPositions) {
                largest = Math.max(largest, fontSize(p));
                lowestBaseline = Math.max(lowestBaseline, p.getYDirAdj());
            }
            StringBuilder out = new StringBuilder(word.length());
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                TextPosition p = wordPositions.get(i);
                boolean small = fontSize(p) < largest * 0.8f;
                boolean raised = lowestBaseline - p.getYDirAdj() > largest * 0.2f;
                out.append(c >= '0' && c <= '9' && small && raised ? Superscripts.of(c) : c);
            }
            return out.toString();
        }

        private static float fontSize(TextPosition p) {
            float size = p.getFontSizeInPt();
            return size > 0 ? size : p.getHeightDir();
        }
    }
}
