package nl.kamerstroom.extract.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.kamerstroom.extract.extraction.Extraction.Chamber;
import nl.kamerstroom.extract.extraction.Extraction.LetterMetadata;
import nl.kamerstroom.extract.extraction.Extraction.Sender;

/**
 * The letter's metadata, read from its header and signature: dossier ("27 925" -> "27925", "36 600 VIII" ->
 * "36600-VIII") and title, document number ("Nr. 111", Eerste Kamer codes such as "AR"), the chamber addressed,
 * the vergaderjaar (only when the letter states it), the date ("Den Haag, 22 november 2024", "'s-Gravenhage,
 * 3 maart 2003", "03-03-2003") and every signatory. Running page headers ("Eerste Kamer, vergaderjaar 2024–2025,
 * 27 925, AR 2") and a citation at the top of a web page fill in what the header leaves open.
 */
final class MetadataReader {

    private static final int HEADER_LINES = 40;
    private static final String DOSSIER = "(?<num>\\d{2}[ \u00A0.]?\\d{3})(?:(?:\\s*-\\s*|[ \u00A0]+)(?<suffix>[IVXLC]{1,6}|\\d{1,3}|[A-Z]{1,2})(?=[\\s,]|$))?";
    private static final Pattern DOSSIER_LINE = Pattern.compile("[ \t]*" + DOSSIER + "(?:[ \t\u00A0]+(?<title>\\S.*))?[ \t]*");
    private static final Pattern NUMBER_LINE = Pattern.compile(
            "[ \t]*(?:(?:Nr|NR|nr)\\.?[ \t\u00A0]*(?<nr>\\d{1,5}|[A-Z]{1,3})(?![\\p{L}\\d])|(?<code>[A-Z]{1,3})[ \t\u00A0]+"
                    + "(?:BRIEF|Brief|MEMORIE|NOTA|VERSLAG|MOTIE|AMENDEMENT|GEWIJZIGD|NADER|LIJST|BESLUIT|VOORSTEL|ADVIES))(?<rest>.*)");
    private static final Pattern RUNNING_HEADER = Pattern.compile(
            "(?<chamber>Eerste|Tweede) Kamer, vergaderjaar (?<y1>\\d{4})\\s*[–—-]\\s*(?<y2>\\d{4}), " + DOSSIER
                    + ",\\s*(?:nr\\.\\s*(?<nr>\\d{1,5})|(?<code>[A-Z]{1,3}))(?![\\p{L}\\d])");
    private static final Pattern WEB_DOSSIER_LINE = Pattern.compile(
            "(?m)^[ \t]*Dossier:[ \t]*" + DOSSIER + "[ \t]+(?<title>[^|\n]*[^|\\s])[ \t]*(?:\\||$)");
    private static final Pattern ADDRESSEE = Pattern.compile("Aan\\s+de\\s+[Vv]oorzitter\\s+van\\s+de\\s+(Eerste|Tweede)\\s+Kamer");
    private static final Pattern CHAMBER_HEADER = Pattern.compile("(Eerste|Tweede)\\s+Kamer\\s+der\\s+Staten-Generaal");
    private static final Pattern SESSION_YEAR = Pattern.compile("[Vv]ergaderjaar:?\\s+(\\d{4})\\s*[–—/-]\\s*(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern PLACE_AND_DATE = Pattern.compile(
            "(?:(?<place>Den\\s+Haag|['’‘`]s[-\\s]Gravenhage)|Datum|Publicatiedatum)\\s*[,:]?\\s*"
                    + "(?:(?<d>\\d{1,2})\\s+(?<m>" + DutchDates.MONTH_PATTERN + ")\\s+(?<y>\\d{4})"
                    + "|(?<nd>\\d{1,2})[-./](?<nm>\\d{1,2})[-./](?<ny>\\d{4}))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_DATE = Pattern.compile("(?<![\\d-])(\\d{2})-(\\d{2})-(\\d{4})(?![\\d-])");
    private static final String ROLE = "(?:[Mm]inister|[Ss]taatssecretaris|MINISTER|STAATSSECRETARIS)";
    private static final String NAME_LINE = "(?:(?:drs|mr|dr|ir|prof|ing)\\.?\\s+)*(?:(?:\\p{Lu}\\.\\s?){1,5}\\s*|\\p{Lu}\\p{Ll}+\\s+)?"
            + "(?:(?:van der|van den|van|de|der|den|ter|ten|in 't)\\s+)?\\p{Lu}[\\p{L}'’]+(?:[- ]\\p{Lu}?[\\p{L}'’]+){0,3}";
    private static final Pattern SIGNATURE = Pattern.compile(
            "(?m)^[ \\t]*(?:De|de|DE)[ \\t]+(?<role>" + ROLE + "[^\\n,]{0,100}?(?:,[ \\t]*(?:\\r?\\n[ \\t]*)?" + ROLE + "[^\\n,]{0,80}?)?),[ \\t]*\\r?\\n"
                    + "(?:[ \\t]*\\r?\\n){0,6}[ \\t]*(?<name>" + NAME_LINE + ")[ \\t]*\\r?$");
    private static final Pattern HEADER_SENDERS = Pattern.compile("(?i)(?:^|\\s)brief\\s+van\\s+de[n]?\\s+(?<roles>.+)");
    private static final Pattern ROLE_SEPARATOR = Pattern.compile("(?i),\\s*(?:de|het)\\s+|\\s+en\\s+(?:de|het)\\s+");

    private static final Pattern LOWER_CASE_HYPHENATION = Pattern.compile("(\\p{Ll})-[ \\t]*\\r?\\n[ \\t]*(\\p{Ll})");
    private static final Pattern UPPER_CASE_HYPHENATION = Pattern.compile("(\\p{Lu})-[ \\t]*\\r?\\n[ \\t]*(\\p{Lu}\\p{Lu})");

    private final ReferenceGrammar references;

    MetadataReader(ReferenceGrammar references) {
        this.references = references;
    }

    LetterMetadata read(String text) {
        String[] lines = firstLines(text, HEADER_LINES + 1);
        // The header runs to the addressee and the place-and-date line, whichever comes last.
        int scanned = Math.min(lines.length, HEADER_LINES);
        int addresseeLine = -1;
        int dateLine = -1;
        int placeDateLine = -1;
        for (int i = 0; i < scanned && (addresseeLine < 0 || placeDateLine < 0); i++) {
            // the patterns only where their fixed words stand: most header lines have neither
            if (addresseeLine < 0 && lines[i].contains("oorzitter") && ADDRESSEE.matcher(lines[i]).find()) {
                addresseeLine = i;
            }
            Matcher date = PLACE_AND_DATE.matcher(lines[i]);
            if (mayHavePlaceOrDate(lines[i]) && date.find()) {
                dateLine = dateLine < 0 ? i : dateLine;
                if (placeDateLine < 0 && date.group("place") != null) {
                    placeDateLine = i;
                }
            }
        }
        // a web page's "Publicatiedatum" above the letter does not end the header; "Den Haag, <date>" does
        dateLine = placeDateLine >= 0 ? placeDateLine : dateLine;
        int headerEnd = addresseeLine >= 0 && dateLine >= 0 ? Math.max(addresseeLine, dateLine) + 1
                : addresseeLine >= 0 || dateLine >= 0 ? Math.min(scanned, Math.max(addresseeLine, dateLine) + 4)
                : scanned;
        String header = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, headerEnd));

        String dossier = null;
        String title = null;
        String documentNumber = null;
        String senderLine = null;
        for (int i = 0; i < headerEnd; i++) {
            Matcher d = DOSSIER_LINE.matcher(lines[i]);
            // web pages put the title on the line below the number: "22 181" / "Vredesoperaties in ..."
            boolean titleBelow = dossier == null && d.matches() && d.group("title") == null && i + 1 < headerEnd
                    && isTitleLine(lines[i + 1]);
            if (dossier == null && d.matches() && (d.group("title") != null || titleBelow)) {
                dossier = dossier(d.group("num"), d.group("suffix"));
                StringBuilder t = new StringBuilder(titleBelow ? lines[i + 1].trim() : d.group("title"));
                for (int j = i + (titleBelow ? 2 : 1); j < headerEnd && !lines[j].isBlank() && !NUMBER_LINE.matcher(lines[j]).matches(); j++) {
                    t.append('\n').append(lines[j]);
                }
                title = flatten(t.toString());
                continue;
            }
            Matcher n = NUMBER_LINE.matcher(lines[i]);
            if (documentNumber == null && n.matches()) {
                documentNumber = n.group("nr") != null ? n.group("nr") : n.group("code");
                StringBuilder rest = new StringBuilder(n.group("code") != null ? lines[i].trim().substring(n.group("code").length()) : n.group("rest"));
                for (int j = i + 1; j < headerEnd && !lines[j].isBlank(); j++) {
                    rest.append('\n').append(lines[j]);
                }
                senderLine = flatten(rest.toString());
            }
        }

        if (title == null) {
            // Rijksoverheid pages: "Dossier: 29 628 Politie | Kamerstuk 29 628, nr. 1251"
            Matcher web = WEB_DOSSIER_LINE.matcher(header);
            if (web.find()) {
                dossier = dossier != null ? dossier : dossier(web.group("num"), web.group("suffix"));
                title = Strings.collapseWhitespace(web.group("title"));
            }
        }

        Chamber chamber = Chamber.UNKNOWN;
        Matcher addressee = ADDRESSEE.matcher(header);
        if (addressee.find()) {
            chamber = chamber(addressee.group(1));
        } else {
            Matcher ch = CHAMBER_HEADER.matcher(header);
            if (ch.find()) {
                chamber = chamber(ch.group(1));
            }
        }
        String sessionYear = null;
        Matcher sy = SESSION_YEAR.matcher(header);
        if (sy.find()) {
            sessionYear = ReferenceGrammar.sessionYear(sy.group(1), sy.group(2));
        }

        // Running page headers and a citation at the top fill what the header left open.
        Matcher running = runningHeader(text);
        if (running != null) {
            dossier = dossier != null ? dossier : dossier(running.group("num"), running.group("suffix"));
            documentNumber = documentNumber != null ? documentNumber
                    : running.group("nr") != null ? running.group("nr") : running.group("code");
            sessionYear = sessionYear != null ? sessionYear : running.group("y1") + "-" + running.group("y2");
            chamber = chamber != Chamber.UNKNOWN ? chamber : chamber(running.group("chamber"));
        }
        if (dossier == null || documentNumber == null) {
            List<ReferenceGrammar.Found> cited = references.findAll(header);
            if (!cited.isEmpty()) {
                Extraction.KamerstukReference ref = cited.get(0).reference();
                dossier = dossier != null ? dossier : ref.dossier();
                documentNumber = documentNumber != null ? documentNumber : ref.number();
                chamber = chamber != Chamber.UNKNOWN ? chamber : ref.chamber();
                sessionYear = sessionYear != null ? sessionYear : ref.sessionYear();
            }
        }
        return new LetterMetadata(dossier, title, documentNumber, chamber, sessionYear, date(text, header),
                senders(text, senderLine));
    }

    /** Whether {@link #PLACE_AND_DATE} can match in the line: it needs "Haag", "Gravenhage" or "Datum", in any case. */
    private static boolean mayHavePlaceOrDate(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = (char) (line.charAt(i) | 0x20); // ASCII lower case, as the pattern's CASE_INSENSITIVE
            if ((c == 'h' && line.regionMatches(true, i, "haag", 0, 4)) || (c == 'd' && line.regionMatches(true, i, "datum", 0, 5))
                    || (c == 'g' && line.regionMatches(true, i, "gravenhage", 0, 10))) {
                return true;
            }
        }
        return false;
    }

    /** A line that can be a dossier title: capitalised, and not the number, chamber, addressee or date line. */
    private static boolean isTitleLine(String line) {
        String t = line.trim();
        return !t.isEmpty() && Character.isUpperCase(t.charAt(0)) && !NUMBER_LINE.matcher(line).matches()
                && !CHAMBER_HEADER.matcher(t).find() && !ADDRESSEE.matcher(t).find() && !PLACE_AND_DATE.matcher(t).find()
                && !SESSION_YEAR.matcher(t).find();
    }

    private static int nextLine(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? -1 : newline + 1;
    }

    private static String[] firstLines(String text, int max) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (lines.size() < max && start >= 0) {
            int newline = text.indexOf('\n', start);
            String line = newline < 0 ? text.substring(start) : text.substring(start, newline);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line); // Windows line ends
            start = newline < 0 ? -1 : newline + 1;
        }
        return lines.toArray(String[]::new);
    }

    /** The first running page header, found through its fixed middle part so the whole text is not regex-scanned. */
    private static Matcher runningHeader(String text) {
        Matcher m = RUNNING_HEADER.matcher(text);
        for (int at = text.indexOf(" Kamer, vergaderjaar "); at >= 0; at = text.indexOf(" Kamer, vergaderjaar ", at + 1)) {
            int start = Math.max(0, at - "Tweede".length());
            m.region(start, text.length());
            if (m.lookingAt()) {
                return m;
            }
        }
        return null;
    }

    private static String dossier(String number, String suffix) {
        String digits = Strings.without(number, " \u00A0.");
        return suffix == null ? digits : digits + "-" + suffix;
    }

    private static Chamber chamber(String word) {
        return "Eerste".equals(word) ? Chamber.EERSTE_KAMER : Chamber.TWEEDE_KAMER;
    }

    private static LocalDate date(String text, String header) {
        // The place and date stand in the header; search the rest only when the header has none.
        Matcher m = PLACE_AND_DATE.matcher(header);
        if (m.find()) {
            // "Den Haag, 12 maart 2025" is the letter's date; a web page's "Publicatiedatum" only when there is none
            LocalDate other = null;
            m.reset();
            while (m.find()) {
                LocalDate date = dateOf(m);
                if (date != null && m.group("place") != null) {
                    return date;
                }
                other = other == null ? date : other;
            }
            if (other != null) {
                return other;
            }
        } else {
            // The rest of a long letter: try the pattern only where one of its openings stands ("Den Haag",
            // "'s-Gravenhage", "Datum", "Publicatiedatum"), in text order, as find() would.
            m = PLACE_AND_DATE.matcher(text);
            for (int at = header.length(); at < text.length(); at++) {
                char c = text.charAt(at);
                if (c != 'd' && c != 'D' && c != 'p' && c != 'P' && c != '\'' && c != '’' && c != '‘' && c != '`') {
                    continue;
                }
                if (m.region(at, text.length()).lookingAt()) {
                    LocalDate date = dateOf(m);
                    if (date != null) {
                        return date;
                    }
                    at = m.end() - 1;
                }
            }
        }
        Matcher numeric = NUMERIC_DATE.matcher(header);
        if (numeric.find()) {
            return DutchDates.ofNumeric(numeric.group(1), numeric.group(2), numeric.group(3));
        }
        return null;
    }

    private static LocalDate dateOf(Matcher m) {
        return m.group("d") != null ? DutchDates.of(m.group("d"), m.group("m"), m.group("y"))
                : DutchDates.ofNumeric(m.group("nd"), m.group("nm"), m.group("ny"));
    }

    /** Signatories from the signature block; the header's "Brief van de minister van ..." when there is none. */
    private static List<Sender> senders(String text, String headerSenderLine) {
        List<Sender> senders = new ArrayList<>();
        Matcher m = SIGNATURE.matcher(text);
        // A signature line starts with "De minister ..." or "De staatssecretaris ...": only try the pattern there.
        for (int lineStart = 0; lineStart >= 0 && lineStart < text.length(); lineStart = nextLine(text, lineStart)) {
            int p = lineStart;
            while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                p++;
            }
            if (!text.regionMatches(true, p, "de ", 0, 3)) {
                continue;
            }
            int role = p + 3;
            while (role < text.length() && (text.charAt(role) == ' ' || text.charAt(role) == '\t')) {
                role++;
            }
            if (!text.regionMatches(true, role, "minister", 0, 8) && !text.regionMatches(true, role, "staatssecretaris", 0, 16)) {
                continue; // "De ..." that is no signature: the pattern needs the role right after the article
            }
            m.region(lineStart, text.length());
            if (m.lookingAt()) {
                senders.add(new Sender(role(m.group("role")), Strings.collapseWhitespace(m.group("name"))));
            }
        }
        if (!senders.isEmpty() || headerSenderLine == null) {
            return senders;
        }
        Matcher h = HEADER_SENDERS.matcher(headerSenderLine);
        if (h.find()) {
            for (String role : ROLE_SEPARATOR.split(h.group("roles"))) {
                if (!role.isBlank()) {
                    senders.add(new Sender(role(role), null));
                }
            }
        }
        return senders;
    }

    private static String role(String written) {
        return Strings.collapseWhitespace(written).toLowerCase(Locale.ROOT);
    }

    /** Joins lines, and words hyphenated across them ("BUITEN-\nLANDSE", "aanvul-\nlende"). */
    static String flatten(String s) {
        String joined = LOWER_CASE_HYPHENATION.matcher(s).replaceAll("$1$2");
        joined = UPPER_CASE_HYPHENATION.matcher(joined).replaceAll("$1$2");
        return Strings.collapseWhitespace(joined);
    }
}
