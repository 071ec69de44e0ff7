package nl.kamerstroom.extract.extraction;

import java.util.Arrays;

/**
 * A derived string that remembers, for every character, where it came from in the original letter.
 * Normalisation passes (dropping footnotes, joining hyphenated words) build one of these so that evidence
 * found in the clean text can be quoted exactly from the original.
 */
final class MappedText {

    private final String text;
    /** {@code toOriginal[i]} is the original offset of {@code text.charAt(i)}; one extra entry marks the end. */
    private final int[] toOriginal;

    private MappedText(String text, int[] toOriginal) {
        this.text = text;
        this.toOriginal = toOriginal;
    }

    String text() {
        return text;
    }

    int originalOffset(int index) {
        return toOriginal[index];
    }

    /** Original end offset (exclusive) of the derived range ending just before {@code endExclusive}. */
    int originalEnd(int endExclusive) {
        return endExclusive == 0 ? toOriginal[0] : toOriginal[endExclusive - 1] + 1;
    }

    /** Accumulates characters together with their original offsets. */
    static final class Builder {
        private char[] chars;
        private int[] map;
        private int length;
        private final int originalLength;

        Builder(int capacity, int originalLength) {
            this.chars = new char[Math.max(16, capacity)];
            this.map = new int[Math.max(16, capacity) + 1];
            this.originalLength = originalLength;
        }

        void append(char c, int originalOffset) {
            if (length + 1 >= map.length) {
                chars = Arrays.copyOf(chars, chars.length * 2);
                map = Arrays.copyOf(map, chars.length + 1);
            }
            map[length] = originalOffset;
            chars[length++] = c;
        }

        /** Appends {@code source[from, to)} whose original offsets are {@code offsets[from, to)}. */
        void append(char[] source, int[] offsets, int from, int to) {
            ensure(to - from);
            System.arraycopy(source, from, chars, length, to - from);
            System.arraycopy(offsets, from, map, length, to - from);
            length += to - from;
        }

        /** Appends {@code text[from, to)} of the original letter itself. */
        void appendOriginal(String text, int from, int to) {
            ensure(to - from);
            text.getChars(from, to, chars, length);
            for (int k = from; k < to; k++) {
                map[length++] = k;
            }
        }

        private void ensure(int extra) {
            if (length + extra + 1 >= map.length) {
                int capacity = Math.max(chars.length * 2, length + extra + 16);
                chars = Arrays.copyOf(chars, capacity);
                map = Arrays.copyOf(map, capacity + 1);
            }
        }

        int length() {
            return length;
        }

        char charAt(int i) {
            return chars[i];
        }

        /** The characters so far, in {@code [0, length())}, for a pass that reads them in bulk; do not modify. */
        char[] chars() {
            return chars;
        }

        /** Their original offsets, in {@code [0, length())}; do not modify. */
        int[] offsets() {
            return map;
        }

        MappedText build() {
            int[] result = Arrays.copyOf(map, length + 1);
            result[length] = length == 0 ? originalLength : result[length - 1] + 1;
            return new MappedText(new String(chars, 0, length), result);
        }
    }
}
