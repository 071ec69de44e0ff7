package nl.kamerstroom.extract.extraction;

import java.util.regex.Pattern;

/**
 * Small string helpers used on every sentence. {@code String.replaceAll} and {@code String.split} compile a
 * pattern per call, which showed up as a large share of extraction time; these do not.
 */
final class Strings {

    static final Pattern WHITESPACE = Pattern.compile("\\s+");
    static final Pattern WHITESPACE_OR_DOT = Pattern.compile("[\\s.]+");

    private Strings() {
    }

    /** Runs of whitespace (line breaks, non-breaking spaces) become one space; ends trimmed. */
    static String collapseWhitespace(String s) {
        if (isCollapsed(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Already single-spaced and trimmed: the usual case, answered without copying. */
    private static boolean isCollapsed(String s) {
        int n = s.length();
        if (n > 0 && (isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1)))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c) && (c != ' ' || isSpace(s.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    /** Keeps only the characters that are not in {@code drop}: "27 925" -> "27925". */
    static String without(String s, String drop) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (drop.indexOf(s.charAt(i)) < 0) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0';
    }
}
