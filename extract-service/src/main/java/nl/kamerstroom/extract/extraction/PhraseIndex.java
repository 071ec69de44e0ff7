package nl.kamerstroom.extract.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds known phrases (gazetteer entries) in text in one left-to-right pass over the words, so lookup stays
 * linear in the text whatever the size of the gazetteer. A phrase matches at word boundaries; any run of
 * whitespace in the text matches a space in the phrase. Short forms ("UNMISS", "Unifil") are case-sensitive,
 * also accepted in upper case and capitalised; multi-word names match in any case, but only when written with a
 * capital (proper names are).
 * <p>
 * Words are looked up by a lower-case hash computed in place, without allocating a string per word: this runs
 * over every word of every letter.
 */
final class PhraseIndex<T> {

    /** A phrase found in the text. */
    record Hit<T>(int start, int end, T value) {
    }

    /** A spelling; case-sensitive forms also match in upper case and capitalised, precomputed here. */
    private record Form<T>(String surface, boolean ignoreCase, T value, String upper, String capitalised) {
        Form(String surface, boolean ignoreCase, T value) {
            this(surface, ignoreCase, value, surface.toUpperCase(java.util.Locale.ROOT), capitalise(surface));
        }

        private static String capitalise(String s) {
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        }
    }

    private static final class Bucket<T> {
        final String firstWord; // lower case
        final List<Form<T>> forms = new ArrayList<>();

        Bucket(String firstWord) {
            this.firstWord = firstWord;
        }
    }

    /** Longer than any phrase in the gazetteers, with room for line breaks inside a phrase. */
    private static final int MAX_PHRASE_WINDOW = 160;

    private Bucket<T>[] table = newTable(64);
    private int size;
    /**
     * One bit per (first two letters, length) of the phrases' first words, hashed: a word whose bit is not set
     * starts no phrase, which settles most capitalised words and numbers without computing their full hash.
     */
    private final long[] firstWordFilter = new long[FIRST_WORD_FILTER_BITS / 64];
    private static final int FIRST_WORD_FILTER_BITS = 1 << 12;
    /** First characters of case-sensitive forms that start in lower case ("eFP"); other lower-case words are skipped. */
    private String lowerCaseInitials = "";

    @SuppressWarnings("unchecked")
    private static <T> Bucket<T>[] newTable(int capacity) {
        return (Bucket<T>[]) new Bucket[capacity];
    }

    void add(String surface, boolean ignoreCase, T value) {
        String s = surface.trim();
        if (s.isEmpty()) {
            return;
        }
        int end = 0;
        while (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
            end++;
        }
        String first = lower(s, 0, Math.max(end, 1));
        Bucket<T> bucket = find(first.toCharArray(), 0, first.length());
        if (bucket == null) {
            if ((size + 1) * 4 > table.length) { // a quarter full at most: a word that starts no phrase is answered at once
                rehash();
            }
            bucket = new Bucket<>(first);
            insert(bucket);
            size++;
            int key = firstWordKey(first.charAt(0), first.length() > 1 ? first.charAt(1) : 0, first.length());
            firstWordFilter[key >>> 6] |= 1L << key;
        }
        bucket.forms.add(new Form<>(s, ignoreCase, value));
        if (Character.isLowerCase(s.charAt(0)) && lowerCaseInitials.indexOf(s.charAt(0)) < 0) {
            lowerCaseInitials += s.charAt(0);
        }
        bucket.forms.sort(Comparator.comparingInt((Form<T> f) -> f.surface().length()).reversed());
    }

    /** All non-overlapping hits, longest phrase first at each word. */
    List<Hit<T>> findAll(String text) {
        return findAll(text.toCharArray(), 0, text.length());
    }

    /**
     * As {@link #findAll(String)} on {@code text[from, to)} as if it were a string of its own (nothing outside the
     * range is looked at), without copying it; hit offsets are positions in {@code text}.
     */
    List<Hit<T>> findAll(char[] t, int from, int to) {
        List<Hit<T>> hits = new ArrayList<>();
        int i = from;
        while (i < to) {
            char first = t[i];
            if (!isWordChar(first)) {
                i++;
                continue;
            }
            int wordEnd = i + 1;
            while (wordEnd < to && isWordChar(t[wordEnd])) {
                wordEnd++;
            }
            // Names and acronyms are capitalised: most words are not, and skipping them keeps this fast.
            boolean skip = first >= 'a' && first <= 'z' ? lowerCaseInitials.indexOf(first) < 0
                    : first >= 128 && Character.isLowerCase(first) && lowerCaseInitials.indexOf(first) < 0;
            Hit<T> hit = skip || !mayStartPhrase(t, i, wordEnd) ? null : matchAt(t, from, to, i, wordEnd);
            if (hit != null) {
                hits.add(hit);
                i = hit.end();
            } else {
                i = wordEnd;
            }
        }
        return hits;
    }

    /** The longest phrase starting exactly at {@code start}, or null. */
    Hit<T> matchAt(String text, int start) {
        // copy only a window: phrases are short, and this is called once per mention of a long sentence
        int windowEnd = Math.min(text.length(), start + MAX_PHRASE_WINDOW);
        char[] t = text.substring(Math.max(0, start - 1), windowEnd).toCharArray();
        int offset = start > 0 ? 1 : 0;
        int wordEnd = offset;
        while (wordEnd < t.length && Character.isLetterOrDigit(t[wordEnd])) {
            wordEnd++;
        }
        Hit<T> hit = wordEnd == offset ? null : matchAt(t, 0, t.length, offset, wordEnd);
        if (hit == null) {
            return null;
        }
        int end = start + hit.end() - offset;
        boolean boundary = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
        return boundary ? new Hit<>(start, end, hit.value()) : null;
    }

    /** The longest phrase at {@code start} within {@code text[from, to)}, or null. */
    private Hit<T> matchAt(char[] text, int from, int to, int start, int wordEnd) {
        if (start > from && Character.isLetterOrDigit(text[start - 1])) {
            return null;
        }
        Bucket<T> bucket = find(text, start, wordEnd);
        if (bucket == null) {
            return null;
        }
        for (Form<T> form : bucket.forms) {
            int end = matchEnd(text, to, start, form);
            if (end > 0 && (end == to || !Character.isLetterOrDigit(text[end]))) {
                return new Hit<>(start, end, form.value());
            }
        }
        return null;
    }

    /** False when no phrase starts with the word {@code t[start, end)}; true when one may. */
    private boolean mayStartPhrase(char[] t, int start, int end) {
        int key = firstWordKey(lower(t[start]), end - start > 1 ? lower(t[start + 1]) : 0, end - start);
        return (firstWordFilter[key >>> 6] & (1L << key)) != 0;
    }

    private static int firstWordKey(char first, char second, int length) {
        int h = ((first * 31 + second) * 31 + length) * 0x9E3779B9;
        return (h ^ (h >>> 16)) & (FIRST_WORD_FILTER_BITS - 1);
    }

    /** {@code Character.toLowerCase} with a fast path for ASCII. */
    private static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    private static boolean isWordChar(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') : Character.isLetterOrDigit(c);
    }

    private static int hash(char[] s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + lower(s[i]);
        }
        // spread the bits: the slot is taken from the low bits, and short words differ mostly in the high ones
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private Bucket<T> find(char[] s, int from, int to) {
        int mask = table.length - 1;
        int len = to - from;
        for (int slot = hash(s, from, to) & mask; table[slot] != null; slot = (slot + 1) & mask) {
            String key = table[slot].firstWord;
            if (key.length() == len && sameLowerCase(key, s, from)) {
                return table[slot];
            }
        }
        return null;
    }

    private static boolean sameLowerCase(String key, char[] s, int from) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != lower(s[from + i])) {
                return false;
            }
        }
        return true;
    }

    private void insert(Bucket<T> bucket) {
        int mask = table.length - 1;
        int slot = hash(bucket.firstWord.toCharArray(), 0, bucket.firstWord.length()) & mask;
        while (table[slot] != null) {
            slot = (slot + 1) & mask;
        }
        table[slot] = bucket;
    }

    private void rehash() {
        Bucket<T>[] old = table;
        table = newTable(old.length * 2);
        Arrays.stream(old).filter(b -> b != null).forEach(this::insert);
    }

    private static String lower(String s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            b.append(Character.toLowerCase(s.charAt(i)));
        }
        return b.toString();
    }

    private static int matchEnd(char[] text, int to, int start, Form<?> form) {
        if (form.ignoreCase()) {
            return compare(text, to, start, form.surface(), 0);
        }
        int exact = compare(text, to, start, form.surface(), 1);
        if (exact > 0) {
            return exact;
        }
        int upper = compare(text, to, start, form.upper(), 1);
        if (upper > 0) {
            return upper;
        }
        return compare(text, to, start, form.capitalised(), 1);
    }

    /** End offset in text when it spells {@code phrase} from {@code start}; mode 0 ignores case. */
    private static int compare(char[] text, int to, int start, String phrase, int mode) {
        int t = start;
        for (int p = 0; p < phrase.length(); p++) {
            char pc = phrase.charAt(p);
            if (t >= to) {
                return -1;
            }
            if (pc == ' ') {
                if (!Character.isWhitespace(text[t])) {
                    return -1;
                }
                while (t < to && Character.isWhitespace(text[t])) {
                    t++;
                }
                continue;
            }
            char tc = text[t];
            boolean same = mode == 0
                    ? Character.toLowerCase(tc) == Character.toLowerCase(pc) || (isQuote(tc) && isQuote(pc))
                    : tc == pc || (isQuote(tc) && isQuote(pc));
            if (!same) {
                return -1;
            }
            t++;
        }
        return t;
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '’' || c == '‘';
    }
}
