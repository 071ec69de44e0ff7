package nl.kamerstroom.extract.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.kamerstroom.extract.extraction.Extraction.Chamber;
import nl.kamerstroom.extract.extraction.Extraction.KamerstukReference;

/**
 * Kamerstuk references: "Kamerstukken II, 2023/24, 36 377, nr. 16", "Kamerstuk 36 410 X, nr. 7",
 * "Kamerstukken II 2022/23, 36200 VI, nr. 47", "35925, nr. 13", "Kamerstuk 21 501-28, nr. 250",
 * "Kamerstuk 27 925, nrs. 723, 727 en 746" (three references), "Kamerstuk 29\n521, nr. 471" (broken over a line),
 * "Kamerstukken I 2022/23, 36 200 V, G" (an Eerste Kamer letter code). Handelingen are not Kamerstukken.
 */
final class ReferenceGrammar {

    /** One reference and where it stands in the searched text. */
    record Found(KamerstukReference reference, int start, int end) {
    }

    private static final String NUMBER = "(?:\\d{1,5}|[A-Z]{1,3})(?![\\p{L}\\d])";
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:(?<prefix>[Kk]amerstuk(?:ken)?|Kamerstuknummer)(?:\\s+(?<chamber>II|I)(?![\\p{L}]))?\\.?\\s*,?\\s*)?"
                    + "(?:(?<y1>(?:19|20)\\d{2})\\s*[/–-]\\s*(?<y2>\\d{4}|\\d{2})(?!\\d)\\s*,?\\s*)?"
                    + "(?<![\\d.])(?<dossier>\\d{2}(?:[ \u00A0.]|[ \t]*\\r?\\n[ \t]*)?\\d{3})(?![\\d])"
                    + "(?:(?:\\s*-\\s*|[ \u00A0]+)(?<suffix>[IVXLC]{1,6}|\\d{1,3}|[A-Z]{1,2})(?![\\p{L}\\d]))?"
                    + "(?:\\s*,?\\s*(?:nrs?\\.?|nummers?)\\s*"
                    + "(?<numbers>" + NUMBER + "(?:\\s*(?:,|en|&)\\s*" + NUMBER + ")*)"
                    // Eerste Kamer documents carry a letter code without "nr.": "Kamerstukken I 2022/23, 36 200 V, G"
                    + "|\\s*,\\s*(?<code>[A-Z]{1,3})(?![\\p{L}\\d]))");
    private static final Pattern SINGLE_NUMBER = Pattern.compile(NUMBER);

    List<Found> findAll(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            found.addAll(toReferences(m));
        }
        return found;
    }

    /** The first reference in the text, or null. */
    KamerstukReference first(String text) {
        List<Found> all = findAll(text);
        return all.isEmpty() ? null : all.get(0).reference();
    }

    /**
     * A reference that starts right at {@code from}, after optional whitespace, a comma and an opening
     * parenthesis: "(Kamerstuk 27 925, nr. 699)". Returns the references and the end of the whole construct.
     */
    Found at(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
            i++;
        }
        boolean parenthesised = i < text.length() && text.charAt(i) == '(';
        if (parenthesised) {
            i++;
        }
        Matcher m = REFERENCE.matcher(text);
        m.region(i, text.length());
        if (!m.lookingAt()) {
            return null;
        }
        List<Found> refs = toReferences(m);
        if (refs.isEmpty()) {
            return null;
        }
        int end = m.end();
        if (parenthesised) {
            int close = text.indexOf(')', end);
            if (close >= 0 && close - end < 40) {
                end = close + 1;
            }
        }
        return new Found(refs.get(0).reference(), from, end);
    }

    /** The references of one match; none for a letter code that is not cited as an Eerste Kamer document. */
    private static List<Found> toReferences(Matcher m) {
        if (m.group("code") != null && (m.group("prefix") == null || !"I".equals(m.group("chamber")))) {
            return List.of();
        }
        String dossier = Strings.without(m.group("dossier"), " \u00A0.\t\r\n");
        if (m.group("suffix") != null) {
            dossier = dossier + "-" + m.group("suffix");
        }
        Chamber chamber = Chamber.UNKNOWN;
        if ("II".equals(m.group("chamber"))) {
            chamber = Chamber.TWEEDE_KAMER;
        } else if ("I".equals(m.group("chamber"))) {
            chamber = Chamber.EERSTE_KAMER;
        }
        String sessionYear = sessionYear(m.group("y1"), m.group("y2"));
        List<Found> out = new ArrayList<>();
        if (m.group("code") != null) {
            out.add(new Found(new KamerstukReference(dossier, m.group("code"), chamber, sessionYear), m.start(), m.end()));
            return out;
        }
        Matcher numbers = SINGLE_NUMBER.matcher(m.group("numbers"));
        while (numbers.find()) {
            out.add(new Found(new KamerstukReference(dossier, numbers.group(), chamber, sessionYear), m.start(), m.end()));
        }
        return out;
    }

    /** "2023", "24" -> "2023-2024"; "1999", "00" -> "1999-2000". */
    static String sessionYear(String first, String second) {
        if (first == null || second == null) {
            return null;
        }
        int start = Integer.parseInt(first);
        int end = second.length() == 4 ? Integer.parseInt(second) : (start / 100) * 100 + Integer.parseInt(second);
        if (end < start) {
            end += 100;
        }
        return start + "-" + end;
    }
}
