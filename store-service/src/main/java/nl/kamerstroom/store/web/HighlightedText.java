package nl.kamerstroom.store.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A letter text cut into segments so that each fact's evidence can be highlighted in place. Evidence sentences may
 * overlap or coincide (two moties in one sentence), so the text is cut at every evidence boundary and each segment
 * lists every fact that covers it; within an evidence, the entity's own words are emphasised where they are found.
 * <p>
 * Offsets are the contract's: UTF-16 code units into the text, as Java counts. Evidence whose offsets do not point
 * at its quote is looked for by its quote instead; evidence not in the text at all is left out of the highlights
 * (the page still lists the fact).
 */
public record HighlightedText(List<Segment> segments, Set<String> locatedFactIds) {

    /**
     * A stretch of text covered by the same facts.
     *
     * @param factIds    the facts whose evidence covers it, space-separated; empty for plain text
     * @param cssClasses {@code hl} and one {@code hl-<type>} per type of those facts, plus {@code em} where emphasised
     */
    public record Segment(String text, String factIds, String cssClasses) {

        public boolean highlighted() {
            return !factIds.isEmpty();
        }
    }

    private record Located(Fact fact, int start, int end, int ownStart, int ownEnd) {

        boolean covers(int from, int to) {
            return start <= from && to <= end;
        }

        boolean emphasises(int from, int to) {
            return ownStart >= 0 && ownStart <= from && to <= ownEnd;
        }
    }

    static HighlightedText of(String text, List<Fact> facts) {
        if (text == null) {
            return new HighlightedText(List.of(), Set.of());
        }
        List<Located> located = new ArrayList<>();
        for (Fact fact : facts) {
            locate(text, fact).ifPresent(located::add);
        }
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (Located l : located) {
            cuts.addAll(List.of(l.start(), l.end()));
            if (l.ownStart() >= 0) {
                cuts.addAll(List.of(l.ownStart(), l.ownEnd()));
            }
        }
        List<Segment> segments = new ArrayList<>();
        Integer from = null;
        for (int to : cuts) {
            if (from != null && to > from) {
                segments.add(segment(text, from, to, located));
            }
            from = to;
        }
        Set<String> locatedIds = new LinkedHashSet<>();
        located.forEach(l -> locatedIds.add(l.fact().id()));
        return new HighlightedText(List.copyOf(segments), Set.copyOf(locatedIds));
    }

    private static Segment segment(String text, int from, int to, List<Located> located) {
        List<String> ids = new ArrayList<>();
        Set<String> classes = new LinkedHashSet<>();
        boolean emphasised = false;
        for (Located l : located) {
            if (l.covers(from, to)) {
                ids.add(l.fact().id());
                classes.add("hl-" + l.fact().type().cssName());
                emphasised |= l.emphasises(from, to);
            }
        }
        String cssClasses = ids.isEmpty() ? "" : "hl " + String.join(" ", classes) + (emphasised ? " em" : "");
        return new Segment(text.substring(from, to), String.join(" ", ids), cssClasses);
    }

    private static java.util.Optional<Located> locate(String text, Fact fact) {
        int start = fact.start();
        int end = fact.end();
        boolean offsetsHold = 0 <= start && start < end && end <= text.length()
                && (fact.quote() == null || text.regionMatches(start, fact.quote(), 0, fact.quote().length())
                && fact.quote().length() == end - start);
        if (!offsetsHold) {
            int found = fact.quote() == null || fact.quote().isEmpty() ? -1 : text.indexOf(fact.quote());
            if (found < 0) {
                return java.util.Optional.empty();
            }
            start = found;
            end = found + fact.quote().length();
        }
        for (String words : fact.ownWords()) {
            int ownStart = find(text, start, end, words);
            if (ownStart >= 0) {
                return java.util.Optional.of(new Located(fact, start, end, ownStart, ownStart + words.length()));
            }
        }
        return java.util.Optional.of(new Located(fact, start, end, -1, -1));
    }

    /** Where {@code needle} first stands in {@code text[from, to)}, ignoring case; -1 when it does not. */
    private static int find(String text, int from, int to, String needle) {
        if (needle == null || needle.isEmpty()) {
            return -1;
        }
        for (int at = from; at + needle.length() <= to; at++) {
            if (text.regionMatches(true, at, needle, 0, needle.length())) {
                return at;
            }
        }
        return -1;
    }
}
