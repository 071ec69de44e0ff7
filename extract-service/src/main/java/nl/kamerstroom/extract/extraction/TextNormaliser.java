package nl.kamerstroom.extract.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a letter as it arrives (PDF text, web page, clean text) into {@link NormalisedText}.
 * <p>
 * Two passes. The line pass removes page furniture: running headers ("Eerste Kamer, vergaderjaar 2024–2025,
 * 27 925, AR 2"), bare page numbers and footnote blocks, so that a sentence interrupted by the bottom of a page
 * reads on as across an ordinary line break (also inside a name: "het lid Van" | header | "Apeldoorn"), and
 * web-page chrome ("Naar boven", "Deel deze pagina"), which stands as a paragraph break. The character pass folds non-breaking spaces, removes footnote markers (Unicode superscripts, and
 * plain digits glued to a word when a footnote with that number exists) and joins words hyphenated across lines.
 * Stateless and thread-safe.
 */
final class TextNormaliser {

    private static final Pattern RUNNING_HEADER = Pattern.compile(
            "\\s*(?:Eerste|Tweede) Kamer, vergaderjaar \\d{4}\\s*[–—-]\\s*\\d{4}, [^\\n]{1,60}");
    private static final Pattern PAGE_NUMBER = Pattern.compile("\\s*\\d{1,3}\\s*");
    private static final Pattern SUPERSCRIPT_FOOTNOTE_START = Pattern.compile("\\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\\s*\\S.*");
    private static final Pattern PLAIN_FOOTNOTE_START = Pattern.compile("(\\d{1,3})[ \\t]+[\\p{Lu}\"“‘'(\\[].*");
    /** Footnotes whose marker we could not see still start with one of these words. */
    private static final Pattern TYPICAL_FOOTNOTE_TEXT = Pattern.compile(
            "\\d{1,3}[ \\t]+(?:Kamerstuk|Kamerstukken|Kamerbrief|Kamerbrieven|Handelingen|Zie|Brief|Motie|Toezegging|Stb|Stcrt|Staatsblad|Staatscourant|https?:|www\\.).*");

    /** A line: its content is [start, end), without the line break; the next line starts at {@code next}. */
    private record Line(int start, int end, int next) {
    }

    /**
     * Web-page chrome around a letter: navigation, share buttons, breadcrumbs, download links ("Naar boven", "Deel
     * deze pagina", "PDF document | 4 pagina's | 214 kB"). Such a line is removed and stands as a paragraph break,
     * so it never ends up inside a sentence of the letter.
     */
    private static final Set<String> WEB_CHROME = Set.of("Naar boven", "Terug naar boven", "Deel deze pagina",
            "Over deze site", "Contact", "Home", "Documenten", "Menu", "Zoeken", "Zoeken in Officiële bekendmakingen",
            "Rijksoverheid.nl", "Facebook", "LinkedIn", "Twitter", "X", "E-mail", "WhatsApp", "Print", "Printen",
            "Download", "Downloaden", "Inhoudsopgave");
    /** Breadcrumbs and download links: "PDF document | 4 pagina's | 214 kB", "Kamerstuk: Kamerbrief | 03-03-2025". */
    private static final Pattern WEB_CHROME_WITH_BARS = Pattern.compile(
            "(?=.*(?:\\b(?:PDF|kB|KB|MB|pagina's|Kamerbrief|Nieuwsbericht|Publicatie)\\b|\\d{2}-\\d{2}-\\d{4}))"
                    + "[^|\\n]{0,60}\\|[^\\n]{0,100}");
    private static final int MAX_CHROME_WORDS = 40;
    private static final int MAX_CHROME_LINE = 120;

    /** How many body lines before furniture show the page's line width, and what share of it a short line stays under. */
    private static final int SHORT_LINE_CONTEXT = 6;
    private static final double SHORT_LINE_SHARE = 0.7;

    private enum Kind { BODY, BLANK, REMOVABLE, CHROME }

    NormalisedText normalise(String text) {
        List<Line> lines = splitLines(text);
        Kind[] kinds = new Kind[lines.size()];
        List<NormalisedText.Footnote> footnotes = new ArrayList<>();
        List<int[]> plainMarkers = new ArrayList<>(); // {number, originalStart, originalEnd}
        classifyLines(text, lines, kinds, footnotes, plainMarkers);
        // the character pass reads the line pass's characters and offsets as they are: no string is made in between
        MappedText.Builder withoutFurniture = removeFurniture(text, lines, kinds);
        List<NormalisedText.Marker> markers = new ArrayList<>();
        MappedText body = normaliseCharacters(withoutFurniture, plainMarkers, markers, text.length());
        return new NormalisedText(text, body, footnotes, markers);
    }

    private static List<Line> splitLines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
            int end = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline; // Windows line ends
            lines.add(new Line(start, end, newline + 1));
            start = newline + 1;
        }
        lines.add(new Line(start, text.length(), text.length()));
        return lines;
    }

    private static void classifyLines(String text, List<Line> lines, Kind[] kinds,
                                      List<NormalisedText.Footnote> footnotes, List<int[]> plainMarkers) {
        int expectedPlain = 1;
        int searchMarkersFrom = 0;
        int footnoteStart = -1;
        int footnoteNumber = -1;
        int footnoteTextStart = -1;
        int footnoteEnd = -1;
        List<int[]> footnoteRanges = new ArrayList<>();
        java.util.Map<Integer, Integer> searchedUpTo = new java.util.HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            // Cheap look at the first character decides which line patterns can apply at all.
            int firstChar = line.start();
            while (firstChar < line.end() && Character.isWhitespace(text.charAt(firstChar))) {
                firstChar++;
            }
            boolean blank = firstChar == line.end();
            char first = blank ? ' ' : text.charAt(firstChar);
            boolean mayBeFurniture = first == 'E' || first == 'T' || Character.isDigit(first);
            boolean mayStartFootnote = Character.isDigit(first) || isSuperscriptDigit(first);
            String content = mayBeFurniture || mayStartFootnote || footnoteNumber >= 0
                    ? text.substring(line.start(), line.end()) : "";
            boolean chrome = !blank && !mayStartFootnote && isChrome(text, firstChar, line.end());
            boolean endsOpenFootnote = blank || chrome || (mayBeFurniture && (RUNNING_HEADER.matcher(content).matches()
                    || PAGE_NUMBER.matcher(content).matches()));
            Integer newFootnote = null;
            int newTextStart = -1;
            if (mayStartFootnote) {
                var sup = SUPERSCRIPT_FOOTNOTE_START.matcher(content);
                if (sup.matches()) {
                    newFootnote = superscriptValue(sup.group(1));
                    newTextStart = line.start() + sup.end(1);
                } else {
                    var plain = PLAIN_FOOTNOTE_START.matcher(content);
                    int number = plain.matches() ? Integer.parseInt(plain.group(1)) : -1;
                    // footnotes are numbered in sequence; allow a footnote or two whose text went missing
                    if (number >= expectedPlain && number <= expectedPlain + 2) {
                        // resume where an earlier fruitless search for this number stopped: keeps this linear
                        int from = Math.max(searchMarkersFrom, searchedUpTo.getOrDefault(number, 0));
                        int[] marker = findGluedMarker(text, number, from, line.start(), footnoteRanges);
                        searchedUpTo.put(number, marker == null ? line.start() : marker[1]);
                        boolean afterBreak = i == 0 || kinds[i - 1] != Kind.BODY;
                        if (marker != null || (number == expectedPlain && afterBreak
                                && TYPICAL_FOOTNOTE_TEXT.matcher(content).matches())) {
                            newFootnote = number;
                            newTextStart = line.start() + plain.end(1);
                            if (marker != null) {
                                plainMarkers.add(new int[]{number, marker[0], marker[1]});
                                searchMarkersFrom = marker[1];
                            }
                        }
                    }
                }
            }
            if (footnoteNumber >= 0 && (endsOpenFootnote || newFootnote != null
                    || firstChar > line.start() || endsSentence(text, footnoteStart, footnoteEnd))) {
                footnotes.add(footnote(text, footnoteNumber, footnoteStart, footnoteTextStart, footnoteEnd));
                footnoteRanges.add(new int[]{footnoteStart, footnoteEnd});
                footnoteNumber = -1;
            }
            if (newFootnote != null) {
                footnoteNumber = newFootnote;
                footnoteStart = line.start();
                footnoteTextStart = newTextStart;
                footnoteEnd = line.end();
                if (newFootnote >= expectedPlain) {
                    expectedPlain = newFootnote + 1;
                }
                kinds[i] = Kind.REMOVABLE;
            } else if (footnoteNumber >= 0) {
                footnoteEnd = line.end(); // continuation line of the open footnote
                kinds[i] = Kind.REMOVABLE;
            } else if (blank) {
                kinds[i] = Kind.BLANK;
            } else if (chrome) {
                kinds[i] = Kind.CHROME;
            } else if (endsOpenFootnote) {
                kinds[i] = Kind.REMOVABLE; // running header or page number
            } else {
                kinds[i] = Kind.BODY;
            }
        }
        if (footnoteNumber >= 0) {
            footnotes.add(footnote(text, footnoteNumber, footnoteStart, footnoteTextStart, footnoteEnd));
        }
    }

    /** A line of web-page chrome: a known short line, or a short line with "|" separators and file or date words. */
    private static boolean isChrome(String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to - from <= MAX_CHROME_WORDS && WEB_CHROME.contains(text.substring(from, to))) {
            return true;
        }
        if (to - from > MAX_CHROME_LINE) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '|') {
                return WEB_CHROME_WITH_BARS.matcher(text).region(from, to).matches();
            }
        }
        return false;
    }

    private static boolean endsSentence(String text, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '.' || c == '!' || c == '?';
            }
        }
        return false;
    }

    private static NormalisedText.Footnote footnote(String text, int number, int start, int textStart, int end) {
        return new NormalisedText.Footnote(number, flatten(text.substring(textStart, end)), textStart, end);
    }

    /** One-line form of a footnote: hyphenated breaks joined, whitespace collapsed, markers dropped. */
    static String flatten(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSuperscriptDigit(c) || c == '\u00AD') {
                continue;
            }
            if (c == '-' && i > 0 && Character.isLowerCase(s.charAt(i - 1))) {
                int j = i + 1;
                while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '\r')) {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == '\n') {
                    j++;
                    while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                        j++;
                    }
                    if (j < s.length() && Character.isLowerCase(s.charAt(j))) {
                        i = j - 1;
                        continue;
                    }
                }
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                continue;
            }
            out.append(c);
        }
        return out.toString().trim();
    }

    /**
     * Where footnote {@code number}'s marker is glued to the text ("Irak1", "gestart7.", "2024.3", "in 2023,4"),
     * searching after the previous marker. A digit after a comma or full stop only counts when a year or a word
     * precedes it, so "18,3 miljoen" never loses its decimal.
     */
    private static int[] findGluedMarker(String text, int number, int from, int to, List<int[]> skipRanges) {
        String digits = Integer.toString(number);
        int idx = text.indexOf(digits, from);
        while (idx >= 0 && idx < to) {
            int end = idx + digits.length();
            if (!insideAny(idx, skipRanges) && isGluedMarker(text, idx, end)) {
                return new int[]{idx, end};
            }
            idx = text.indexOf(digits, idx + 1);
        }
        return null;
    }

    private static boolean insideAny(int pos, List<int[]> ranges) {
        // ranges are in text order: binary search for the last one starting at or before pos
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ranges.get(mid)[0] <= pos) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi >= 0 && pos < ranges.get(hi)[1];
    }

    private static boolean isGluedMarker(String text, int start, int end) {
        if (start == 0) {
            return false;
        }
        char before = text.charAt(start - 1);
        char after = end < text.length() ? text.charAt(end) : ' ';
        if (Character.isDigit(after) || !(Character.isWhitespace(after) || ".,;:)".indexOf(after) >= 0)) {
            return false;
        }
        if (Character.isLetter(before) || ")’'”\"".indexOf(before) >= 0) {
            return true;
        }
        if (Character.isDigit(before)) {
            // "december 202236": a year with the marker glued to it, as PDF text renders a superscript
            return endsWithYear(text, start);
        }
        if (".,;:".indexOf(before) >= 0) {
            int p = start - 2;
            if (p < 0) {
                return false;
            }
            char c = text.charAt(p);
            if (Character.isLetter(c) || c == ')' || c == '”' || c == '’') {
                return true;
            }
            return endsWithYear(text, start - 1) || followsDocumentNumber(text, start - 1);
        }
        return false;
    }

    /** True when the four characters before {@code end} are a year (19xx or 20xx) not preceded by a digit. */
    private static boolean endsWithYear(String text, int end) {
        int from = end - 4;
        if (from < 0 || (from > 0 && Character.isDigit(text.charAt(from - 1)))) {
            return false;
        }
        for (int i = from; i < end; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return text.startsWith("19", from) || text.startsWith("20", from);
    }

    /** "nr. 16.21": a document number that ends a sentence, with the marker after its full stop. */
    private static boolean followsDocumentNumber(String text, int end) {
        int p = end - 1;
        while (p >= 0 && Character.isDigit(text.charAt(p))) {
            p--;
        }
        return p < end - 1 && p >= 3 && text.startsWith("nr. ", p - 3);
    }

    private static MappedText.Builder removeFurniture(String text, List<Line> lines, Kind[] kinds) {
        MappedText.Builder out = new MappedText.Builder(text.length(), text.length());
        int i = 0;
        while (i < lines.size()) {
            if (kinds[i] == Kind.BODY) {
                copyLine(text, lines.get(i), out);
                i++;
                continue;
            }
            int runEnd = i;
            boolean removable = false;
            boolean chrome = false;
            while (runEnd < lines.size() && kinds[runEnd] != Kind.BODY) {
                removable |= kinds[runEnd] == Kind.REMOVABLE || kinds[runEnd] == Kind.CHROME;
                chrome |= kinds[runEnd] == Kind.CHROME;
                runEnd++;
            }
            if (!removable) {
                for (int j = i; j < runEnd; j++) {
                    copyLine(text, lines.get(j), out);
                }
            } else if (chrome || !continuesSentence(text, out, runEnd < lines.size() ? lines.get(runEnd) : null)
                    || (startsWithCapital(text, lines.get(runEnd)) && precedesShortLine(text, lines, kinds, i))) {
                out.append('\n', lines.get(i).start()); // keep the paragraph break the furniture stood in
            }
            i = runEnd;
        }
        return out;
    }

    /**
     * A sentence reads on across removed furniture when it did not end: the furniture then counts as an ordinary
     * line break, also before a capital ("de motie van het lid Van" | header | "Apeldoorn c.s.").
     */
    private static boolean continuesSentence(String text, MappedText.Builder before, Line next) {
        if (next == null) {
            return false;
        }
        char last = 0;
        for (int k = before.length() - 1; k >= 0; k--) {
            if (!Character.isWhitespace(before.charAt(k))) {
                last = before.charAt(k);
                break;
            }
        }
        char first = 0;
        for (int k = next.start(); k < next.end(); k++) {
            if (!Character.isWhitespace(text.charAt(k))) {
                first = text.charAt(k);
                break;
            }
        }
        return last != 0 && first != 0 && ".!?:;".indexOf(last) < 0;
    }

    private static boolean startsWithCapital(String text, Line line) {
        for (int k = line.start(); k < line.end(); k++) {
            if (!Character.isWhitespace(text.charAt(k))) {
                return Character.isUpperCase(text.charAt(k));
            }
        }
        return false;
    }

    /**
     * A heading, or the last line of a paragraph, before furniture that a capitalised line follows: the body line
     * right before the furniture is much shorter than the lines before it (PDF text breaks full lines at a fixed
     * width). Then the furniture stood in a paragraph break.
     */
    private static boolean precedesShortLine(String text, List<Line> lines, Kind[] kinds, int runStart) {
        int lastLength = -1;
        int longest = 0;
        int seen = 0;
        for (int j = runStart - 1; j >= 0 && seen < SHORT_LINE_CONTEXT; j--) {
            if (kinds[j] != Kind.BODY) {
                continue;
            }
            int length = lines.get(j).end() - lines.get(j).start();
            if (lastLength < 0) {
                lastLength = length;
            }
            longest = Math.max(longest, length);
            seen++;
        }
        return lastLength >= 0 && lastLength < longest * SHORT_LINE_SHARE;
    }

    private static void copyLine(String text, Line line, MappedText.Builder out) {
        out.appendOriginal(text, line.start(), line.next()); // with its line break
    }

    private static MappedText normaliseCharacters(MappedText.Builder in, List<int[]> plainMarkers,
                                                  List<NormalisedText.Marker> markers, int originalLength) {
        char[] s = in.chars();
        int[] offsets = in.offsets();
        int n = in.length();
        MappedText.Builder out = new MappedText.Builder(n, originalLength);
        int nextMarker = 0;
        int nextMarkerAt = plainMarkers.isEmpty() ? Integer.MAX_VALUE : plainMarkers.get(0)[1];
        int i = 0;
        while (i < n) {
            // copy the run of ordinary characters in one go; only a few characters need a decision
            int run = i;
            while (run < n && !needsAttention(s[run]) && offsets[run] < nextMarkerAt) {
                run++;
            }
            if (run > i) {
                out.append(s, offsets, i, run);
                i = run;
                continue;
            }
            char c = s[i];
            int orig = offsets[i];
            if (orig >= nextMarkerAt) {
                int[] m = plainMarkers.get(nextMarker);
                if (orig < m[2]) {
                    if (orig == m[1]) {
                        markers.add(new NormalisedText.Marker(m[0], out.length()));
                    }
                    i++;
                    continue;
                }
                nextMarker++;
                nextMarkerAt = nextMarker < plainMarkers.size() ? plainMarkers.get(nextMarker)[1] : Integer.MAX_VALUE;
                continue;
            }
            if (isSuperscriptDigit(c)) {
                int j = i;
                while (j < n && isSuperscriptDigit(s[j])) {
                    j++;
                }
                markers.add(new NormalisedText.Marker(superscriptValue(new String(s, i, j - i)), out.length()));
                i = j;
                continue;
            }
            if (c == '\r' || c == '\u00AD') {
                i++;
                continue;
            }
            if (c == '\u00A0' || c == '\u202F' || c == '\u2007' || c == '\u2009' || c == '\t') {
                out.append(' ', orig);
                i++;
                continue;
            }
            if (c == '-' && out.length() > 0 && Character.isLetter(out.charAt(out.length() - 1))) {
                int j = i + 1;
                while (j < n && (s[j] == ' ' || s[j] == '\r')) {
                    j++;
                }
                if (j < n && s[j] == '\n') {
                    j++;
                    while (j < n && (s[j] == ' ' || s[j] == '\t')) {
                        j++;
                    }
                    if (j < n && Character.isLetter(s[j])) {
                        if (!joinsWithoutHyphen(out.charAt(out.length() - 1), s, n, j)) {
                            out.append('-', orig);
                        }
                        i = j;
                        continue;
                    }
                }
            }
            out.append(c, orig);
            i++;
        }
        return out.build();
    }

    private static boolean needsAttention(char c) {
        return c == '-' || c == '\r' || c == '\t' || c == '\u00AD' || c == '\u00A0' || c == '¹' || c == '²' || c == '³'
                || (c >= '\u2007' && c <= '\u2079');
    }

    /** "aanvul-|lende" and "BUITEN-|LANDSE" are one word; "EU-|missie", "anti-ISIS-|Coalitie" keep their hyphen. */
    private static boolean joinsWithoutHyphen(char before, char[] s, int n, int next) {
        char first = s[next];
        if (Character.isLowerCase(before) && Character.isLowerCase(first)) {
            return true;
        }
        boolean secondUpper = next + 1 < n && Character.isUpperCase(s[next + 1]);
        return Character.isUpperCase(before) && Character.isUpperCase(first) && secondUpper;
    }

    static boolean isSuperscriptDigit(char c) {
        return c == '¹' || c == '²' || c == '³' || (c >= '⁰' && c <= '⁹' && c != 'ⁱ' && c != '⁲' && c != '⁳');
    }

    static int superscriptValue(String digits) {
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int d = switch (c) {
                case '¹' -> 1;
                case '²' -> 2;
                case '³' -> 3;
                default -> c - '⁰';
            };
            value = value * 10 + d;
        }
        return value;
    }
}
