package nl.kamerstroom.extract.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.kamerstroom.extract.extraction.Extraction.Mission;

/**
 * Military and civil missions. A mission is recognised from
 * <ul>
 * <li>a name with an acronym, "NAVO Missie Irak (NMI)", when the name says it is a mission (Missie, Mission,
 * Operation, Force, adviesmissie, ...) or the gazetteer knows it; parts of a mission (a command, a team, a task
 * force) are not missions;</li>
 * <li>a gazetteer name or acronym, in any of its spellings ("UNMISS", "Unmiss");</li>
 * <li>"Operation Inherent Resolve", and "de NAVO-operatie Allied Harmony" (an organisation's operation);</li>
 * <li>"de NAVO-missie in Irak", "een VN-vredesmissie in Zuid-Soedan": merged into the letter's mission of that
 * organisation in that country, else the gazetteer's only one, else a mission of its own.</li>
 * </ul>
 * All mentions of a mission make one entity, keyed by its upper-case acronym; a gazetteer hit carries the gazetteer's
 * name. The Dutch contribution (personnel, period, whether there is one at all) is read from the sentences that
 * mention the mission, and from sentences that refer back to it ("Nederland levert hieraan ...", "Deze bijdrage
 * wordt voortgezet tot ...") in the same paragraph or under a heading naming it. "geen"/"niet" between the cue and
 * the mission makes an explicit "no", which beats any positive cue; dates of the mission's mandate are not the
 * contribution's; a head-count is not carried across a ";" or a negation.
 */
final class MissionRecogniser {

    /** "(NMI)", "(hierna: UNMISS)", "(EUTM Mali)", "(eAP)": an acronym, optionally with the area it works in. */
    private static final Pattern ACRONYM_IN_PARENS = Pattern.compile(
            "\\((?:hierna:?\\s*)?([a-z]?[A-Z][A-Za-z]{0,3}[A-Z][A-Za-z0-9-]{0,8})(?:\\s+\\p{Lu}[\\p{L}-]+)?\\)");
    private static final Set<String> NAME_CONNECTORS = Set.of(
            "of", "for", "to", "in", "the", "and", "by", "on", "van", "de", "der", "voor", "en", "het", "tot", "op", "support");
    /** Capitalised Dutch words that open a sentence and are never part of a mission's name. */
    private static final Set<String> SENTENCE_OPENERS = Set.of("De", "Het", "Een", "Aan", "In", "Op", "Met", "Voor", "Bij",
            "Naar", "Via", "Over", "Ook", "Daarnaast", "Nederland");
    /** Words that make a name with an acronym a mission; a Dutch "operatie" is as often a police operation. */
    private static final Set<String> MISSION_WORDS = Set.of("mission", "missie", "operation", "force");
    /** Parts of a mission, and things called missions that are not. */
    private static final Set<String> NOT_A_MISSION_WORDS = Set.of(
            "command", "commando", "team", "headquarters", "hoofdkwartier", "detachement", "detachment", "cell",
            "task", "component", "element", "handelsmissie", "innovatiemissie", "innovation", "economische",
            "missiegedreven", "forces", "operations", "trade", "economic", "business",
            // standing forces one contributes units to are not missions: NATO Response Force, Joint Expeditionary Force
            "response", "reaction", "expeditionary", "readiness", "rapid", "reserve", "standing", "staande",
            // diplomatic missions are posts, not operations
            "permanente", "permanent", "diplomatieke", "diplomatic", "vertegenwoordiging", "representation");
    /**
     * "Operation Inherent Resolve": international operations carry English names. A Dutch "operatie X" is as
     * often a police operation, so it only counts through the gazetteer ("operatie Atalanta").
     */
    private static final Pattern OPERATION_NAME = Pattern.compile(
            "(?<![\\p{L}])(?:(?:Joint|Combined)\\s+)?Operation\\s+(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){0,2})");
    private static final Set<String> NOT_OPERATION_NAMES = Set.of(
            "De", "Het", "Een", "In", "Op", "Van", "Nederland", "Defensie", "Dit", "Deze", "The");
    /**
     * "de NAVO-operatie Allied Harmony", "de NAVO-activiteit Baltic Sentry", "de EU-missie Aspides": the
     * organisation's prefix rules out a police operation, and a capitalised name follows.
     */
    private static final Pattern ORGANISATION_OPERATION = Pattern.compile(
            "(?<![\\p{L}-])(NAVO|NATO|EU|VN|UN)-(?:operatie|activiteit|missie)\\s+(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){0,2})");
    /** An organisation's name that opens a mission's name before the word its acronym starts with. */
    private static final Set<String> ORGANISATION_PREFIXES = Set.of("united nations", "verenigde naties",
            "european union", "europese unie", "african union", "eu", "vn", "un", "navo", "nato");
    private static final Pattern GENERIC_MISSION = Pattern.compile(
            "(?<![\\p{L}])(VN|UN|EU|NAVO|NATO|OVSE|OSCE)-(\\p{Ll}*)missie(?![\\p{L}])\\s*(?:(?:in|voor|naar|op)\\s+(?:het\\s+|de\\s+)?)?");
    private static final Set<String> GENERIC_NOT_MISSION_PREFIXES = Set.of("handels", "innovatie", "economische");

    /** Words that say the Netherlands takes part, when a preposition links them to the mission named next. */
    private static final Set<String> CONTRIBUTION_WORDS = Set.of(
            "bijdrage", "bijdragen", "bijdraagt", "deelname", "deelneemt", "levert", "leveren", "geleverd", "beschikbaar",
            "uitgezonden", "uitzending", "ingezet", "inzet", "commando", "commandant", "stafofficier", "stafofficieren",
            "militairen", "verlengen", "verlenging", "verlengt", "draagt bij", "dragen bij", "neemt deel", "nemen deel",
            "bij te dragen", "detacheren", "gedetacheerd", "detacheert", "deelnemen", "deelneming");
    /** First words of the multi-word entries of {@link #CONTRIBUTION_WORDS}. */
    private static final Set<String> MULTI_WORD_CUE_STARTS = Set.copyOf(CONTRIBUTION_WORDS.stream()
            .filter(w -> w.indexOf(' ') > 0).map(w -> w.substring(0, w.indexOf(' '))).toList());
    private static final Set<String> LINKING_PREPOSITIONS = Set.of("aan", "voor", "bij", "in", "van", "binnen", "naar", "via");
    /** Nouns of intent that a negation turns into "the Netherlands will not contribute": "geen aanleiding ... bijdrage". */
    private static final Set<String> INTENT_WORDS = Set.of("aanleiding", "reden", "voornemen", "voornemens", "plannen",
            "mogelijkheid", "ruimte", "besluit", "noodzaak");
    private static final String[] PERSONNEL_NOUNS = {
            "militair", "person", "functionaris", "medewerker", "manschap", " man", "officier", "marechaussee", "agent",
            "expert", "deskundig", "adviseur", "trainer", "instructeur", "waarnemer", "personeel", "marinier", "monitor",
            "bemanning"};
    private static final Pattern PART_OF_AFTER = Pattern.compile(
            "\\s*,?\\s*(?:(?:die|dat|welke)\\s+(?:als\\s+)?|als\\s+|een\\s+)?(?:onderdeel|deel)\\s+(?:uitmaakt\\s+|is\\s+)?van\\s");
    private static final Pattern NEGATION_RIGHT_AFTER = Pattern.compile(
            "\\s*(?:\\([^()]{0,30}\\)\\s*)?(?:(?:nog|op\\s+dit\\s+moment|momenteel|thans)\\s+)?(?:geen|niet)(?![\\p{L}])");
    /** "..., maar ziet daarvan af", "heeft afgezien van": the Netherlands declines what the sentence offered. */
    private static final Pattern DECLINED_AFTER = Pattern.compile(
            "(?<![\\p{L}])(?:zie[tn](?:\\s+[\\p{L},]+){0,12}?\\s+af|af\\s+te\\s+zien|afgezien)(?![\\p{L}])");
    /** Verbs that make a contribution something considered, not made: "het kabinet onderzoekt of een bijdrage ...". */
    private static final Set<String> HYPOTHETICAL_WORDS = Set.of("overweegt", "overwegen", "overwogen", "onderzoekt",
            "onderzoeken", "beraadt", "beraden", "bezien", "beziet", "verkent", "verkennen", "eventuele", "mogelijke",
            "mocht", "zou", "zouden");
    private static final Pattern ENDING = Pattern.compile(
            "(?<![\\p{L}])(?:(?:eindigt|eindigde|loopt\\s+af|wordt\\s+afgerond|is\\s+afgerond)(?:\\s+[\\p{L}-]+){0,8}?\\s+(?:op|per)\\s+" + date("1")
                    + "|(?:op|per)\\s+" + date("2") + "\\s+(?:beëindigd|geëindigd|afgelopen|afgerond))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE_CLAUSE_BEFORE = Pattern.compile("(?<![\\p{L}])(?:die|dat|welke)\\s+$");
    /** "sinds oktober 2002", "sinds 1 maart 2024": the start of a running contribution. */
    private static final Pattern SINCE = Pattern.compile(
            "(?<![\\p{L}])sinds\\s+(?:(?<d>\\d{1,2})\\s+)?(?<m>" + DutchDates.MONTH_PATTERN + ")\\s+(?<y>(?:19|20)\\d{2})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    /** From a head-count to the mission it is sent to: "vier agenten aan de politiecomponent van ", "aan het hoofdkwartier van de ". */
    private static final Pattern SENT_TO = Pattern.compile(
            "\\s+(?:aan|bij|voor)\\s+(?:(?:de|het)\\s+)?(?:[\\p{L}-]+\\s+(?:\\([^()]{1,20}\\)\\s+)?(?:van|in)\\s+(?:de\\s+|het\\s+)?)?"
                    + "(?:(?:[\\p{L}-]+-)?(?:missie|operatie|activiteit)\\s+)?");
    private static final int SENT_TO_REACH = 70;
    /** Between two counts of one contribution: "twee politiefunctionarissen en een rechtsstaatexpert". */
    private static final Pattern COUNT_LIST_GAP = Pattern.compile("\\s*(?:,|en|,\\s*en)\\s*");
    /** "In totaal gaat het om maximaal 215 militairen": a count that sums up the ones before it. */
    private static final Pattern TOTAL_COUNT = Pattern.compile(
            "(?<![\\p{L}])(?:in\\s+totaal|totaal|totale|gaat\\s+het\\s+om|het\\s+gaat\\s+om|betreft\\s+het)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FRONTED_TARGET_BEFORE = Pattern.compile(
            "(?:^|\\n|[.;:]\\s)\\s*(?:Aan|Bij)(?:\\s+(?:de|het))?(?:\\s+\\p{Ll}+e)?(?:\\s+[\\p{L}-]*(?:missie|operatie))?\\s*$");
    private static final Pattern FRONTED_TARGET_AFTER = Pattern.compile(
            "\\s*(?:\\([^)]{0,40}\\))?\\s*(?:levert|leveren|draagt|dragen|stelt|stellen|neemt|nemen)(?![\\p{L}])");
    private static final Pattern CONTRIBUTION_AFTER = Pattern.compile(
            "^\\s*(?:\\([^)]{0,40}\\))?\\s*,?\\s*(?:waaraan|waarin|waarbij|waar)\\s+Nederland");
    /** What may stand between two items of a list of missions: "(UNIFIL), de ... (UNTSO) en de ...". */
    private static final Pattern LIST_GAP = Pattern.compile("[\\s,]*(?:(?:en|of|alsmede|evenals)\\s+)?(?:(?:de|het|aan|bij)\\s+)*");
    private static final String[] DUTCH_CUES = {"nederland", "kabinet", "regering", "bijdrage", "levert", "inzet", "verleng"};
    private static final Pattern FOLLOWING_AREA = Pattern.compile("^\\s*(?:in|voor)\\s+(?:het\\s+|de\\s+)?");

    /** Nouns that count people; the number written right before one is the personnel ("circa 145 militairen"). */
    private static final Set<String> PERSONNEL_NOUN_WORDS = Set.of(
            "militairen", "militair", "personen", "persoon", "functionarissen", "functionaris", "medewerkers",
            "manschappen", "man", "stafofficieren", "stafofficier", "officieren", "officier", "marechaussees", "agenten",
            "politiefunctionarissen", "experts", "expert", "deskundigen", "adviseurs", "adviseur", "trainers",
            "instructeurs", "waarnemers", "personeelsleden", "mariniers", "defensiemedewerkers", "marechaussee", "agent",
            "politiefunctionaris", "politieagenten", "instructeur", "trainer", "waarnemer", "monitor", "monitors",
            "bemanningsleden", "bemanningslid", "specialisten", "specialist");
    /** Heads of compounds that count people: "beroepsmilitairen", "rechtsstaatexpert", "verbindingsofficier". */
    private static final List<String> PERSONNEL_COMPOUND_HEADS = List.of("militairen", "militair", "officieren", "officier",
            "experts", "expert", "adviseurs", "adviseur", "functionarissen", "functionaris", "deskundigen", "deskundige",
            "medewerkers", "medewerker", "waarnemers", "waarnemer", "instructeurs", "instructeur", "specialisten",
            "specialist", "trainers", "trainer");
    private static final Set<String> NOT_ADJECTIVES = Set.of("deze", "diverse", "enkele", "andere", "vele", "meerdere",
            "verschillende", "sommige", "onze", "welke", "zulke", "overige");
    /** Words that may stand between the number and the noun: "145 Nederlandse militairen". */
    private static final Set<String> PERSONNEL_ADJECTIVES = Set.of("nederlandse", "extra", "militaire", "civiele", "eigen");
    private static final Pattern RANGE = Pattern.compile(
            "(?<![\\p{L}])(?:van|vanaf|per)\\s+(?:(?<d1>\\d{1,2})\\s+)?(?:(?<m1>" + DutchDates.MONTH_PATTERN + ")\\s*)?(?<y1>(?:19|20)\\d{2})?"
                    + "\\s*(?:tot\\s+en\\s+met|t/m|tot|-|–)\\s+(?:(?<d2>\\d{1,2})\\s+)?(?:(?<m2>" + DutchDates.MONTH_PATTERN + ")\\s+)?(?<y2>(?:19|20)\\d{2})",
            Pattern.CASE_INSENSITIVE);
    /** How far a period phrase reaches on either side of its "tot": "van 1 januari 2025 tot en met 30 juni 2025". */
    private static final int PERIOD_REACH = 45;
    private static final Pattern UNTIL = Pattern.compile(
            "(?<![\\p{L}])(?:tot\\s+en\\s+met|t/m)\\s+(?:(?<d>\\d{1,2})\\s+)?(?:(?<m>" + DutchDates.MONTH_PATTERN + ")\\s+)?(?<y>(?:19|20)\\d{2})",
            Pattern.CASE_INSENSITIVE);

    /** "tot 31 december 2025": a plain "tot" ends a contribution on a full date only ("tot een eenheid van ..."). */
    private static final Pattern PLAIN_UNTIL = Pattern.compile(
            "tot\\s+(?<d>\\d{1,2})\\s+(?<m>" + DutchDates.MONTH_PATTERN + ")\\s+(?<y>(?:19|20)\\d{2})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    /** "voor de duur van een jaar vanaf 1 februari 2025", "vanaf 1 mei 2025 voor een periode van zes maanden". */
    private static final Pattern DURATION = Pattern.compile(
            forLength("1") + "\\s+" + fromDate("1") + "|" + fromDate("2") + "\\s+" + forLength("2"), Pattern.CASE_INSENSITIVE);
    private static final int DURATION_REACH = 90;
    /** Present-tense verbs that make "in 2025" the period of the contribution: "levert Nederland in 2025". */
    private static final Set<String> YEAR_VERBS = Set.of("levert", "leveren", "draagt", "dragen", "zet", "zetten",
            "stelt", "stellen");
    /** Where the Netherlands is the subject; a later "mandaat" makes dates the mandate's, not the contribution's. */
    private static final String[] STRONG_DUTCH_CUES = {"nederland", "bijdrage", "kabinet", "inzet"};
    /**
     * "hieraan", "daaraan", "de/deze/die missie|operatie", "de/deze/onze/een [Nederlandse] bijdrage", "Nederlandse
     * bijdrage": words that refer to a mission named in an earlier sentence.
     */
    private static final List<String> ANAPHOR_WORDS = List.of("hieraan", "daaraan", "missie", "operatie", "bijdrage");
    private static final Set<String> ANAPHOR_DETERMINERS = Set.of("de", "deze", "die", "onze", "een");
    private static final Pattern NAMED_TARGET = Pattern.compile("\\s+(?:aan|voor)\\s");
    /** The units a contribution is made of, referred to once the mission is named: "de taakgroep", "het detachement". */
    private static final List<String> UNIT_NOUNS = List.of("taakgroep", "eenheid", "detachement", "compagnie", "bataljon",
            "contingent", "taakeenheid", "fregat");
    private static final Set<String> UNIT_DETERMINERS = Set.of("de", "het", "deze", "dit", "die", "dat", "onze", "ons");
    /** How many sentences back an anaphor may find its mission, within the paragraph. */
    private static final int ANAPHOR_REACH = 3;
    private static final int MAX_HEADING = 100;
    private static final int MAX_MISSIONS_FOR_DOMINANT_COUNTRY = 2;
    /** Shorter names ("Irini") are left to the gazetteer: too easily a word of another kind. */
    private static final int MIN_LEARNED_NAME = 6;

    /** Marks gazetteer keys in the letter's name-to-key map, apart from names as written. */
    private static final String ENTRY_PREFIX = "\u0000";

    private final MissionGazetteer gazetteer;

    MissionRecogniser(MissionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** One mention of a mission in a sentence; positions are offsets into the sentence text. */
    private record Mention(int sentence, int start, int end, String acronym, String name,
                           MissionGazetteer.Entry entry, String organisation, String country, boolean generic) {
        /**
         * Mentions are map keys in every sentence; the record's own hash walks all fields, the gazetteer entry's
         * strings included. Equal mentions have equal positions, so these alone make a valid hash.
         */
        @Override
        public int hashCode() {
            return (sentence * 31 + start) * 31 + end;
        }
    }

    /** Everything known about one mission so far. */
    private static final class Facts {
        String key;
        String acronym;
        String name;
        int namePriority = -1;
        String organisation;
        String country;
        int countryPriority = -1;
        boolean contribution;
        /** The letter says the Netherlands does not contribute: that overrides positive cues. */
        boolean negated;
        Integer personnel;
        LocalDate start;
        LocalDate end;
        int periodQuality;
        double confidence;
        Extraction.Evidence evidence;
    }

    List<Mission> recognise(List<Sentence> sentences, NormalisedText text) {
        SentenceWords[] words = new SentenceWords[sentences.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = new SentenceWords(sentences.get(i).text());
        }
        Map<String, String> keyByName = new HashMap<>();
        List<List<Mention>> mentionsBySentence = collectMentions(sentences, text, keyByName);

        Map<String, Facts> missions = new LinkedHashMap<>();
        List<Mention> generic = new ArrayList<>();
        List<Map<Mention, Facts>> resolved = new ArrayList<>();
        String[][] keys = familyAwareKeys(sentences, mentionsBySentence, keyByName);
        for (int i = 0; i < sentences.size(); i++) {
            Map<Mention, Facts> inSentence = new LinkedHashMap<>();
            List<Mention> mentions = mentionsBySentence.get(i);
            for (int k = 0; k < mentions.size(); k++) {
                Mention m = mentions.get(k);
                if (m.generic()) {
                    generic.add(m); // resolved below, once every named mission is known
                    continue;
                }
                Facts facts = missions.computeIfAbsent(keys[i][k], key -> newFacts(key, sentences, m, text, 0.9));
                absorb(facts, m, sentences.get(m.sentence()).text());
                inSentence.put(m, facts);
            }
            Facts only = single(inSentence);
            if (only != null) {
                // "de grensovergang bij Rafah in Gaza": the area named in a sentence about this mission alone
                setCountry(only, countryNamedIn(sentences.get(i).text()), 0);
            }
            resolved.add(inSentence);
        }
        for (Mention m : generic) {
            resolved.get(m.sentence()).put(m, resolveGeneric(m, missions, sentences, text));
        }
        String body = text.body();
        int[] headings = headingAbove(sentences, body);
        Facts letterTopic = letterTopic(sentences, words, body, resolved);
        Set<Facts> declined = declinedMissions(words, resolved);
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i).text();
            if (!resolved.get(i).isEmpty() || headings[i] == i) {
                continue;
            }
            Mention anaphor = anaphorIn(i, s);
            Facts target;
            if (anaphor != null) {
                target = antecedent(i, sentences, body, resolved);
                if (target == null) {
                    target = topic(headings[i], resolved, letterTopic);
                }
            } else if (refersToDutchUnit(words[i])) {
                // "De taakgroep wordt voor de duur van twaalf maanden vanaf 1 april 2026 ingezet": the Dutch unit
                // of the mission the sentences before were about
                anaphor = new Mention(i, 0, 0, null, null, null, null, null, false);
                target = antecedent(i, sentences, body, resolved);
                if (target == null) {
                    target = topic(headings[i], resolved, letterTopic);
                }
            } else if (restatesHeadCount(words[i])) {
                // "In totaal gaat het om maximaal 215 militairen": the mission the sentences before were about
                anaphor = new Mention(i, 0, 0, null, null, null, null, null, false);
                target = antecedent(i, sentences, body, resolved);
                if (target == null) {
                    target = topic(headings[i], resolved, letterTopic);
                }
            } else if (statesDutchContribution(words[i], headings[i] >= 0 ? sentences.get(headings[i]).text() : "")) {
                // "Nederland draagt van 1 februari tot en met 31 januari bij met acht militairen": the mission of
                // the section, else of the letter, else of the paragraph
                anaphor = new Mention(i, 0, 0, null, null, null, null, null, false);
                target = topic(headings[i], resolved, letterTopic);
                if (target == null) {
                    target = antecedent(i, sentences, body, resolved);
                }
            } else {
                continue;
            }
            // a mission the letter says no to does not receive what a sentence implies about the contribution
            if (target != null && (!isImplied(anaphor) || !declined.contains(target))) {
                resolved.get(i).put(anaphor, target);
            }
        }
        for (int i = 0; i < sentences.size(); i++) {
            if (!resolved.get(i).isEmpty()) {
                readContribution(words[i], resolved.get(i));
            }
        }

        // the country a letter is about is the area of its missions only when it is about one or two of them
        String dominantCountry = missions.size() <= MAX_MISSIONS_FOR_DOMINANT_COUNTRY
                && missions.values().stream().anyMatch(f -> f.country == null) ? dominantCountry(sentences, text) : null;
        List<Mission> result = new ArrayList<>();
        for (Facts f : missions.values()) {
            String country = f.country != null ? f.country : dominantCountry;
            result.add(new Mission(f.name, f.acronym, f.organisation, country, f.personnel, f.start, f.end,
                    f.contribution && !f.negated, f.confidence, f.evidence));
        }
        return result;
    }

    /**
     * Mentions per sentence. Also fills {@code keyByName}: a name written with its acronym ("NAVO Missie Irak
     * (NMI)") makes later mentions of that name, and of gazetteer entries inside it, the same mission.
     */
    private List<List<Mention>> collectMentions(List<Sentence> sentences, NormalisedText text, Map<String, String> keyByName) {
        List<List<Mention>> mentionsBySentence = new ArrayList<>();
        // The gazetteer runs once over the whole body; its hits are handed to the sentences they fall in.
        List<PhraseIndex.Hit<MissionGazetteer.Entry>> gazetteerHits = gazetteer.findMissions(text.body());
        int nextKnown = 0;
        for (int i = 0; i < sentences.size(); i++) {
            Sentence sentence = sentences.get(i);
            while (nextKnown < gazetteerHits.size() && gazetteerHits.get(nextKnown).start() < sentence.start()) {
                nextKnown++;
            }
            List<PhraseIndex.Hit<MissionGazetteer.Entry>> knownHere = new ArrayList<>();
            while (nextKnown < gazetteerHits.size() && gazetteerHits.get(nextKnown).end() <= sentence.end()) {
                PhraseIndex.Hit<MissionGazetteer.Entry> hit = gazetteerHits.get(nextKnown++);
                knownHere.add(new PhraseIndex.Hit<>(hit.start() - sentence.start(), hit.end() - sentence.start(), hit.value()));
            }
            List<Mention> mentions = mentionsIn(i, sentence.text(), knownHere);
            mentionsBySentence.add(mentions);
            for (Mention m : mentions) {
                if (m.acronym() != null && m.name() != null) {
                    String key = m.acronym().toUpperCase(Locale.ROOT);
                    keyByName.put(m.name().toLowerCase(Locale.ROOT), key);
                    // "Operation Sea Guardian (OSG)": later mentions of the gazetteer's "Sea Guardian" are OSG too
                    for (PhraseIndex.Hit<MissionGazetteer.Entry> hit : gazetteer.findMissions(m.name())) {
                        keyByName.putIfAbsent(ENTRY_PREFIX + hit.value().key(), key);
                    }
                }
            }
        }
        addLaterMentionsOfLearnedNames(sentences, mentionsBySentence);
        return mentionsBySentence;
    }

    /**
     * "de NAVO-activiteit Baltic Sentry ... Baltic Sentry wordt uitgevoerd": a name the letter introduced as a mission
     * (after "Operation", an organisation's "-operatie"/"-activiteit", or before its acronym) is a mention of that
     * mission wherever it stands again, without the words that introduced it.
     */
    private static void addLaterMentionsOfLearnedNames(List<Sentence> sentences, List<List<Mention>> mentionsBySentence) {
        // name or acronym as written -> whether it is an acronym ("Operation Prosperity Guardian (OPG) ... aan OPG")
        Map<String, Boolean> learned = new LinkedHashMap<>();
        for (List<Mention> mentions : mentionsBySentence) {
            for (Mention m : mentions) {
                if (m.name() != null && m.entry() == null && !m.generic() && m.name().length() >= MIN_LEARNED_NAME) {
                    learned.putIfAbsent(m.name(), false);
                }
                if (m.acronym() != null && m.acronym().length() >= 3) {
                    learned.putIfAbsent(m.acronym(), true);
                }
            }
        }
        if (learned.isEmpty()) {
            return;
        }
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i).text();
            List<Mention> mentions = mentionsBySentence.get(i);
            boolean added = false;
            for (Map.Entry<String, Boolean> phrase : learned.entrySet()) {
                String written = phrase.getKey();
                for (int at = s.indexOf(written); at >= 0; at = s.indexOf(written, at + 1)) {
                    int end = at + written.length();
                    if (wholeWordsAt(s, at, end) && !overlaps(mentions, at, end)) {
                        mentions.add(phrase.getValue() ? new Mention(i, at, end, written, null, null, null, null, false)
                                : new Mention(i, at, end, null, written, null, null, null, false));
                        added = true;
                    }
                }
            }
            if (added) {
                mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
            }
        }
    }

    /**
     * "de NAVO-missie in Irak": the letter's mission of that organisation in that country, else the gazetteer's
     * only such mission, else a mission of its own named as written.
     */
    private Facts resolveGeneric(Mention m, Map<String, Facts> missions, List<Sentence> sentences, NormalisedText text) {
        String sentence = sentences.get(m.sentence()).text();
        Facts facts = missions.values().stream()
                .filter(f -> m.organisation().equals(f.organisation) && m.country().equals(f.country))
                .findFirst().orElse(null);
        if (facts == null) {
            MissionGazetteer.Entry known = gazetteer.uniqueFor(m.organisation(), m.country());
            String key = known != null ? known.key() : m.name().toLowerCase(Locale.ROOT);
            facts = missions.computeIfAbsent(key, k -> newFacts(k, sentences, m, text, known != null ? 0.8 : 0.6));
            if (known != null) {
                absorb(facts, new Mention(m.sentence(), m.start(), m.end(), known.acronym(), null, known,
                        m.organisation(), m.country(), false), sentence);
            }
        }
        absorb(facts, m, sentence);
        return facts;
    }

    private Facts newFacts(String key, List<Sentence> sentences, Mention first, NormalisedText text, double confidence) {
        Facts f = new Facts();
        f.key = key;
        f.confidence = confidence;
        Sentence s = sentences.get(first.sentence());
        f.evidence = text.evidence(s.start(), s.end());
        return f;
    }

    /**
     * The key of every mention. "EUCAP Somalia" and "EUCAP Sahel Niger" are two missions of one family (a gazetteer
     * acronym without a country of its own): a family mention is keyed by its area, and a bare "EUCAP" belongs to
     * the family member named last before it (else the first named after it).
     */
    private String[][] familyAwareKeys(List<Sentence> sentences, List<List<Mention>> mentionsBySentence,
                                       Map<String, String> keyByName) {
        String[][] keys = new String[sentences.size()][];
        Map<String, List<int[]>> qualifiedAt = new HashMap<>(); // family -> {sentence, mention} of qualified keys
        List<int[]> bare = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            List<Mention> mentions = mentionsBySentence.get(i);
            keys[i] = new String[mentions.size()];
            for (int k = 0; k < mentions.size(); k++) {
                Mention m = mentions.get(k);
                String key = keys[i][k] = m.generic() ? null : keyOf(m, keyByName);
                String family = key == null ? null : familyOf(m);
                if (family == null || !family.equals(key)) {
                    continue;
                }
                String qualifier = familyQualifier(m, sentences.get(i).text(), family);
                if (qualifier == null) {
                    bare.add(new int[]{i, k});
                } else {
                    keys[i][k] = family + " " + qualifier;
                    qualifiedAt.computeIfAbsent(family, f -> new ArrayList<>()).add(new int[]{i, k});
                }
            }
        }
        for (int[] at : bare) {
            List<int[]> members = qualifiedAt.get(keys[at[0]][at[1]]);
            if (members == null) {
                continue;
            }
            int[] chosen = members.get(0);
            for (int[] member : members) {
                if (member[0] <= at[0]) {
                    chosen = member;
                }
            }
            keys[at[0]][at[1]] = keys[chosen[0]][chosen[1]];
        }
        return keys;
    }

    /** The acronym of the family a mention belongs to ("EUCAP", "EUTM", "EUBAM"), or null. */
    private String familyOf(Mention m) {
        String acronym = m.entry() != null ? m.entry().acronym() : m.acronym();
        // the family itself has no country; its members ("EUTM Mali" in the gazetteer) do
        MissionGazetteer.Entry family = acronym == null ? null : gazetteer.byKey(acronym.toUpperCase(Locale.ROOT));
        return family != null && family.acronym() != null && family.country() == null ? family.acronym() : null;
    }

    /** "EUCAP Sahel Niger" -> "SAHEL NIGER", "EU Training Mission in Mali (EUTM)" -> "MALI"; null when unqualified. */
    private String familyQualifier(Mention m, String sentence, String family) {
        String written = null;
        if (m.name() != null && m.name().regionMatches(true, 0, family + " ", 0, family.length() + 1)) {
            written = m.name().substring(family.length() + 1);
        } else if (m.acronym() != null) {
            String mention = sentence.substring(m.start(), m.end());
            int open = mention.lastIndexOf('(');
            int inner = open < 0 ? -1 : mention.indexOf(m.acronym(), open);
            if (inner >= 0 && mention.endsWith(")") && inner + m.acronym().length() < mention.length() - 1) {
                written = mention.substring(inner + m.acronym().length(), mention.length() - 1);
            }
        }
        if (written == null && m.name() != null) {
            written = gazetteer.countryIn(m.name());
        }
        if (written == null && m.name() == null && m.end() < sentence.length() && sentence.charAt(m.end()) == ' ') {
            PhraseIndex.Hit<String> area = gazetteer.countryAt(sentence, m.end() + 1);
            written = area == null ? null : area.value();
        }
        if (written == null || written.isBlank()) {
            return null;
        }
        // "Somalia" and "Somalië" are one area: each word that names an area is written as the gazetteer writes it
        StringBuilder qualifier = new StringBuilder();
        for (String word : Strings.WHITESPACE.split(written.trim())) {
            PhraseIndex.Hit<String> area = gazetteer.countryAt(word, 0);
            String canonical = area != null && area.end() == word.length() ? area.value() : word;
            qualifier.append(qualifier.length() == 0 ? "" : " ").append(canonical.toUpperCase(Locale.ROOT));
        }
        return qualifier.toString();
    }

    private static String keyOf(Mention m, Map<String, String> keyByName) {
        if (m.acronym() != null) {
            return m.acronym().toUpperCase(Locale.ROOT);
        }
        String byName = m.name() == null ? null : keyByName.get(m.name().toLowerCase(Locale.ROOT));
        if (byName != null) {
            return byName;
        }
        if (m.entry() != null) {
            return keyByName.getOrDefault(ENTRY_PREFIX + m.entry().key(), m.entry().key());
        }
        return m.name().toLowerCase(Locale.ROOT);
    }

    /** Fold one mention's facts into the mission; what the letter itself says beats the gazetteer. */
    private void absorb(Facts f, Mention m, String sentence) {
        if (f.acronym == null) {
            f.acronym = m.acronym() != null ? m.acronym().toUpperCase(Locale.ROOT)
                    : m.entry() != null && m.entry().acronym() != null ? m.entry().acronym() : null;
        }
        int namePriority = m.name() != null ? (m.acronym() != null ? 3 : m.generic() ? 1 : 2) : 0;
        // a gazetteer hit is named as the gazetteer names it: "De NAVO-operatie Sea Guardian" -> "Sea Guardian";
        // an acronym with its area ("EUTM Mali", "EULEX Kosovo") says more than the gazetteer's name and stays, and
        // so does an operation's official English name as written ("Operation Prosperity Guardian")
        boolean gazetteerHit = m.acronym() == null && m.entry() != null && m.entry().name() != null && !m.generic()
                && !(m.name() != null && m.entry().acronym() != null
                && m.name().regionMatches(true, 0, m.entry().acronym() + " ", 0, m.entry().acronym().length() + 1))
                && !(m.name() != null && (m.name().startsWith("Operation ") || m.name().startsWith("Operatie ")));
        String name = gazetteerHit ? m.entry().name() : m.name() != null ? m.name() : m.entry() != null ? m.entry().name() : null;
        if (name != null && namePriority > f.namePriority) {
            f.name = name;
            f.namePriority = namePriority;
        }
        if (f.organisation == null) {
            String org = m.name() != null ? organisationIn(m.name()) : null;
            if (org == null) {
                org = m.organisation() != null ? m.organisation()
                        : m.entry() != null ? m.entry().organisation() : null;
            }
            f.organisation = org;
        }
        String nameCountry = m.name() != null ? gazetteer.countryIn(m.name()) : null;
        setCountry(f, nameCountry, 3);
        if (m.name() == null && m.end() < sentence.length() && sentence.charAt(m.end()) == ' ') {
            // "EUMAM Mozambique": the area written right after the acronym is part of the mission's name
            PhraseIndex.Hit<String> area = gazetteer.countryAt(sentence, m.end() + 1);
            setCountry(f, area == null ? null : area.value(), 3);
        }
        setCountry(f, countryFollowing(sentence, m.end()), 2);
        setCountry(f, m.country(), 2);
        if (m.entry() != null) {
            setCountry(f, m.entry().country(), 1);
        }
    }

    private static void setCountry(Facts f, String country, int priority) {
        if (country != null && priority > f.countryPriority) {
            f.country = country;
            f.countryPriority = priority;
        }
    }

    /** The one mission of a sentence's mentions, or null when there are none or several. */
    private static Facts single(Map<Mention, Facts> mentions) {
        Facts only = null;
        for (Facts f : mentions.values()) {
            if (only != null && only != f) {
                return null;
            }
            only = f;
        }
        return only;
    }

    /** The first country or area written as "in [de|het] X" in the sentence, or null. */
    private String countryNamedIn(String s) {
        for (int at = s.indexOf("in "); at >= 0; at = s.indexOf("in ", at + 3)) {
            if (at > 0 && Character.isLetter(s.charAt(at - 1))) {
                continue;
            }
            String area = countryFollowing(s, at);
            if (area != null) {
                return area;
            }
        }
        return null;
    }

    /**
     * "Nederland draagt met twee experts bij aan de missie", "Nederland levert hieraan ...", "Deze bijdrage wordt
     * voortgezet tot ...": a sentence that names no mission but refers back to one. Returns a mention without name
     * (see {@link #isAnaphor}) at the referring words, or null.
     */
    private static Mention anaphorIn(int sentenceIndex, String s) {
        // plain searches for the few words, then a look at the word before: this runs on most sentences
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (String word : ANAPHOR_WORDS) {
            for (int at = indexOfWord(s, word, 0); at >= 0 && at < start; at = indexOfWord(s, word, at + 1)) {
                int from = at;
                if (word.equals("missie") || word.equals("operatie") || word.equals("bijdrage")) {
                    int before = wordStartBefore(s, lastNonSpace(s, at));
                    String determiner = s.substring(before, lastNonSpace(s, at)).toLowerCase(Locale.ROOT);
                    if (word.equals("bijdrage") && determiner.equals("nederlandse")) {
                        int article = wordStartBefore(s, lastNonSpace(s, before));
                        String a = s.substring(article, lastNonSpace(s, before)).toLowerCase(Locale.ROOT);
                        from = ANAPHOR_DETERMINERS.contains(a) ? article : before;
                    } else if (ANAPHOR_DETERMINERS.contains(determiner)
                            && (word.equals("bijdrage") || !determiner.equals("onze") && !determiner.equals("een"))) {
                        from = before;
                    } else if (!word.equals("bijdrage") && determiner.endsWith("e") && determiner.length() > 3
                            && List.of("de", "deze", "die").contains(wordBefore(s, before))) {
                        from = wordStartBefore(s, lastNonSpace(s, before)); // "aan deze civiele missie"
                    } else {
                        continue;
                    }
                    // "een bijdrage aan deze eerste militaire EU-operatie": a contribution that names its own target
                    if (word.equals("bijdrage") && NAMED_TARGET.matcher(s).region(at + word.length(), s.length()).lookingAt()) {
                        continue;
                    }
                }
                start = from;
                end = at + word.length();
                break;
            }
        }
        return end < 0 ? null : new Mention(sentenceIndex, start, end, null, null, null, null, null, false);
    }

    private static boolean wholeWordsAt(String s, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(s.charAt(start - 1)))
                && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)));
    }

    /** The word (lower case) ending right before {@code at}, spaces skipped. */
    private static String wordBefore(String s, int at) {
        int end = lastNonSpace(s, at);
        return s.substring(wordStartBefore(s, end), end).toLowerCase(Locale.ROOT);
    }

    /** {@code word} (lower case) as a whole word, also capitalised, at or after {@code from}; -1 when absent. */
    private static int indexOfWord(String s, String word, int from) {
        String tail = word.substring(1);
        for (int at = s.indexOf(tail, from + 1); at > 0; at = s.indexOf(tail, at + 1)) {
            int start = at - 1;
            char first = s.charAt(start);
            int end = at + tail.length();
            if (Character.toLowerCase(first) == word.charAt(0) && (start == 0 || !Character.isLetter(s.charAt(start - 1)))
                    && (end == s.length() || !Character.isLetter(s.charAt(end)))) {
                return start;
            }
        }
        return -1;
    }

    /** End of the text before {@code at} without the whitespace right before it. */
    private static int lastNonSpace(String s, int at) {
        int end = at;
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** The sentence's only mention is the one {@link #statesDutchContribution} implied: it is Dutch by then. */
    private static boolean impliedOnly(Map<Mention, Facts> mentions) {
        return mentions.size() == 1 && isImplied(mentions.keySet().iterator().next());
    }

    private static boolean isImplied(Mention m) {
        return isAnaphor(m) && m.start() == m.end();
    }

    private static boolean isAnaphor(Mention m) {
        return m.acronym() == null && m.name() == null && m.entry() == null && !m.generic();
    }

    /**
     * The mission an anaphor in sentence {@code i} refers to: the only mission of the nearest earlier sentence of
     * the same paragraph that names one (at most {@link #ANAPHOR_REACH} back), else the only mission of a heading
     * right above the paragraph ("Nederlandse bijdrage aan EUFOR Althea"). Null when that is not one mission.
     */
    private static Facts antecedent(int i, List<Sentence> sentences, String body, List<Map<Mention, Facts>> resolved) {
        for (int j = i - 1; j >= 0 && i - j <= ANAPHOR_REACH; j--) {
            if (paragraphBreak(body, sentences.get(j).end(), sentences.get(j + 1).start())) {
                boolean heading = isHeading(sentences.get(j).text())
                        && (j == 0 || paragraphBreak(body, sentences.get(j - 1).end(), sentences.get(j).start()));
                return heading ? single(resolved.get(j)) : null;
            }
            if (!resolved.get(j).isEmpty()) {
                return single(resolved.get(j));
            }
        }
        return null;
    }

    /**
     * For each sentence, the index of the heading it stands under ("Baltic Air Policing", "De Nederlandse bijdrage"):
     * a heading-like sentence alone in its paragraph. A heading stands under itself; -1 before the first heading.
     */
    private static int[] headingAbove(List<Sentence> sentences, String body) {
        int[] headings = new int[sentences.size()];
        int current = -1;
        for (int i = 0; i < sentences.size(); i++) {
            boolean alone = (i == 0 || paragraphBreak(body, sentences.get(i - 1).end(), sentences.get(i).start()))
                    && (i + 1 == sentences.size() || paragraphBreak(body, sentences.get(i).end(), sentences.get(i + 1).start()));
            if (alone && isHeading(sentences.get(i).text())) {
                current = i;
            }
            headings[i] = current;
        }
        return headings;
    }

    /**
     * The mission a letter is about: in the first paragraph that names missions ("Met deze brief informeren wij uw
     * Kamer over de Nederlandse bijdrage aan de NAVO-activiteit Baltic Sentry"), the only one the Netherlands is
     * said to contribute to. Null when that paragraph names no such mission or several.
     */
    private static Facts letterTopic(List<Sentence> sentences, SentenceWords[] words, String body,
                                     List<Map<Mention, Facts>> resolved) {
        int first = 0;
        while (first < sentences.size() && resolved.get(first).isEmpty()) {
            first++;
        }
        Facts topic = null;
        for (int i = first; i < sentences.size(); i++) {
            if (i > first && paragraphBreak(body, sentences.get(i - 1).end(), sentences.get(i).start())) {
                break;
            }
            String s = sentences.get(i).text();
            List<Mention> inOrder = new ArrayList<>(resolved.get(i).keySet());
            inOrder.sort((a, b) -> Integer.compare(a.start(), b.start()));
            int listEnd = -1;
            for (Mention m : inOrder) {
                // "bijdragen aan UNIFIL en UNTSO": a list after the cue shares it, so the letter is about several
                boolean inList = listEnd >= 0 && listEnd <= m.start() && LIST_GAP.matcher(s).region(listEnd, m.start()).matches();
                if (inList || contributionBefore(words[i], m.start()) > 0 || contributionAfter(words[i], m.start(), m.end()) > 0) {
                    Facts f = resolved.get(i).get(m);
                    if (topic != null && topic != f) {
                        return null;
                    }
                    topic = f;
                    listEnd = m.end();
                } else {
                    listEnd = -1;
                }
            }
        }
        return topic;
    }

    /** The mission of a section: the only one its heading names; under a heading naming none, the letter's. */
    private static Facts topic(int heading, List<Map<Mention, Facts>> resolved, Facts letterTopic) {
        if (heading >= 0 && !resolved.get(heading).isEmpty()) {
            return single(resolved.get(heading));
        }
        return letterTopic;
    }

    /**
     * A sentence that says the Netherlands contributes without naming what to: a Dutch subject and a contribution
     * word or a head-count, and no negation ("Het kabinet heeft besloten om ... bij te dragen met ... 95 militairen").
     */
    private static boolean statesDutchContribution(SentenceWords sentence, String heading) {
        String s = sentence.text();
        // under "De voorziene Nederlandse bijdrage" every sentence is about the Dutch contribution
        String h = heading.toLowerCase(Locale.ROOT);
        boolean dutchSection = h.contains("nederlandse") && (h.contains("bijdrage") || h.contains("inzet"));
        // plain searches first: this runs on every sentence that names no mission
        if (!dutchSection && !s.contains("ederland") && !s.contains("abinet") && !s.contains("egering")
                && !s.contains("etachement") && !s.contains("kader")) {
            return false;
        }
        List<String> words = sentence.words();
        // "Het nationaal kader loopt van 1 januari 2025 tot en met 31 december 2025": the Dutch contribution's period
        boolean nationalFramework = (words.contains("nationaal") || words.contains("nationale"))
                && (words.contains("kader") || words.contains("kaders"));
        boolean dutch = words.contains("nederland") || words.contains("nederlandse") || words.contains("kabinet")
                || words.contains("regering") || words.contains("detachement") || dutchSection || nationalFramework;
        if (!dutch || negated(words) || hypothetical(words)) {
            return false;
        }
        // "een bijdrage aan deze eerste militaire EU-operatie", "draagt ... bij aan de hervorming van de
        // veiligheidssector": a contribution that names its own target
        for (String word : List.of("bijdrage", "bij")) {
            for (int at = indexOfWord(s, word, 0); at >= 0; at = indexOfWord(s, word, at + 1)) {
                if (NAMED_TARGET.matcher(s).region(at + word.length(), s.length()).lookingAt()) {
                    return false;
                }
            }
        }
        // "draagt Nederland in 2025 € 8,5 miljoen bij": money, not people sent on a mission
        if (MoneyGrammar.mayContainMoney(s) && sentence.headCount() == null) {
            return false;
        }
        return hasContributionCue(words) || sentence.headCount() != null || nationalFramework;
    }

    /** "De taakgroep ...", "Het Nederlandse detachement ...": a sentence about the unit the Netherlands sends. */
    private static boolean refersToDutchUnit(SentenceWords sentence) {
        String s = sentence.text();
        for (String unit : UNIT_NOUNS) {
            for (int at = indexOfWord(s, unit, 0); at >= 0; at = indexOfWord(s, unit, at + 1)) {
                String word = wordBefore(s, at);
                if (word.equals("nederlandse")) {
                    word = wordBefore(s, wordStartBefore(s, lastNonSpace(s, at)));
                }
                if (UNIT_DETERMINERS.contains(word)) {
                    return !negated(sentence.words());
                }
            }
        }
        return false;
    }

    /** "In totaal gaat het om maximaal 215 militairen", "Momenteel gaat het om circa 270 militairen". */
    private static boolean restatesHeadCount(SentenceWords sentence) {
        String s = sentence.text();
        // plain searches first: this runs on every sentence that names no mission
        boolean mayRestate = s.contains("otaal") || s.contains("otale") || s.contains("gaat het om") || s.contains("et gaat om")
                || s.contains("etreft het");
        if (!mayRestate || !TOTAL_COUNT.matcher(s).find()) {
            return false;
        }
        List<String> words = sentence.words();
        return !negated(words) && !hypothetical(words) && sentence.headCount() != null;
    }

    /** The first "N &lt;personnel noun&gt;" of the sentence: {count, start of the number}, or null. */
    private static int[] headCountIn(String s, String lower) {
        if (!containsAny(lower, PERSONNEL_NOUNS)) {
            return null;
        }
        for (int[] noun : personnelNouns(lower)) {
            int[] number = numberBefore(s, noun[0]);
            if (number != null) {
                return number;
            }
        }
        return null;
    }

    private static boolean hypothetical(List<String> words) {
        for (String w : words) {
            if (HYPOTHETICAL_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The missions the letter says, in a sentence naming them, the Netherlands does not contribute to. */
    private static Set<Facts> declinedMissions(SentenceWords[] words, List<Map<Mention, Facts>> resolved) {
        Set<Facts> declined = new HashSet<>();
        for (int j = 0; j < words.length; j++) {
            for (Map.Entry<Mention, Facts> e : resolved.get(j).entrySet()) {
                if (!isAnaphor(e.getKey()) && !declined.contains(e.getValue())
                        && contributionBefore(words[j], e.getKey().start()) < 0) {
                    declined.add(e.getValue());
                }
            }
        }
        return declined;
    }

    /** A blank line between {@code from} and {@code to}. */
    private static boolean paragraphBreak(String body, int from, int to) {
        boolean newline = false;
        for (int k = from; k < to; k++) {
            char c = body.charAt(k);
            if (c == '\n') {
                if (newline) {
                    return true;
                }
                newline = true;
            } else if (!Character.isWhitespace(c)) {
                newline = false;
            }
        }
        return false;
    }

    /** A short line without a closing full stop: "Nederlandse bijdrage aan KFOR". */
    private static boolean isHeading(String sentence) {
        char last = sentence.charAt(sentence.length() - 1);
        return sentence.length() <= MAX_HEADING && ".!?:;,".indexOf(last) < 0 && sentence.indexOf('\n') < 0;
    }

    private String countryFollowing(String sentence, int end) {
        Matcher m = FOLLOWING_AREA.matcher(sentence);
        m.region(end, sentence.length());
        if (!m.lookingAt()) {
            return null;
        }
        PhraseIndex.Hit<String> hit = gazetteer.countryAt(sentence, m.end());
        return hit == null ? null : hit.value();
    }

    static String organisationIn(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (startsWithWord(n, "navo") || startsWithWord(n, "nato") || n.contains("north atlantic")) {
            return "NAVO";
        }
        if (startsWithWord(n, "vn") || startsWithWord(n, "un") || n.startsWith("united nations") || n.startsWith("verenigde naties")) {
            return "VN";
        }
        if (startsWithWord(n, "eu") || n.startsWith("european union") || n.startsWith("europese unie")) {
            return "EU";
        }
        if (startsWithWord(n, "ovse") || startsWithWord(n, "osce")) {
            return "OVSE";
        }
        if (startsWithWord(n, "au") || n.startsWith("african union") || n.startsWith("afrikaanse unie")) {
            return "AU";
        }
        return null;
    }

    /** "eu-adviesmissie irak" starts with the word "eu"; "euam" does not. */
    private static boolean startsWithWord(String s, String word) {
        return s.startsWith(word) && (s.length() == word.length() || s.charAt(word.length()) == '-'
                || Character.isWhitespace(s.charAt(word.length())));
    }

    private List<Mention> mentionsIn(int sentenceIndex, String s, List<PhraseIndex.Hit<MissionGazetteer.Entry>> known) {
        List<Mention> mentions = new ArrayList<>();
        Matcher acr = null;
        // cheap tests (a parenthesis, "perati", "missie") spare most sentences the patterns
        for (int open = s.indexOf('('); open >= 0; open = s.indexOf('(', open + 1)) {
            acr = acr == null ? ACRONYM_IN_PARENS.matcher(s) : acr;
            if (!acr.region(open, s.length()).lookingAt()) {
                continue;
            }
            String acronym = acr.group(1);
            int nameStart = nameStart(s, acr.start(), acronym);
            String name = nameStart < 0 ? null : Strings.collapseWhitespace(s.substring(nameStart, acr.start()));
            MissionGazetteer.Entry entry = gazetteer.byKey(acronym.toUpperCase(Locale.ROOT));
            if (entry == null && name != null) {
                List<PhraseIndex.Hit<MissionGazetteer.Entry>> hits = gazetteer.findMissions(name);
                if (hits.size() == 1 && hits.get(0).start() == 0 && hits.get(0).end() == name.length()) {
                    entry = hits.get(0).value();
                }
            }
            // "de Regional Protection Force (RPF), die als onderdeel van de missie ...": a part, not a mission
            boolean part = entry == null && PART_OF_AFTER.matcher(s).region(acr.end(), s.length()).lookingAt();
            if (!part && (entry != null || (name != null && namesAMission(name)))) {
                // "Forward Land Forces (FLF)": another designation of a known mission that has its own acronym
                boolean alias = entry != null && entry.acronym() != null && !entry.acronym().equalsIgnoreCase(acronym);
                mentions.add(new Mention(sentenceIndex, nameStart < 0 ? acr.start() : nameStart, acr.end(),
                        alias ? null : acronym, name, entry, null, null, false));
            }
        }
        for (PhraseIndex.Hit<MissionGazetteer.Entry> hit : known) {
            if (!overlaps(mentions, hit.start(), hit.end())) {
                String written = Strings.collapseWhitespace(s.substring(hit.start(), hit.end()));
                boolean writtenAsAcronym = hit.value().acronym() != null && written.equalsIgnoreCase(hit.value().acronym());
                mentions.add(new Mention(sentenceIndex, hit.start(), hit.end(), null,
                        writtenAsAcronym ? null : written, hit.value(), null, null, false));
            }
        }
        Matcher op = s.contains("Operation ") ? OPERATION_NAME.matcher(s) : null;
        while (op != null && op.find()) {
            String first = Strings.WHITESPACE.split(op.group(1))[0];
            if (!NOT_OPERATION_NAMES.contains(first) && !overlaps(mentions, op.start(), op.end())) {
                mentions.add(new Mention(sentenceIndex, op.start(), op.end(), null,
                        Strings.collapseWhitespace(s.substring(op.start(), op.end())), null, null, null, false));
            }
        }
        Matcher orgOperation = s.contains("-operatie") || s.contains("-activiteit") || s.contains("-missie ")
                ? ORGANISATION_OPERATION.matcher(s) : null;
        while (orgOperation != null && orgOperation.find()) {
            String first = Strings.WHITESPACE.split(orgOperation.group(2))[0];
            // "de VN-missie Mali" is the generic mission in an area, read below, not a mission called "Mali"
            PhraseIndex.Hit<String> area = gazetteer.countryAt(s, orgOperation.start(2));
            if (!NOT_OPERATION_NAMES.contains(first) && area == null
                    && !overlaps(mentions, orgOperation.start(), orgOperation.end())) {
                mentions.add(new Mention(sentenceIndex, orgOperation.start(), orgOperation.end(), null,
                        Strings.collapseWhitespace(orgOperation.group(2)), null, organisationIn(orgOperation.group(1)),
                        null, false));
            }
        }
        Matcher generic = null;
        for (int at = s.indexOf("missie"); at >= 0; at = s.indexOf("missie", at + 6)) {
            int hyphen = at;
            while (hyphen > 0 && Character.isLowerCase(s.charAt(hyphen - 1))) {
                hyphen--;
            }
            int orgStart = hyphen - 1;
            while (orgStart > 0 && Character.isUpperCase(s.charAt(orgStart - 1))) {
                orgStart--;
            }
            if (hyphen == 0 || s.charAt(hyphen - 1) != '-' || orgStart == hyphen - 1) {
                continue;
            }
            generic = generic == null ? GENERIC_MISSION.matcher(s) : generic;
            if (!generic.region(orgStart, s.length()).lookingAt()) {
                continue;
            }
            if (GENERIC_NOT_MISSION_PREFIXES.contains(generic.group(2)) || overlaps(mentions, generic.start(), generic.end())) {
                continue;
            }
            PhraseIndex.Hit<String> area = gazetteer.countryAt(s, generic.end());
            if (area == null) {
                continue;
            }
            String org = organisationIn(generic.group(1));
            mentions.add(new Mention(sentenceIndex, generic.start(), area.end(), null,
                    Strings.collapseWhitespace(s.substring(generic.start(), area.end())), null, org, area.value(), true));
        }
        mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return mentions;
    }

    private static boolean overlaps(List<Mention> mentions, int start, int end) {
        for (Mention m : mentions) {
            if (start < m.end() && end > m.start()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Start of the capitalised name before "(ACR)": walk back over capitalised words and connectors, then start
     * at the first word with the acronym's initial. -1 when there is no such name.
     */
    private static int nameStart(String s, int parenthesis, String acronym) {
        int end = lastNonSpace(s, parenthesis);
        List<int[]> words = new ArrayList<>();
        int i = end;
        while (i > 0 && words.size() < 16) {
            int wordEnd = i;
            int wordStart = i;
            while (wordStart > 0 && !Character.isWhitespace(s.charAt(wordStart - 1))) {
                wordStart--;
            }
            String word = s.substring(wordStart, wordEnd);
            // a capitalised Dutch function word opens the sentence ("EUAM Ukraine\nDe EU Advisory Mission ..." after a
            // heading): the name starts after it
            boolean accepted = !word.isEmpty() && (Character.isUpperCase(word.charAt(0)) || NAME_CONNECTORS.contains(word))
                    && !SENTENCE_OPENERS.contains(word)
                    && (wordEnd == end || Character.isLetterOrDigit(word.charAt(word.length() - 1)));
            if (!accepted) {
                break;
            }
            words.add(0, new int[]{wordStart, wordEnd});
            i = wordStart;
            while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
                i--;
            }
        }
        while (!words.isEmpty() && NAME_CONNECTORS.contains(s.substring(words.get(0)[0], words.get(0)[1]))) {
            words.remove(0);
        }
        char initial = Character.toUpperCase(acronym.charAt(0));
        for (int[] w : words) {
            if (s.charAt(w[0]) == initial) {
                // "VN-missie in Mali (MINUSMA)": the initial rule would keep only "Mali"; keep the whole name
                int first = words.get(0)[0];
                boolean wholeSaysMission = namesAMission(s.substring(first, end));
                boolean partSaysMission = namesAMission(s.substring(w[0], end));
                return wholeSaysMission && !partSaysMission && !isSentenceStartWord(s, first) ? first
                        : withOrganisationPrefix(s, words, w);
            }
        }
        return -1;
    }

    /** "United Nations Multidimensional ... Mission in Mali (MINUSMA)": the organisation's name belongs to it. */
    private static int withOrganisationPrefix(String s, List<int[]> words, int[] word) {
        int k = words.indexOf(word);
        for (int j = Math.max(0, k - 2); j < k; j++) {
            String prefix = Strings.collapseWhitespace(s.substring(words.get(j)[0], word[0])).toLowerCase(Locale.ROOT);
            if (ORGANISATION_PREFIXES.contains(prefix)) {
                return words.get(j)[0];
            }
        }
        return word[0];
    }

    /** "De" or "Het" opening the sentence is not part of a name. */
    private static boolean isSentenceStartWord(String s, int start) {
        int end = start;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return NAME_CONNECTORS.contains(s.substring(start, end).toLowerCase(Locale.ROOT));
    }

    private static boolean namesAMission(String name) {
        boolean missionWord = false;
        String lower = name.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (Character.isWhitespace(c) || c == '-') {
                i++;
                continue;
            }
            int end = i;
            while (end < lower.length() && !Character.isWhitespace(lower.charAt(end)) && lower.charAt(end) != '-') {
                end++;
            }
            String token = lower.substring(i, end);
            if (NOT_A_MISSION_WORDS.contains(token)) {
                return false;
            }
            if (MISSION_WORDS.contains(token) || (token.endsWith("missie") && token.length() > 6)) {
                missionWord = true;
            }
            i = end;
        }
        return missionWord;
    }

    /** "aan MINUSCA en MONUSCO geen personele bijdrage": "geen" or "niet" right after the mission and its list. */
    private static boolean negatedRightAfter(String s, Mention m, List<Mention> inOrder) {
        int at = m.end();
        for (Mention other : inOrder) {
            if (other.start() >= at && LIST_GAP.matcher(s).region(at, other.start()).matches()) {
                at = other.end();
            }
        }
        Matcher after = NEGATION_RIGHT_AFTER.matcher(s).region(at, s.length());
        return after.lookingAt();
    }

    private static int nextMentionStart(List<Mention> inOrder, Mention m, int otherwise) {
        for (Mention other : inOrder) {
            if (other.start() >= m.end()) {
                return other.start();
            }
        }
        return otherwise;
    }

    /** Contribution, personnel and period, read from one sentence for the missions it mentions. */
    private static void readContribution(SentenceWords sentence, Map<Mention, Facts> mentions) {
        String s = sentence.text();
        List<Mention> inOrder = new ArrayList<>(mentions.keySet());
        inOrder.sort((a, b) -> Integer.compare(a.start(), b.start()));
        int previousCue = 0;
        int previousEnd = -1;
        List<Mention> negatedHere = new ArrayList<>();
        for (Mention m : inOrder) {
            // +1: the Netherlands contributes; -1: the letter says it does not ("levert geen bijdrage aan")
            int cue;
            if (isAnaphor(m)) {
                cue = anaphorContribution(sentence);
            } else {
                cue = contributionBefore(sentence, m.start());
                // "bijdragen aan UNIFIL, UNTSO en EUFOR Althea": a list shares the cue of its first item
                if (cue == 0 && previousCue != 0 && previousEnd <= m.start()
                        && LIST_GAP.matcher(s).region(previousEnd, m.start()).matches()) {
                    cue = previousCue;
                }
                if (cue == 0) {
                    cue = contributionAfter(sentence, m.start(), m.end());
                }
                int next = nextMentionStart(inOrder, m, s.length());
                // every form of the pattern contains "zie": without it in the range it cannot match there
                int zie = s.indexOf("zie", m.end());
                if (zie >= 0 && zie + 3 <= next && DECLINED_AFTER.matcher(s).region(m.end(), next).find()) {
                    cue = -1; // "heeft overwogen bij te dragen aan UNAMSIL, maar ziet daarvan af"
                }
                if (cue > 0 && negatedRightAfter(s, m, inOrder)) {
                    cue = -1; // "Nederland levert aan MINUSCA en MONUSCO geen personele bijdrage"
                }
            }
            if (cue > 0) {
                mentions.get(m).contribution = true;
            } else if (cue < 0) {
                mentions.get(m).negated = true;
                negatedHere.add(m);
            }
            if (m.end() > previousEnd) {
                previousCue = cue;
                previousEnd = m.end();
            }
        }
        // "Nederland levert in 2026 geen schip aan Atalanta": a mission the sentence says no to gets none of its facts
        if (!negatedHere.isEmpty()) {
            mentions = new LinkedHashMap<>(mentions);
            mentions.keySet().removeAll(negatedHere);
            if (mentions.isEmpty()) {
                return;
            }
        }
        String lower = sentence.lower();
        if (!containsAny(lower, DUTCH_CUES) && !impliedOnly(mentions)) {
            return;
        }
        // "In totaal gaat het om maximaal 215 militairen" replaces the counts of the parts read before it
        // the count after "in totaal" / "de totale bijdrage" replaces the counts of the parts read before it
        int restatementFrom = Integer.MAX_VALUE;
        if (allAnaphors(mentions) && mayStateTotal(lower)) {
            Matcher total = TOTAL_COUNT.matcher(s);
            restatementFrom = total.find() ? total.start() : Integer.MAX_VALUE;
        }
        int[] previousCount = null; // {count, end of its noun}
        Facts previousFacts = null;
        for (int[] noun : containsAny(lower, PERSONNEL_NOUNS) ? personnelNouns(lower) : List.<int[]>of()) {
            int[] number = numberBefore(s, noun[0]);
            if (number == null) {
                continue;
            }
            Facts f = nearestLinked(sentence, mentions, number[1], noun[1]);
            if (f != null && f == previousFacts && previousCount != null && previousCount[1] <= number[1]
                    && COUNT_LIST_GAP.matcher(s).region(previousCount[1], number[1]).matches()) {
                // "twee politiefunctionarissen en een rechtsstaatexpert": one contribution of three people
                f.personnel += number[0];
                previousCount = new int[]{number[0], noun[1]};
                continue;
            }
            previousCount = null;
            previousFacts = null;
            boolean restates = number[1] >= restatementFrom;
            if (f != null && number[0] > 0 && (f.personnel == null || restates)) {
                f.personnel = number[0];
                if (restates) {
                    restatementFrom = Integer.MAX_VALUE;
                }
                previousCount = new int[]{number[0], noun[1]};
                previousFacts = f;
            }
        }
        // Periods are read around their "tot"/"t/m" only: the date patterns never scan the whole sentence.
        Matcher r = RANGE.matcher(s).useTransparentBounds(true);
        Matcher u = UNTIL.matcher(s).useTransparentBounds(true);
        Matcher plainUntil = PLAIN_UNTIL.matcher(s).useTransparentBounds(true);
        int rangeEnd = -1;
        for (int at = nextUntil(lower, 0); at >= 0; at = nextUntil(lower, at + 1)) {
            if (at < rangeEnd || aboutMandate(lower, at)) {
                continue;
            }
            r.region(Math.max(0, at - PERIOD_REACH), Math.min(s.length(), at + PERIOD_REACH));
            boolean range = false;
            while (r.find()) {
                if (r.start() < at && r.end() > at && (r.group("m1") != null || r.group("y1") != null)) {
                    range = true;
                    break;
                }
            }
            if (range) {
                String y1 = r.group("y1") != null ? r.group("y1") : r.group("y2");
                LocalDate start = r.group("m1") != null ? DutchDates.of(r.group("d1"), r.group("m1"), y1)
                        : LocalDate.of(Integer.parseInt(y1), 1, 1);
                LocalDate end = periodEnd(r.group("d2"), r.group("m2"), r.group("y2"));
                rangeEnd = r.end();
                Facts f = nearest(mentions, r.start(), r.end());
                if (start != null && end != null && !end.isBefore(start) && f.periodQuality < 3) {
                    f.start = start;
                    f.end = end;
                    f.periodQuality = 3;
                }
                continue;
            }
            Matcher until = u.region(at, s.length()).lookingAt() ? u
                    : plainUntil.region(at, s.length()).lookingAt() ? plainUntil : null;
            if (until != null) {
                Facts f = nearest(mentions, until.start(), until.end());
                LocalDate end = periodEnd(until.group("d"), until.group("m"), until.group("y"));
                if (end != null && f.periodQuality < 2) {
                    f.end = end;
                    f.periodQuality = 2;
                }
            }
        }
        readDuration(s, lower, mentions);
        readYear(s, lower, mentions);
        readSince(s, lower, mentions);
        readEnding(s, lower, mentions);
    }

    private static boolean allAnaphors(Map<Mention, Facts> mentions) {
        for (Mention m : mentions.keySet()) {
            if (!isAnaphor(m)) {
                return false;
            }
        }
        return true;
    }

    /** False when {@link #TOTAL_COUNT} cannot match: each of its forms contains one of these words. */
    private static boolean mayStateTotal(String lower) {
        return lower.contains("tota") || lower.contains("gaat") || lower.contains("betreft");
    }

    /** "De Nederlandse bijdrage eindigt op 30 juni 2025", "is per 30 juni 2024 beëindigd": the end of the contribution. */
    private static void readEnding(String s, String lower, Map<Mention, Facts> mentions) {
        if (!lower.contains("eindig") && !lower.contains("ëindig") && !lower.contains("loopt af") && !lower.contains("afgerond")) {
            return;
        }
        Matcher ending = ENDING.matcher(s);
        while (ending.find()) {
            if (aboutMandate(lower, ending.start())) {
                continue;
            }
            String k = ending.group("y1") != null ? "1" : "2";
            LocalDate end = DutchDates.of(ending.group("d" + k), ending.group("m" + k), ending.group("y" + k));
            Facts f = nearest(mentions, ending.start(), ending.end());
            if (f != null && end != null && f.periodQuality < 2) {
                f.end = end;
                f.periodQuality = 2;
            }
        }
    }

    /** "levert Nederland sinds oktober 2002 zes F-16's": the start of a running contribution, when none is known. */
    private static void readSince(String s, String lower, Map<Mention, Facts> mentions) {
        if (!lower.contains("sinds")) {
            return;
        }
        Matcher since = SINCE.matcher(s);
        while (since.find()) {
            // "(EUMAM Ukraine), die sinds november 2022 Oekraïense militairen traint": the mission's start, not ours
            if (aboutMandate(lower, since.start()) || RELATIVE_CLAUSE_BEFORE.matcher(s).region(
                    Math.max(0, since.start() - 12), since.start()).find()) {
                continue;
            }
            Facts f = nearest(mentions, since.start(), since.end());
            LocalDate start = DutchDates.of(since.group("d"), since.group("m"), since.group("y"));
            if (f != null && f.start == null && start != null) {
                f.start = start;
            }
        }
    }

    /** "voor de duur van een jaar vanaf 1 februari 2025": 2025-02-01 to 2026-01-31. */
    private static void readDuration(String s, String lower, Map<Mention, Facts> mentions) {
        int duur = lower.indexOf("duur van");
        int periode = lower.indexOf("periode van");
        if (duur < 0 && periode < 0) {
            return;
        }
        Matcher d = DURATION.matcher(s).useTransparentBounds(true);
        for (int at : new int[]{duur, periode}) {
            if (at < 0 || aboutMandate(lower, at)) {
                continue;
            }
            d.region(Math.max(0, at - DURATION_REACH), Math.min(s.length(), at + DURATION_REACH));
            while (d.find()) {
                if (d.start() > at || d.end() <= at) {
                    continue;
                }
                String k = d.group("y1") != null ? "1" : "2";
                LocalDate start = DutchDates.of(d.group("d" + k), d.group("m" + k), d.group("y" + k));
                Integer length = DutchNumbers.parse(d.group("n" + k));
                Facts f = nearest(mentions, d.start(), d.end());
                if (start != null && length != null && length > 0 && f.periodQuality < 3) {
                    String unit = d.group("u" + k).toLowerCase(Locale.ROOT);
                    LocalDate after = unit.startsWith("ja") ? start.plusYears(length)
                            : unit.startsWith("maand") ? start.plusMonths(length) : start.plusWeeks(length);
                    f.start = start;
                    f.end = after.minusDays(1);
                    f.periodQuality = 3;
                }
                break;
            }
        }
    }

    /** "Daarnaast levert Nederland in 2025 twaalf waarnemers": the contribution covers the calendar year. */
    private static void readYear(String s, String lower, Map<Mention, Facts> mentions) {
        for (int at = lower.indexOf("in "); at >= 0; at = lower.indexOf("in ", at + 3)) {
            int y = at + 3;
            if ((at > 0 && Character.isLetter(lower.charAt(at - 1))) || !isYear(lower, y)) {
                continue;
            }
            List<String> before = wordsOf(lower, Math.max(0, at - 40), at).lowerCase();
            boolean verb = false;
            for (int k = Math.max(0, before.size() - 3); k < before.size(); k++) {
                verb |= YEAR_VERBS.contains(before.get(k));
            }
            if (!verb || aboutMandate(lower, at)) {
                continue;
            }
            Facts f = nearest(mentions, at, y + 4);
            if (f.periodQuality < 1) {
                int year = Integer.parseInt(lower.substring(y, y + 4));
                f.start = LocalDate.of(year, 1, 1);
                f.end = LocalDate.of(year, 12, 31);
                f.periodQuality = 1;
            }
        }
    }

    /** "2025" standing alone at {@code i}: not part of a longer number, a session year or a range. */
    private static boolean isYear(String s, int i) {
        if (i + 4 > s.length() || !(s.startsWith("19", i) || s.startsWith("20", i))
                || !Character.isDigit(s.charAt(i + 2)) || !Character.isDigit(s.charAt(i + 3))) {
            return false;
        }
        return i + 4 == s.length() || "0123456789/-–".indexOf(s.charAt(i + 4)) < 0;
    }

    /**
     * "Het mandaat van UNIFIL is ... verlengd tot en met 31 augustus 2025": a date after "mandaat", with no later
     * word that makes the Netherlands the subject, is the mandate's and not the contribution's.
     */
    private static boolean aboutMandate(String lower, int at) {
        int mandate = lower.lastIndexOf("mandaat", at);
        if (mandate < 0) {
            return false;
        }
        for (String cue : STRONG_DUTCH_CUES) {
            if (lower.lastIndexOf(cue, at) > mandate) {
                return false;
            }
        }
        return true;
    }

    private static String date(String k) {
        return "(?<d" + k + ">\\d{1,2})\\s+(?<m" + k + ">" + DutchDates.MONTH_PATTERN + ")\\s+(?<y" + k + ">(?:19|20)\\d{2})(?!\\d)";
    }

    private static String forLength(String k) {
        return "(?:voor\\s+)?(?:de\\s+duur\\s+van|een\\s+periode\\s+van|de\\s+periode\\s+van)\\s+(?<n" + k + ">\\d{1,2}|"
                + DutchNumbers.WORD_PATTERN + ")\\s+(?<u" + k + ">jaar|jaren|maand|maanden|week|weken)(?![\\p{L}])";
    }

    private static String fromDate(String k) {
        return "(?:vanaf|met\\s+ingang\\s+van|per)\\s+(?:(?<d" + k + ">\\d{1,2})\\s+)?(?<m" + k + ">" + DutchDates.MONTH_PATTERN
                + ")\\s+(?<y" + k + ">(?:19|20)\\d{2})(?!\\d)";
    }

    /**
     * An anaphor's sentence says the Netherlands contributes when it has a contribution cue and no negation:
     * "Nederland draagt met twee experts bij aan de missie", "Deze bijdrage wordt voortgezet". A negation is not
     * read as an explicit "no": the sentence may be about one part of the contribution.
     */
    private static int anaphorContribution(SentenceWords sentence) {
        List<String> words = sentence.words();
        boolean cue = words.contains("bijdrage") || hasContributionCue(words);
        boolean dutch = words.contains("nederland") || words.contains("nederlandse") || words.contains("kabinet")
                || words.contains("bijdrage");
        return cue && dutch && !negated(words) && !hypothetical(words) ? 1 : 0;
    }

    /** "(EUMM Georgia), waaraan Nederland ... bijdraagt": +1, or -1 when that clause says "niet" or "geen". */
    private static int contributionAfter(SentenceWords sentence, int mentionStart, int mentionEnd) {
        String s = sentence.text();
        Matcher after = CONTRIBUTION_AFTER.matcher(s).region(mentionEnd, s.length());
        if (!after.lookingAt()) {
            after = FRONTED_TARGET_AFTER.matcher(s).region(mentionEnd, s.length());
            // "Aan de EU ... Mission in Libya (EUBAM Libya) levert de KMar een functionaris": the target first
            if (!after.lookingAt() || !FRONTED_TARGET_BEFORE.matcher(s).region(0, mentionStart).find()) {
                return 0;
            }
        }
        int end = after.end();
        while (end < s.length() && ",;.".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return negated(sentence.words(after.end(), end)) ? -1 : 1;
    }

    private static boolean hasContributionCue(List<String> words) {
        return firstContributionCue(words) >= 0;
    }

    /**
     * Index of the first word that says the Netherlands contributes, or -1. A negation right before a cue noun
     * ("geen bijdrage") counts as part of it, so that it stands between the cue and the mission.
     */
    private static int firstContributionCue(List<String> words) {
        int dragen = -1;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (CONTRIBUTION_WORDS.contains(w)) {
                return i > 0 && isNegation(words, i - 1) ? i - 1 : i;
            }
            // "draagt (met twee experts) bij": the separable verb, split around its object
            if (w.equals("draagt") || w.equals("dragen")) {
                dragen = dragen < 0 ? i : dragen;
            } else if (dragen >= 0 && w.equals("bij")) {
                return dragen;
            }
            // multi-word cues ("neemt deel", "bij te dragen"): only build the phrases where one can start
            if (!MULTI_WORD_CUE_STARTS.contains(w)) {
                continue;
            }
            if ((i + 1 < words.size() && CONTRIBUTION_WORDS.contains(w + " " + words.get(i + 1)))
                    || (i + 2 < words.size() && CONTRIBUTION_WORDS.contains(w + " " + words.get(i + 1) + " " + words.get(i + 2)))) {
                return i > 0 && isNegation(words, i - 1) ? i - 1 : i; // "besloten niet bij te dragen"
            }
        }
        return -1;
    }

    private static boolean isNegation(List<String> words, int i) {
        String w = words.get(i);
        return w.equals("geen") || w.equals("evenmin")
                || (w.equals("niet") && !(i + 1 < words.size() && words.get(i + 1).equals("alleen")));
    }

    /** "geen aanleiding", "geen voornemen", "niet voornemens", "niet van plan": the words before a contribution cue. */
    private static boolean declinedIntent(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (isNegation(words, i) && (INTENT_WORDS.contains(words.get(i + 1))
                    || (i + 2 < words.size() && words.get(i + 1).equals("van") && words.get(i + 2).equals("plan")))) {
                return true;
            }
        }
        return false;
    }

    /** "geen" or "niet" (not "niet alleen") that no later "maar" or "wel" takes back. */
    private static boolean negated(List<String> words) {
        boolean negated = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (isNegation(words, i)) {
                negated = true;
            } else if (w.equals("maar") || w.equals("wel")) {
                negated = false;
            }
        }
        return negated;
    }

    /**
     * The mission nearest to a head-count that the count may belong to: not across a ";" and not across a
     * negation ("...; deze oefening maakte geen deel uit van de eFP-bijdrage"). Null when there is none.
     */
    private static Facts nearestLinked(SentenceWords sentence, Map<Mention, Facts> mentions, int start, int end) {
        String s = sentence.text();
        // "... en een stafofficier aan het hoofdkwartier van de Kosovo Force (KFOR)": people sent to a mission named
        // after them belong to it, however close another mission stands before them
        Facts sentTo = null;
        int sentToStart = Integer.MAX_VALUE;
        for (Map.Entry<Mention, Facts> e : mentions.entrySet()) {
            Mention m = e.getKey();
            if (m.start() >= end && m.start() < sentToStart && m.start() - end <= SENT_TO_REACH
                    && SENT_TO.matcher(s).region(end, m.start()).matches()) {
                sentTo = e.getValue();
                sentToStart = m.start();
            }
        }
        if (sentTo != null) {
            return sentTo;
        }
        Facts best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<Mention, Facts> e : mentions.entrySet()) {
            Mention m = e.getKey();
            int from = m.end() <= start ? m.end() : Math.min(end, m.start());
            int to = m.end() <= start ? start : Math.max(end, m.start());
            int distance = to - from;
            // the implied mention stands for the whole sentence: a ";" does not part a count from it
            boolean acrossSemicolon = !isImplied(m) && s.substring(from, to).indexOf(';') >= 0;
            if (distance >= bestDistance || acrossSemicolon || negated(sentence.words(from, to))) {
                continue;
            }
            bestDistance = distance;
            best = e.getValue();
        }
        return best;
    }

    /** Next "tot" or "t/m" starting a word, or -1. */
    private static int nextUntil(String lower, int from) {
        int tot = lower.indexOf("tot", from);
        while (tot > 0 && Character.isLetter(lower.charAt(tot - 1))) {
            tot = lower.indexOf("tot", tot + 1);
        }
        int tm = lower.indexOf("t/m", from);
        return tot < 0 ? tm : tm < 0 ? tot : Math.min(tot, tm);
    }

    /**
     * "bijdrage ... aan [de] MISSION": the text right before the mention ends in a linking preposition, and a
     * contribution word stands at most 80 characters before it within the same clause.
     */
    private static int contributionBefore(SentenceWords sentence, int mentionStart) {
        // asked for one mention by the letter's topic, by the declined missions and when reading the contribution
        return sentence.cueBefore().computeIfAbsent(mentionStart, start -> readContributionBefore(sentence, start));
    }

    private static int readContributionBefore(SentenceWords sentence, int mentionStart) {
        String s = sentence.text();
        int end = lastNonSpace(s, mentionStart);
        int wordStart = wordStartBefore(s, end);
        String word = s.substring(wordStart, end).toLowerCase(Locale.ROOT);
        // "bijdrage aan de NAVO-activiteit Baltic Sentry": the kind of mission written before its name
        if (word.endsWith("missie") || word.endsWith("operatie") || word.endsWith("activiteit") || word.endsWith("macht")
                || word.equals("operation")) {
            end = lastNonSpace(s, tokenStartBefore(s, wordStart));
            // and the adjectives before it: "aan de EU-geleide operatie EUFOR Althea", "de maritieme EU-missie"
            for (int adjectives = 0; adjectives < 2; adjectives++) {
                int tokenStart = tokenStartBefore(s, end);
                String token = s.substring(tokenStart, end);
                if (token.length() < 3 || !token.endsWith("e") || !Character.isLowerCase(token.charAt(token.length() - 2))
                        || token.equalsIgnoreCase("de")) {
                    break;
                }
                end = lastNonSpace(s, tokenStart);
            }
            wordStart = wordStartBefore(s, end);
            word = s.substring(wordStart, end).toLowerCase(Locale.ROOT);
        }
        if (word.equals("de") || word.equals("het")) {
            end = lastNonSpace(s, wordStart);
            wordStart = wordStartBefore(s, end);
            word = s.substring(wordStart, end).toLowerCase(Locale.ROOT);
        }
        if (!LINKING_PREPOSITIONS.contains(word)) {
            return 0;
        }
        int from = Math.max(0, wordStart - 80);
        for (int i = wordStart - 1; i >= from; i--) {
            // a full stop inside a sentence ends a clause only before a capital: "ca. 60 instructeurs" goes on
            if (s.charAt(i) == ';' || (s.charAt(i) == '.' && startsWithCapital(s, i + 1))) {
                from = i + 1;
                break;
            }
        }
        List<String> words = sentence.words(from, wordStart);
        int cue = firstContributionCue(words);
        // "Het kabinet heeft overwogen een bijdrage te leveren aan ...": considered, not made
        if (cue < 0 || hypothetical(words.subList(0, cue))) {
            return 0;
        }
        // "van" after something else than the cue names a part of the mission: contributing to the part ("vier
        // agenten aan de politiecomponent van UNMISS") is contributing to the mission, but a no to the part ("geen
        // bijdrage aan de Maritime Task Force (MTF) van UNIFIL") is no no to the mission
        boolean part = word.equals("van") && !CONTRIBUTION_WORDS.contains(words.get(words.size() - 1));
        if (!words.contains("geen") && !words.contains("niet") && !words.contains("evenmin")) {
            return 1;
        }
        // "het kabinet ziet geen aanleiding een bijdrage aan UNMIK te overwegen": a contribution that is not intended
        if (declinedIntent(words.subList(0, cue))) {
            return part ? 0 : -1;
        }
        // "Nederland levert momenteel geen bijdrage aan Irini": a negation between the cue and the mission, in the
        // same clause; "geen impact op de bijdragen van Nederland aan OIR" does not negate the contribution
        int clause = s.lastIndexOf(',', wordStart - 1);
        int clauseWords = clause < from ? 0 : words.size() - sentence.words(clause + 1, wordStart).size();
        return negated(words.subList(Math.max(cue, clauseWords), words.size())) ? (part ? 0 : -1) : 1;
    }

    /**
     * A sentence with what the rules read from it again and again, worked out once: its lower-case form, its words
     * and its head-count. A sentence about a mission goes through a dozen rules; each used to lower-case the
     * sentence and make a list of new strings of its words.
     */
    private static final class SentenceWords {
        private final String text;
        private String lower;
        /** The words (runs of letters) in lower case, and where each stands in the text. */
        private List<String> words;
        private int[] starts;
        private int[] ends;
        private int[] headCount;
        private boolean headCountRead;
        /** {@link #contributionBefore} by mention start. */
        private Map<Integer, Integer> cueBefore;

        SentenceWords(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }

        String lower() {
            if (lower == null) {
                lower = text.toLowerCase(Locale.ROOT);
            }
            return lower;
        }

        /** The first "N &lt;personnel noun&gt;": {count, start of the number}, or null (see {@link #headCountIn}). */
        int[] headCount() {
            if (!headCountRead) {
                headCount = headCountIn(text, lower());
                headCountRead = true;
            }
            return headCount;
        }

        Map<Integer, Integer> cueBefore() {
            if (cueBefore == null) {
                cueBefore = new HashMap<>(4);
            }
            return cueBefore;
        }

        /** All words of the sentence, in lower case. */
        List<String> words() {
            split();
            return words;
        }

        /** The words of {@code text[from, to)}: a word cut by either bound counts with the part inside it. */
        List<String> words(int from, int to) {
            split();
            int first = firstEndingAfter(from);
            int last = first;
            while (last < starts.length && starts[last] < to) {
                last++;
            }
            if (first == last) {
                return List.of();
            }
            boolean cutAtStart = starts[first] < from;
            boolean cutAtEnd = ends[last - 1] > to;
            if (!cutAtStart && !cutAtEnd) {
                return words.subList(first, last);
            }
            List<String> cut = new ArrayList<>(words.subList(first, last));
            if (cutAtStart) {
                cut.set(0, text.substring(from, Math.min(ends[first], to)).toLowerCase(Locale.ROOT));
            }
            if (cutAtEnd) {
                cut.set(cut.size() - 1, text.substring(Math.max(starts[last - 1], from), to).toLowerCase(Locale.ROOT));
            }
            return cut;
        }

        /** Index of the first word that ends after {@code from}; the number of words when there is none. */
        private int firstEndingAfter(int from) {
            int lo = 0;
            int hi = ends.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ends[mid] <= from) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private void split() {
            if (words != null) {
                return;
            }
            Words found = wordsOf(text, 0, text.length());
            words = found.lowerCase();
            starts = found.starts();
            ends = found.ends();
        }
    }

    /** The words (runs of letters) of a text in lower case, and where each starts and ends. */
    private record Words(List<String> lowerCase, int[] starts, int[] ends) {
    }

    /** The words (runs of letters) of {@code s[from, to)}. */
    private static Words wordsOf(String s, int from, int to) {
        List<String> found = new ArrayList<>();
        int[] starts = new int[32];
        int[] ends = new int[32];
        int n = 0;
        int i = from;
        while (i < to) {
            if (!Character.isLetter(s.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < to && Character.isLetter(s.charAt(end))) {
                end++;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = i;
            ends[n] = end;
            n++;
            found.add(s.substring(i, end).toLowerCase(Locale.ROOT));
            i = end;
        }
        return new Words(found, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    private static boolean isPersonnelCompound(String word) {
        for (String head : PERSONNEL_COMPOUND_HEADS) {
            if (word.length() > head.length() + 2 && word.endsWith(head)) {
                return true;
            }
        }
        return false;
    }

    /** Positions {start, end} of words that count people, including compounds such as "beroepsmilitairen". */
    private static List<int[]> personnelNouns(String lower) {
        List<int[]> nouns = new ArrayList<>();
        for (String stem : PERSONNEL_NOUNS) {
            String needle = stem.trim();
            for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
                int start = at;
                while (start > 0 && Character.isLetter(lower.charAt(start - 1))) {
                    start--;
                }
                int end = at + needle.length();
                while (end < lower.length() && Character.isLetter(lower.charAt(end))) {
                    end++;
                }
                String word = lower.substring(start, end);
                boolean noun = PERSONNEL_NOUN_WORDS.contains(word) || isPersonnelCompound(word);
                final int wordStart = start;
                if (noun && nouns.stream().noneMatch(n -> n[0] == wordStart)) {
                    nouns.add(new int[]{start, end});
                }
            }
        }
        nouns.sort((x, y) -> Integer.compare(x[0], y[0]));
        return nouns;
    }

    /**
     * The count written right before a personnel noun, skipping one adjective: "circa 145 militairen", "een
     * stafofficier", "ongeveer vijftig Nederlandse militairen". Returns {count, start of the number} or null.
     */
    private static int[] numberBefore(String s, int nounStart) {
        int end = nounStart;
        for (int words = 0; words < 2; words++) {
            end = lastNonSpace(s, end);
            int start = end;
            while (start > 0 && (Character.isLetterOrDigit(s.charAt(start - 1)) || s.charAt(start - 1) == '.'
                    || s.charAt(start - 1) == '-')) {
                start--;
            }
            String token = s.substring(start, end);
            if (token.endsWith(".")) {
                return null; // the end of a sentence or an abbreviation, not a number
            }
            Integer value = DutchNumbers.parse(token);
            if (value != null) {
                // "sinds 1956 waarnemers", "in 2026 twaalf militairen": a year, not a head-count
                return isYear(token, 0) && token.length() == 4 ? null : new int[]{value, start};
            }
            if (!PERSONNEL_ADJECTIVES.contains(token.toLowerCase(Locale.ROOT)) && !isAttributiveAdjective(token)) {
                return null;
            }
            end = start;
        }
        return null;
    }

    private static boolean startsWithCapital(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i < s.length() && Character.isUpperCase(s.charAt(i));
    }

    /** Start of the run of letters, hyphens and slashes ending at {@code end}: "EU-geleide", "NAVO/WEU-operatie". */
    private static int tokenStartBefore(String s, int end) {
        int start = end;
        while (start > 0 && (Character.isLetter(s.charAt(start - 1)) || s.charAt(start - 1) == '-' || s.charAt(start - 1) == '/')) {
            start--;
        }
        return start;
    }

    /** "een maritiem-juridisch adviseur", "twee ervaren rechercheurs": a lower-case word describing the people. */
    private static boolean isAttributiveAdjective(String token) {
        if (token.length() < 4 || !Character.isLowerCase(token.charAt(0)) || NOT_ADJECTIVES.contains(token)) {
            return false;
        }
        return token.indexOf('-') > 0 || token.endsWith("e") || token.endsWith("isch");
    }

    private static int wordStartBefore(String s, int end) {
        int start = end;
        while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static boolean containsAny(String text, String[] needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate periodEnd(String day, String month, String year) {
        int y = Integer.parseInt(year);
        if (month == null) {
            return LocalDate.of(y, 12, 31);
        }
        if (day != null) {
            return DutchDates.of(day, month, year);
        }
        Integer mo = DutchDates.month(month);
        return mo == null ? null : DutchDates.endOfMonth(y, mo);
    }

    private static Facts nearest(Map<Mention, Facts> mentions, int start, int end) {
        Facts best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<Mention, Facts> e : mentions.entrySet()) {
            Mention m = e.getKey();
            int distance = m.end() <= start ? start - m.end() : Math.max(0, m.start() - end);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = e.getValue();
            }
        }
        return best;
    }

    /** The country a letter is about: named at least three times and more often than any other. */
    private String dominantCountry(List<Sentence> sentences, NormalisedText text) {
        Map<String, Integer> counts = new HashMap<>();
        char[] body = text.body().toCharArray(); // each sentence is body[start, end): scanned in place, not copied
        for (Sentence s : sentences) {
            for (PhraseIndex.Hit<String> hit : gazetteer.findCountries(body, s.start(), s.end())) {
                counts.merge(hit.value(), 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 2;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
