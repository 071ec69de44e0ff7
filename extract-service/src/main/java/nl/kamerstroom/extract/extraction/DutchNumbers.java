package nl.kamerstroom.extract.extraction;

import java.util.Locale;
import java.util.Map;

/** Dutch number words ("vijftig", "vijfentwintig", "een") as integers. */
final class DutchNumbers {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("een", 1), Map.entry("één", 1), Map.entry("eén", 1), Map.entry("twee", 2), Map.entry("drie", 3),
            Map.entry("vier", 4), Map.entry("vijf", 5), Map.entry("zes", 6), Map.entry("zeven", 7),
            Map.entry("acht", 8), Map.entry("negen", 9));
    private static final Map<String, Integer> TEENS = Map.ofEntries(
            Map.entry("tien", 10), Map.entry("elf", 11), Map.entry("twaalf", 12), Map.entry("dertien", 13),
            Map.entry("veertien", 14), Map.entry("vijftien", 15), Map.entry("zestien", 16),
            Map.entry("zeventien", 17), Map.entry("achttien", 18), Map.entry("negentien", 19));
    private static final Map<String, Integer> TENS = Map.ofEntries(
            Map.entry("twintig", 20), Map.entry("dertig", 30), Map.entry("veertig", 40), Map.entry("vijftig", 50),
            Map.entry("zestig", 60), Map.entry("zeventig", 70), Map.entry("tachtig", 80), Map.entry("negentig", 90));

    /** Regex alternative matching the number words this class can read (used inside larger grammars). */
    static final String WORD_PATTERN = "(?:(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)en(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)"
            + "|(?:twee|drie|vier|vijf|zes|zeven|acht|negen)?honderd(?:en)?(?:[a-z]+)?"
            + "|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
            + "|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien"
            + "|een|één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen)";

    private DutchNumbers() {
    }

    /** The value of a number word, or null when it is not one. */
    static Integer parseWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Integer v = UNITS.get(w);
        if (v == null) {
            v = TEENS.get(w);
        }
        if (v == null) {
            v = TENS.get(w);
        }
        if (v != null) {
            return v;
        }
        int hundred = w.indexOf("honderd");
        if (hundred >= 0) {
            int multiplier = hundred == 0 ? 1 : valueOrZero(w.substring(0, hundred));
            String rest = w.substring(hundred + "honderd".length());
            if (rest.startsWith("en")) {
                rest = rest.substring(2);
            }
            int tail = rest.isEmpty() ? 0 : valueOrZero(rest);
            return multiplier == 0 || (!rest.isEmpty() && tail == 0) ? null : multiplier * 100 + tail;
        }
        int en = w.indexOf("en");
        while (en > 0) {
            Integer unit = UNITS.get(w.substring(0, en));
            Integer tens = TENS.get(w.substring(en + 2));
            if (unit != null && tens != null) {
                return tens + unit;
            }
            en = w.indexOf("en", en + 1);
        }
        return null;
    }

    private static int valueOrZero(String w) {
        Integer v = parseWord(w);
        return v == null ? 0 : v;
    }

    /** "145", "1.200", "1 200" or a number word. */
    static Integer parse(String token) {
        String t = token.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (Character.isDigit(t.charAt(0))) {
            String digits = Strings.without(t, ". \t\n\u00A0");
            if (!digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
                return null;
            }
            return Integer.parseInt(digits);
        }
        return parseWord(t);
    }
}
