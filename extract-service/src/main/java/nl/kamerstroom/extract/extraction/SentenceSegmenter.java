package nl.kamerstroom.extract.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits the normalised body into sentences. Breaks at a blank line, before a list bullet at line start, and
 * after . ! ? followed by a capital, digit or quote, unless the full stop closes an abbreviation ("nr.", "d.d.",
 * "jl.") or an initial ("R.P. Brekelmans"). A single line break never ends a sentence: PDF and web text break
 * lines mid-sentence.
 */
final class SentenceSegmenter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "nr", "nrs", "jl", "ca", "mln", "mld", "mrd", "bijv", "resp", "art", "artt", "blz", "p", "pp", "pag",
            "zgn", "incl", "excl", "min", "max", "st", "stb", "stcrt", "vs", "dhr", "mr", "drs", "dr", "ir", "ing",
            "prof", "mevr", "jr", "sr", "vgl", "o", "a", "e", "d", "z", "i", "t", "m", "n", "ibid", "etc", "mw",
            "hr", "nl", "ned", "jan", "feb", "apr", "aug", "sept", "sep", "okt", "nov", "dec", "tel", "cf",
            "bv", "ivm", "evt", "m.b.t", "t.a.v", "c.s", "a.s", "d.d", "o.a", "e.d", "i.v.m", "t.b.v", "m.u.v");

    /** The characters where a sentence may end. */
    private static final char[] BREAKS = {'\n', '.', '!', '?'};

    /** Characters after which a line break ends the sentence even without a full stop. */
    private static final int MAX_SENTENCE = 1500;

    List<Sentence> split(String body) {
        List<Sentence> sentences = new ArrayList<>();
        int start = 0;
        int n = body.length();
        // Only line breaks and . ! ? can end a sentence: they are found with indexOf, which scans far faster than
        // a test of every character, and taken in text order.
        int[] nextBreak = new int[BREAKS.length];
        for (int k = 0; k < BREAKS.length; k++) {
            nextBreak[k] = body.indexOf(BREAKS[k]);
        }
        for (int i = nextBreak(body, nextBreak, 0); i >= 0; i = nextBreak(body, nextBreak, i + 1)) {
            char c = body.charAt(i);
            if (c == '\n') {
                int j = i + 1;
                while (j < n && (body.charAt(j) == ' ' || body.charAt(j) == '\t')) {
                    j++;
                }
                // a blank line ends a sentence; so does any line break once a "sentence" has grown implausibly
                // long (a table, a list without full stops): that keeps every per-sentence rule cheap
                if ((j < n && body.charAt(j) == '\n') || i - start > MAX_SENTENCE) {
                    add(body, start, i, sentences);
                    start = j;
                    i = j - 1;
                    continue;
                }
                if (j < n && startsBullet(body, j)) {
                    add(body, start, i, sentences);
                    start = j;
                    i = j - 1;
                }
                continue;
            }
            if ((c == '.' || c == '!' || c == '?') && endsSentenceAt(body, i)) {
                int end = i + 1;
                while (end < n && ")”’\"'".indexOf(body.charAt(end)) >= 0) {
                    end++;
                }
                add(body, start, end, sentences);
                start = end;
                i = end - 1;
            }
        }
        add(body, start, n, sentences);
        return sentences;
    }

    /** The first of {@link #BREAKS} at or after {@code from}, or -1; {@code next} holds each one's next position. */
    private static int nextBreak(String body, int[] next, int from) {
        int first = -1;
        for (int k = 0; k < BREAKS.length; k++) {
            if (next[k] >= 0 && next[k] < from) {
                next[k] = body.indexOf(BREAKS[k], from);
            }
            if (next[k] >= 0 && (first < 0 || next[k] < first)) {
                first = next[k];
            }
        }
        return first;
    }

    private static boolean startsBullet(String body, int j) {
        char c = body.charAt(j);
        if ((c == '-' || c == '•' || c == '–' || c == '*' || c == '▪' || c == '·')
                && j + 1 < body.length() && body.charAt(j + 1) == ' ') {
            return true;
        }
        int k = j;
        while (k < body.length() && k - j < 2 && Character.isDigit(body.charAt(k))) {
            k++;
        }
        return k > j && k + 1 < body.length() && (body.charAt(k) == '.' || body.charAt(k) == ')')
                && body.charAt(k + 1) == ' ';
    }

    private static boolean endsSentenceAt(String body, int i) {
        int n = body.length();
        int j = i + 1;
        while (j < n && ")”’\"'".indexOf(body.charAt(j)) >= 0) {
            j++;
        }
        if (j < n && !Character.isWhitespace(body.charAt(j))) {
            return false;
        }
        while (j < n && Character.isWhitespace(body.charAt(j))) {
            j++;
        }
        if (j >= n) {
            return true;
        }
        char next = body.charAt(j);
        if (!(Character.isUpperCase(next) || Character.isDigit(next) || "“\"‘'(•–-".indexOf(next) >= 0)) {
            return false;
        }
        if (body.charAt(i) != '.') {
            return true;
        }
        // the token before the full stop
        int k = i - 1;
        while (k >= 0 && (Character.isLetterOrDigit(body.charAt(k)) || body.charAt(k) == '.')) {
            k--;
        }
        String token = body.substring(k + 1, i);
        if (token.isEmpty()) {
            return true;
        }
        if (token.length() == 1 && Character.isUpperCase(token.charAt(0))) {
            return false; // an initial
        }
        if (token.indexOf('.') >= 0 && token.length() <= 8 && Character.isLetter(token.charAt(token.length() - 1))) {
            return false; // "d.d", "R.P", "c.s"
        }
        return !ABBREVIATIONS.contains(token.toLowerCase(Locale.ROOT));
    }

    private static void add(String body, int start, int end, List<Sentence> out) {
        while (start < end && Character.isWhitespace(body.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(body.substring(start, end), start, end));
        }
    }
}
