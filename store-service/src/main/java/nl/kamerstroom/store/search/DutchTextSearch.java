package nl.kamerstroom.store.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.tartarus.snowball.ext.DutchStemmer;

/**
 * Full-text search in Dutch, computed by the store: the {@code tsvector} written with a letter's text and the
 * {@code tsquery} of a search both come from here, so a text and a search are always cut into words the same way.
 *
 * <p>PostgreSQL's {@code to_tsvector('dutch', …)} did this before. Its default parser was about three quarters of the
 * cost of writing a letter's text, and it reads a word with a footnote marker ({@code Irak.2}, {@code Irak2}) as one
 * token, so the word could not be found. The rules here:
 * <ul>
 * <li>A word is a run of letters (with their combining marks) or a run of digits. Anything else separates words, and
 *     so does a change between letters and digits: {@code NAVO-missie}, {@code Irak.2}, {@code Irak2}, {@code F-35}
 *     and {@code F35} are two words each, in a text and in a search alike, and a search for the pair finds them as a
 *     phrase.</li>
 * <li>Words are lower-cased, and compatibility-normalised when they are not ASCII (ligatures of PDF text); numbers
 *     stay as they are.</li>
 * <li>Snowball's Dutch stop words are not indexed but keep their position, so a phrase steps over them.</li>
 * <li>Every other word is reduced to its Snowball Dutch stem. Stemmer and stop list are those of PostgreSQL's
 *     {@code dutch} configuration (DutchTextSearchAgreementTest compares them word by word).</li>
 * </ul>
 * PostgreSQL's limits for a {@code tsvector} apply: positions count up to 16,383, a lexeme keeps 256 positions, and
 * the lexemes of one text take at most 1 MB (a larger text's later new words are not indexed).
 */
public final class DutchTextSearch {

    /** PostgreSQL's highest position in a tsvector (MAXENTRYPOS - 1); later words all get this position. */
    static final int MAX_POSITION = 16_383;
    /** PostgreSQL keeps at most this many positions per lexeme (MAXNUMPOS). */
    static final int MAX_POSITIONS_PER_LEXEME = 256;
    /** Longer runs are not words anyone searches for (base64, garbled extraction); neither side indexes them. */
    static final int MAX_WORD_LENGTH = 255;
    /** PostgreSQL's limit for the lexemes of one tsvector (MAXSTRPOS), in UTF-8 bytes. */
    static final int MAX_LEXEME_BYTES = (1 << 20) - 1;

    private static final Set<String> STOP_WORDS = snowballStopWords();
    /** Stemming a word costs about 0.5 µs; letters repeat their words, so stems are remembered up to this many. */
    private static final int STEM_CACHE_SIZE = 200_000;
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();

    private DutchTextSearch() {
    }

    /** The {@code tsvector} of {@code text}, as a literal PostgreSQL reads with {@code CAST(… AS tsvector)}. */
    public static String vector(String text) {
        Map<String, Positions> lexemes = new HashMap<>();
        int[] lexemeBytes = {0};
        words(text, (lexeme, position) -> {
            if (lexeme == null) {
                return;
            }
            Positions positions = lexemes.get(lexeme);
            if (positions == null) {
                int bytes = utf8Length(lexeme);
                if (lexemeBytes[0] + bytes > MAX_LEXEME_BYTES) {
                    return;
                }
                lexemeBytes[0] += bytes;
                positions = new Positions();
                lexemes.put(lexeme, positions);
            }
            positions.add(Math.min(position, MAX_POSITION));
        });
        String[] sorted = lexemes.keySet().toArray(String[]::new);
        Arrays.sort(sorted);
        StringBuilder literal = new StringBuilder(text.length());
        for (String lexeme : sorted) {
            if (!literal.isEmpty()) {
                literal.append(' ');
            }
            quote(lexeme, literal).append(':');
            lexemes.get(lexeme).appendTo(literal);
        }
        return literal.toString();
    }

    /**
     * The {@code tsquery} of a search in web-search syntax, as PostgreSQL's {@code websearch_to_tsquery} reads it:
     * words must all occur, {@code "quoted words"} as a phrase, {@code or} between words lets either do, and
     * {@code -word} excludes. Empty when the search has no word to look for (only stop words or punctuation).
     */
    public static Optional<String> query(String search) {
        List<List<String>> alternatives = new ArrayList<>();
        List<String> conjunction = new ArrayList<>();
        int i = 0;
        int n = search.length();
        while (i < n) {
            char c = search.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = c == '-' && i + 1 < n && !Character.isWhitespace(search.charAt(i + 1));
            int start = negated ? i + 1 : i;
            String words;
            if (search.charAt(start) == '"') {
                int close = search.indexOf('"', start + 1);
                int end = close < 0 ? n : close;
                words = search.substring(start + 1, end);
                i = close < 0 ? n : close + 1;
            } else {
                int end = start;
                while (end < n && !Character.isWhitespace(search.charAt(end)) && search.charAt(end) != '"') {
                    end++;
                }
                words = search.substring(start, end);
                i = end;
                if (!negated && words.equalsIgnoreCase("or")) {
                    if (!conjunction.isEmpty()) {
                        alternatives.add(conjunction);
                        conjunction = new ArrayList<>();
                    }
                    continue;
                }
            }
            String phrase = phrase(words);
            if (phrase != null) {
                conjunction.add(negated ? "!" + phrase : phrase);
            }
        }
        if (!conjunction.isEmpty()) {
            alternatives.add(conjunction);
        }
        if (alternatives.isEmpty()) {
            return Optional.empty();
        }
        List<String> clauses = alternatives.stream()
                .map(operands -> operands.size() > 1 && alternatives.size() > 1
                        ? "( " + String.join(" & ", operands) + " )"
                        : String.join(" & ", operands))
                .toList();
        return Optional.of(String.join(" | ", clauses));
    }

    /** The words of {@code text} as a tsquery phrase: each followed by the next at its distance; null without any. */
    private static String phrase(String text) {
        StringBuilder phrase = new StringBuilder();
        int[] previous = {0};
        int[] count = {0};
        words(text, (lexeme, position) -> {
            if (lexeme == null) {
                return;
            }
            if (count[0] > 0) {
                int distance = position - previous[0];
                phrase.append(distance == 1 ? " <-> " : " <" + distance + "> ");
            }
            quote(lexeme, phrase);
            previous[0] = position;
            count[0]++;
        });
        if (count[0] == 0) {
            return null;
        }
        return count[0] == 1 ? phrase.toString() : "( " + phrase + " )";
    }

    /** Receives each word of a text at its position (from 1); the lexeme is null for a stop word or too long a word. */
    @FunctionalInterface
    interface WordConsumer {
        void word(String lexeme, int position);
    }

    private static final int OTHER = 0;
    private static final int LETTERS = 1;
    private static final int DIGITS = 2;
    private static final int MARK = 3;

    static void words(String text, WordConsumer consumer) {
        int n = text.length();
        int i = 0;
        int position = 0;
        while (i < n) {
            int codePoint = text.codePointAt(i);
            int kind = kind(codePoint);
            if (kind == OTHER || kind == MARK) {
                i += Character.charCount(codePoint);
                continue;
            }
            int start = i;
            boolean ascii = codePoint < 0x80;
            i += Character.charCount(codePoint);
            while (i < n) {
                int next = text.codePointAt(i);
                int nextKind = kind(next);
                if (nextKind != kind && !(nextKind == MARK && kind == LETTERS)) {
                    break;
                }
                ascii &= next < 0x80;
                i += Character.charCount(next);
            }
            position++;
            consumer.word(lexeme(text, start, i, kind == LETTERS, ascii), position);
        }
    }

    private static int kind(int codePoint) {
        if (codePoint < 0x80) {
            if ((codePoint | 0x20) >= 'a' && (codePoint | 0x20) <= 'z') {
                return LETTERS;
            }
            return codePoint >= '0' && codePoint <= '9' ? DIGITS : OTHER;
        }
        if (Character.isLetter(codePoint)) {
            return LETTERS;
        }
        if (Character.isDigit(codePoint)) {
            return DIGITS;
        }
        return switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> MARK;
            default -> OTHER;
        };
    }

    private static String lexeme(String text, int start, int end, boolean letters, boolean ascii) {
        if (end - start > MAX_WORD_LENGTH) {
            return null;
        }
        String word = text.substring(start, end);
        if (!letters) {
            return word;
        }
        word = ascii ? word.toLowerCase(Locale.ROOT)
                : Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (STOP_WORDS.contains(word)) {
            return null;
        }
        String stem = STEMS.get(word);
        if (stem == null) {
            DutchStemmer stemmer = new DutchStemmer();
            stemmer.setCurrent(word);
            stemmer.stem();
            stem = stemmer.getCurrent();
            if (STEMS.size() >= STEM_CACHE_SIZE) {
                STEMS.clear();
            }
            STEMS.put(word, stem);
        }
        return stem;
    }

    static StringBuilder quote(String lexeme, StringBuilder to) {
        to.append('\'');
        for (int i = 0; i < lexeme.length(); i++) {
            char c = lexeme.charAt(i);
            if (c == '\'' || c == '\\') {
                to.append(c);
            }
            to.append(c);
        }
        return to.append('\'');
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** A lexeme's positions in ascending order, without repeats, at most {@link #MAX_POSITIONS_PER_LEXEME}. */
    private static final class Positions {
        private int[] values = new int[4];
        private int size;

        void add(int position) {
            if (size == MAX_POSITIONS_PER_LEXEME || (size > 0 && values[size - 1] == position)) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.min(size * 2, MAX_POSITIONS_PER_LEXEME));
            }
            values[size++] = position;
        }

        void appendTo(StringBuilder literal) {
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    literal.append(',');
                }
                literal.append(values[i]);
            }
        }
    }

    /** Snowball's Dutch stop list, as the stemmer's library ships it (the same 101 words as PostgreSQL's dutch.stop). */
    private static Set<String> snowballStopWords() {
        try (InputStream list = DutchStemmer.class.getResourceAsStream("/org/apache/lucene/analysis/snowball/dutch_stop.txt")) {
            if (list == null) {
                throw new IllegalStateException("Snowball's Dutch stop list is missing from the class path");
            }
            return new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("\\|.*", "").strip())
                    .filter(word -> !word.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
