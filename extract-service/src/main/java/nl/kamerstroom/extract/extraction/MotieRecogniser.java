package nl.kamerstroom.extract.extraction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.kamerstroom.extract.extraction.Extraction.KamerstukReference;
import nl.kamerstroom.extract.extraction.Extraction.Motie;
import nl.kamerstroom.extract.extraction.Extraction.Submitter;

/**
 * Moties the letter refers to, with their submitters in order, parties and Kamerstuk reference:
 * "de motie van de leden Kathmann (GroenLinks-PvdA) en Mutluer (GroenLinks-PvdA)", "de motie van het lid
 * Van Nispen (SP)", "de motie van de heer Eerdmans (JA21)", "een motie van mevrouw Kuik", "motie Hermans c.s.",
 * "motie-Van Nispen", "de aangenomen motie Mutluer/Kathmann", "moties Bosman c.s. (Kamerstuk 27 925, nr. 699) en
 * Kerstens/Van Ojik (Kamerstuk 27 925, nr. 697)". The reference is written inline or in the footnote whose marker
 * follows the mention. "hebben de leden X (P) en Y (P) een motie ingediend" names the submitters before the word.
 * Amendementen and toezeggingen are not moties. Mentions of one motie are merged: by
 * reference, else by submitter surnames.
 */
final class MotieRecogniser {

    private static final Pattern TRIGGER = Pattern.compile(
            "(?<![\\p{L}])(?:(?<det>[Dd]e|[Ee]en|[Hh]et|[Dd]eze|[Dd]ie)\\s+)?"
                    + "(?:(?:door\\s+de\\s+(?:Tweede\\s+|Eerste\\s+)?Kamer\\s+|eerder\\s+|nader\\s+)?"
                    + "(?:aangenomen|gewijzigde|ingediende|eerdergenoemde|bovengenoemde|genoemde|zogenoemde|zogenaamde|eerdere"
                    + "|aangehouden|verworpen|ontraden|herziene|recente|breed\\s+aangenomen|unaniem\\s+aangenomen)\\s+)?"
                    + "(?<word>[Mm]oties?)(?=[\\s-])");
    private static final String PARTICLE = "(?:[Vv]an\\s+(?:der|den|de|het|'t)|[Vv]an|[Dd]e|[Dd]en|[Tt]er|[Tt]en|[Ii]n\\s+'t|'t)";
    /** "Van Nispen", "Michon-Derkzen", "J.J.M. Omtzigt", and a first name only before a particle: "Jasper van Dijk". */
    private static final Pattern NAME = Pattern.compile(
            "(?:(?:\\p{Lu}\\.){1,4}\\s*|\\p{Lu}\\p{Ll}+\\s+(?=(?:van|de|der|den|ter|ten)\\s))?"
                    + "(?:" + PARTICLE + "\\s+)?\\p{Lu}[\\p{L}'’]+(?:-\\p{Lu}?[\\p{L}'’]+)*");
    private static final Pattern PARTY = Pattern.compile("\\s*\\((?<party>[\\p{L}\\d][\\p{L}\\d+\\-/ ]{0,30})\\)");
    private static final Pattern SUBMITTER_INTRO = Pattern.compile(
            "\\s+van\\s+(?<who>de\\s+leden|het\\s+lid|de\\s+heer|mevrouw|mevr\\.|de\\s+Kamerleden|het\\s+Kamerlid|leden|lid)\\s*");
    private static final Pattern SLASH = Pattern.compile("\\s*/\\s*");
    private static final Pattern AND = Pattern.compile("\\s*,\\s*|\\s+en\\s+(?:(?:het\\s+lid|de\\s+heer|mevrouw)\\s+)?");
    private static final Pattern CS = Pattern.compile("\\s+c\\.s\\.?");
    /** "het lid X ... een motie ingediend": who, and the participle that makes it their motie. */
    private static final Pattern INTRO_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(?:[Hh]et\\s+(?:Kamer)?lid|[Dd]e\\s+(?:Kamer)?leden|[Dd]e\\s+heer|[Mm]evrouw)\\s+");
    private static final Pattern MOTIE_VERB = Pattern.compile(
            "(?<![\\p{L}])(?:ingediend|aangenomen|aangehouden|verworpen|ingetrokken|gewijzigd|medeondertekend)(?![\\p{L}])");
    private static final int VERB_REACH = 120;
    private static final int INTRO_REACH = 200;
    private static final int MAX_GAP_BEFORE_MOTIE = 60;
    /** How far after the submitters a parenthesised citation still belongs to the motie. */
    private static final int CITATION_REACH = 300;
    private static final Pattern CITATION_IN_PARENTHESES = Pattern.compile("\\(([^()]{5,90})\\)");
    /** A document other than the motie that a footnote after it may cite: "bij brief van", "in het verslag van". */
    private static final Pattern OTHER_DOCUMENT = Pattern.compile(
            "(?<![\\p{L}])(?:brief|Kamerbrief|verslag|beantwoording|antwoorden|nota|rapport)(?![\\p{L}])");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("\\s*(?:,\\s*(?:en\\s+)?|\\s+en\\s+)(?:de\\s+motie\\s+)?");
    /** Capitalised words that follow "motie" without being a submitter. */
    private static final Set<String> NOT_NAMES = Set.of(
            "Kamerstuk", "Kamerstukken", "Handelingen", "In", "Op", "Over", "Het", "De", "Een", "Dit", "Deze", "Die",
            "Zie", "Nr", "Tweede", "Eerste", "Kamer", "Ik", "Wij", "Dat", "Om", "Met", "Bij", "Voor", "Naar", "Tot");
    private static final Set<String> PARTICLES = Set.of("van", "de", "der", "den", "het", "ten", "ter", "te", "in", "'t");

    private final ReferenceGrammar references;

    MotieRecogniser(ReferenceGrammar references) {
        this.references = references;
    }

    /** A parsed mention: submitters, the reference if any, what the letter calls it, and where it ends. */
    private record Mention(List<Submitter> submitters, KamerstukReference reference, String text, int end) {
    }

    private static final class Collected {
        List<Submitter> submitters;
        Set<String> surnames;
        KamerstukReference reference;
        /** {@link #referenceKey} of the reference, worked out once: every later mention is compared with it. */
        String referenceKey;
        String text;
        Extraction.Evidence evidence;
    }

    List<Motie> recognise(List<Sentence> sentences, NormalisedText text) {
        List<Collected> moties = new ArrayList<>();
        for (Sentence sentence : sentences) {
            List<Mention> mentions = mentionsIn(sentence.text(), sentence.start(), text);
            Extraction.Evidence evidence = mentions.isEmpty() ? null : text.evidence(sentence.start(), sentence.end());
            for (Mention m : mentions) {
                merge(moties, m, evidence);
            }
        }
        for (NormalisedText.Footnote footnote : text.footnotes()) {
            List<Mention> mentions = mentionsIn(footnote.text(), -1, text);
            for (Mention m : mentions) {
                KamerstukReference ref = m.reference() != null ? m.reference() : references.first(footnote.text());
                merge(moties, new Mention(m.submitters(), ref, m.text(), m.end()),
                        text.originalEvidence(footnote.originalStart(), footnote.originalEnd()));
            }
        }
        List<Motie> result = new ArrayList<>();
        for (Collected c : moties) {
            result.add(new Motie(c.submitters, c.reference, c.text, c.reference != null ? 0.9 : 0.7, c.evidence));
        }
        return result;
    }

    /**
     * @param bodyStart body offset of {@code s}, used to find footnote markers; -1 when {@code s} is a footnote
     */
    private List<Mention> mentionsIn(String s, int bodyStart, NormalisedText text) {
        List<Mention> mentions = new ArrayList<>();
        if (s.indexOf("otie") < 0) {
            return mentions; // cheap skip: no "motie" in the sentence
        }
        Matcher trigger = TRIGGER.matcher(s).useTransparentBounds(true);
        List<int[]> triggers = new ArrayList<>();
        int previousEnd = 0;
        // Find "motie" by plain search, then read its determiner and adjectives in a short window before it.
        for (int at = s.indexOf("otie"); at >= 0; at = s.indexOf("otie", at + 4)) {
            int wordStart = at - 1;
            if (wordStart < previousEnd || (s.charAt(wordStart) != 'm' && s.charAt(wordStart) != 'M')) {
                continue;
            }
            int wordEnd = Math.min(s.length(), at + 6); // "moties" and the character after it
            trigger.region(Math.max(previousEnd, wordStart - 70), wordEnd);
            while (trigger.find()) {
                if (trigger.start("word") == wordStart) {
                    triggers.add(new int[]{trigger.start(), trigger.end(), trigger.group("word").length() > 5 ? 1 : 0});
                    previousEnd = trigger.end();
                    break;
                }
            }
        }
        for (int t = 0; t < triggers.size(); t++) {
            int[] tr = triggers.get(t);
            int limit = t + 1 < triggers.size() ? triggers.get(t + 1)[0] : s.length();
            boolean plural = tr[2] == 1;
            List<Mention> parsed = parseItems(s, tr[0], tr[1], plural);
            if (parsed.isEmpty() && !plural) {
                Mention submittedBefore = submittersBeforeVerb(s, tr[0], tr[1]);
                parsed = submittedBefore == null ? parsed : List.of(submittedBefore);
            }
            for (Mention m : parsed) {
                KamerstukReference ref = m.reference();
                if (ref == null) {
                    ref = laterReference(s, m.end(), limit, bodyStart, text);
                }
                mentions.add(new Mention(m.submitters(), ref, m.text(), m.end()));
            }
        }
        return mentions;
    }

    /**
     * The reference that follows the mention before the next motie: the footnote whose marker comes first, or a
     * Kamerstuk cited in parentheses at the end of the clause ("de motie van het lid X over Y (Kamerstuk ...)"),
     * whichever comes first. A first footnote that cites no Kamerstuk (Handelingen, a toezegging) means no reference.
     */
    private KamerstukReference laterReference(String s, int from, int to, int bodyStart, NormalisedText text) {
        List<NormalisedText.Marker> markers = bodyStart < 0 ? List.of() : text.markersBetween(bodyStart + from, bodyStart + to);
        int markerAt = markers.isEmpty() ? Integer.MAX_VALUE : markers.get(0).bodyPosition() - bodyStart;
        Matcher inParentheses = CITATION_IN_PARENTHESES.matcher(s);
        // a mention may end past the next motie's start when their words overlap: then there is nothing between
        inParentheses.region(from, Math.max(from, Math.min(to, from + CITATION_REACH)));
        while (inParentheses.find() && inParentheses.start() < markerAt) {
            KamerstukReference ref = references.first(inParentheses.group(1));
            if (ref != null) {
                return ref;
            }
        }
        if (markers.isEmpty()) {
            return null;
        }
        // "Over de uitvoering van de motie X heb ik uw Kamer bij brief van 12 oktober geïnformeerd.5": the footnote
        // cites that letter, not the motie
        if (OTHER_DOCUMENT.matcher(s).region(Math.min(from, markerAt), Math.max(from, Math.min(markerAt, s.length()))).find()) {
            return null;
        }
        NormalisedText.Footnote footnote = text.footnote(markers.get(0).number());
        return footnote == null ? null : references.first(footnote.text());
    }

    /**
     * "hebben de leden Pool (PVV) en Van der Werf (D66) een motie ingediend": the submitters stand before "motie",
     * introduced by "het lid" or "de leden", and a participle ("ingediend", "aangenomen", ...) follows it, all in
     * one clause. Returns the mention ending at the participle, or null.
     */
    private Mention submittersBeforeVerb(String s, int triggerStart, int triggerEnd) {
        int clauseEnd = triggerEnd;
        while (clauseEnd < s.length() && clauseEnd - triggerEnd < VERB_REACH && ".,;:(".indexOf(s.charAt(clauseEnd)) < 0) {
            clauseEnd++;
        }
        Matcher verb = MOTIE_VERB.matcher(s).region(triggerEnd, clauseEnd);
        if (!verb.find()) {
            return null;
        }
        Matcher intro = INTRO_BEFORE.matcher(s).region(Math.max(0, triggerStart - INTRO_REACH), triggerStart);
        int introStart = -1;
        int introEnd = -1;
        while (intro.find()) {
            introStart = intro.start();
            introEnd = intro.end();
        }
        if (introStart < 0) {
            return null;
        }
        List<Submitter> submitters = new ArrayList<>();
        int end = parseSubmitters(s, introEnd, submitters, true);
        // one clause: no punctuation between the last submitter and "een motie"
        String gap = s.substring(Math.min(end, triggerStart), triggerStart);
        if (submitters.isEmpty() || end > triggerStart || gap.length() > MAX_GAP_BEFORE_MOTIE
                || gap.chars().anyMatch(c -> ",;()".indexOf(c) >= 0)) {
            return null;
        }
        return new Mention(submitters, null, flat(s.substring(introStart, verb.end())), verb.end());
    }

    private List<Mention> parseItems(String s, int mentionStart, int triggerEnd, boolean plural) {
        List<Mention> items = new ArrayList<>();
        int pos = triggerEnd;
        int itemStart = mentionStart;
        while (true) {
            Mention item = parseItem(s, itemStart, pos, plural);
            if (item == null) {
                break;
            }
            items.add(item);
            if (!plural) {
                break;
            }
            Matcher sep = ITEM_SEPARATOR.matcher(s);
            sep.region(item.end(), s.length());
            if (!sep.lookingAt()) {
                break;
            }
            itemStart = sep.end();
            pos = sep.end();
        }
        return items;
    }

    /** One motie: optional "van het lid", submitters, optional c.s., optional inline reference. */
    private Mention parseItem(String s, int itemStart, int pos, boolean plural) {
        int p = pos;
        boolean introduced = false;
        if (p < s.length() && s.charAt(p) == '-') {
            p++;
        } else {
            Matcher intro = SUBMITTER_INTRO.matcher(s);
            intro.region(p, s.length());
            if (intro.lookingAt()) {
                p = intro.end();
                introduced = true;
            } else {
                while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                    p++;
                }
            }
        }
        List<Submitter> submitters = new ArrayList<>();
        int end = parseSubmitters(s, p, submitters, introduced || !plural);
        if (submitters.isEmpty()) {
            ReferenceGrammar.Found ref = references.at(s, pos);
            if (ref == null) {
                return null;
            }
            return new Mention(List.of(), ref.reference(), flat(s.substring(itemStart, ref.end())), ref.end());
        }
        ReferenceGrammar.Found ref = references.at(s, end);
        String written = flat(s.substring(itemStart, plural && ref != null ? ref.end() : end));
        return new Mention(submitters, ref == null ? null : ref.reference(), written, ref == null ? end : ref.end());
    }

    /** Names joined by "/", and — for one motie — by "," and "en"; returns the end of the last one. */
    private int parseSubmitters(String s, int p, List<Submitter> out, boolean listAllowed) {
        int end = p;
        while (true) {
            Matcher name = NAME.matcher(s);
            name.region(end, s.length());
            if (!name.lookingAt()) {
                break;
            }
            String written = name.group();
            if (!looksLikeName(written)) {
                break;
            }
            int afterName = name.end();
            String party = null;
            Matcher partyMatcher = PARTY.matcher(s);
            partyMatcher.region(afterName, s.length());
            if (partyMatcher.lookingAt() && isParty(partyMatcher.group("party"))) {
                party = partyMatcher.group("party").trim();
                afterName = partyMatcher.end();
            }
            out.add(new Submitter(Strings.collapseWhitespace(written), party));
            end = afterName;
            Matcher slash = SLASH.matcher(s);
            slash.region(end, s.length());
            if (slash.lookingAt() && slash.end() < s.length() && Character.isUpperCase(s.charAt(slash.end()))) {
                end = slash.end();
                continue;
            }
            if (listAllowed) {
                Matcher and = AND.matcher(s);
                and.region(end, s.length());
                if (and.lookingAt() && and.end() < s.length() && Character.isUpperCase(s.charAt(and.end()))) {
                    Matcher next = NAME.matcher(s);
                    next.region(and.end(), s.length());
                    if (next.lookingAt() && looksLikeName(next.group())) {
                        end = and.end();
                        continue;
                    }
                }
            }
            break;
        }
        if (out.isEmpty()) {
            return p;
        }
        Matcher cs = CS.matcher(s);
        cs.region(end, s.length());
        return cs.lookingAt() ? cs.end() : end;
    }

    /** "De Jong" and "Van Nispen" are names; "De Tweede", "Kamerstuk" and "Op" are not. */
    private static boolean looksLikeName(String written) {
        String[] words = Strings.WHITESPACE.split(written);
        String first = words[0];
        String last = words[words.length - 1];
        boolean firstIsParticle = PARTICLES.contains(first.toLowerCase(Locale.ROOT)) && words.length > 1;
        return !NOT_NAMES.contains(last) && (firstIsParticle || !NOT_NAMES.contains(first));
    }

    private static boolean isParty(String party) {
        String p = party.trim().toLowerCase(Locale.ROOT);
        return p.chars().anyMatch(Character::isLetter) && !p.startsWith("kamerstuk") && !p.startsWith("hierna")
                && !p.startsWith("zie") && !p.startsWith("nr") && p.length() <= 30;
    }

    private static String flat(String s) {
        return Strings.collapseWhitespace(s);
    }

    private static void merge(List<Collected> moties, Mention m, Extraction.Evidence evidence) {
        Set<String> surnames = surnames(m.submitters());
        Collected target = null;
        String key = m.reference() == null ? null : referenceKey(m.reference());
        if (m.reference() != null) {
            target = moties.stream().filter(c -> c.reference != null && c.referenceKey.equals(key))
                    .findFirst().orElse(null);
            if (target == null && !surnames.isEmpty()) {
                target = moties.stream().filter(c -> c.reference == null && surnames.equals(c.surnames))
                        .findFirst().orElse(null);
            }
        } else if (!surnames.isEmpty()) {
            target = moties.stream().filter(c -> surnames.equals(c.surnames)).findFirst()
                    .orElse(moties.stream().filter(c -> c.surnames.containsAll(surnames)).findFirst().orElse(null));
        }
        if (target == null) {
            if (m.submitters().isEmpty() && m.reference() == null) {
                return;
            }
            Collected c = new Collected();
            c.submitters = m.submitters();
            c.surnames = surnames;
            c.reference = m.reference();
            c.referenceKey = key;
            c.text = m.text();
            c.evidence = evidence;
            moties.add(c);
            return;
        }
        if (target.reference == null) {
            target.reference = m.reference();
            target.referenceKey = key;
        }
        if (target.submitters.isEmpty()) {
            target.submitters = m.submitters();
            target.surnames = surnames;
            target.text = m.text();
        } else if (target.submitters.stream().allMatch(x -> x.party() == null)
                && m.submitters().stream().anyMatch(x -> x.party() != null)
                && target.surnames.equals(surnames)) {
            target.submitters = m.submitters();
        }
    }

    static String referenceKey(KamerstukReference r) {
        return Strings.without(r.dossier(), "- ").toLowerCase(Locale.ROOT) + "-" + r.number().toLowerCase(Locale.ROOT);
    }

    /** Surnames as the scorer compares them: "Van Ojik" -> "ojik". */
    static Set<String> surnames(List<Submitter> submitters) {
        Set<String> out = new LinkedHashSet<>();
        for (Submitter s : submitters) {
            String[] words = Strings.WHITESPACE_OR_DOT.split(s.name().toLowerCase(Locale.ROOT));
            for (int i = words.length - 1; i >= 0; i--) {
                if (!words[i].isEmpty() && !PARTICLES.contains(words[i])) {
                    out.add(words[i]);
                    break;
                }
            }
        }
        return out;
    }
}
