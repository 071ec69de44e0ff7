package nl.kamerstroom.documents;

/** Footnote markers as Unicode superscript digits ("¹²"), the form the sample letters and the extractor use. */
final class Superscripts {

    private static final char[] DIGITS = {'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'};

    private Superscripts() {
    }

    /** Turns the ASCII digits of {@code text} into superscript digits and leaves everything else as is. */
    static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '0' && c <= '9' ? DIGITS[c - '0'] : c);
        }
        return out.toString();
    }

    static char of(char digit) {
        return DIGITS[digit - '0'];
    }
}
