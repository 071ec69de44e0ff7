package nl.kamerstroom.extract.extraction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The letter's running text with page furniture removed (footnote blocks, running headers, page numbers),
 * footnote markers taken out, hyphenated line breaks joined and non-breaking spaces folded, plus the
 * footnotes themselves. Every body character maps back to the original letter.
 */
final class NormalisedText {

    /** A footnote: its number, its text (normalised, one line) and where that text stands in the original letter. */
    record Footnote(int number, String text, int originalStart, int originalEnd) {
    }

    /** A footnote marker: which footnote, and the body position right after the word it was glued to. */
    record Marker(int number, int bodyPosition) {
    }

    private final String original;
    private final MappedText body;
    private final Map<Integer, Footnote> footnotes;
    private final List<Marker> markers;

    NormalisedText(String original, MappedText body, List<Footnote> footnotes, List<Marker> markers) {
        this.original = original;
        this.body = body;
        Map<Integer, Footnote> byNumber = new TreeMap<>();
        for (Footnote f : footnotes) {
            byNumber.putIfAbsent(f.number(), f);
        }
        this.footnotes = Collections.unmodifiableMap(byNumber);
        List<Marker> sorted = new ArrayList<>(markers);
        sorted.sort((a, b) -> Integer.compare(a.bodyPosition(), b.bodyPosition()));
        this.markers = List.copyOf(sorted);
    }

    String original() {
        return original;
    }

    String body() {
        return body.text();
    }

    List<Footnote> footnotes() {
        return List.copyOf(footnotes.values());
    }

    Footnote footnote(int number) {
        return footnotes.get(number);
    }

    List<Marker> markers() {
        return markers;
    }

    /** Markers whose position lies in [from, to] of the body. */
    List<Marker> markersBetween(int from, int to) {
        List<Marker> found = new ArrayList<>();
        for (Marker m : markers) {
            if (m.bodyPosition() >= from && m.bodyPosition() <= to) {
                found.add(m);
            }
        }
        return found;
    }

    /** Evidence for the body range [start, end): the same range in the original letter, trimmed. */
    Extraction.Evidence evidence(int start, int end) {
        String text = body.text();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int from = body.originalOffset(start);
        int to = end > start ? body.originalEnd(end) : from;
        return new Extraction.Evidence(original.substring(from, to), from, to);
    }

    /** Evidence for a range of the original letter, trimmed of surrounding whitespace. */
    Extraction.Evidence originalEvidence(int from, int to) {
        while (from < to && Character.isWhitespace(original.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(original.charAt(to - 1))) {
            to--;
        }
        return new Extraction.Evidence(original.substring(from, to), from, to);
    }
}
