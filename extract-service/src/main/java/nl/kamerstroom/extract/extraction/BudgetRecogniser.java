package nl.kamerstroom.extract.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.kamerstroom.extract.extraction.Extraction.Budget;
import nl.kamerstroom.extract.extraction.Extraction.Recurrence;

/**
 * Budgets: every amount of money in the body, with its recurrence (structureel, incidenteel, eenmalig, per jaar,
 * op jaarbasis), the year it applies to ("vanaf 2024", "in 2023", "voor 2025") and, when the sentence says so
 * plainly, its purpose. An amount restated later in the letter is the same budget.
 */
final class BudgetRecogniser {

    private static final String CUE = "structureel|structurele|incidenteel|incidentele|eenmalig|eenmalige|jaarlijks|jaarlijkse"
            + "|per\\s+jaar|op\\s+jaarbasis";
    private static final Pattern CUE_RIGHT_BEFORE = Pattern.compile("(?<![\\p{L}])(" + CUE + ")\\s+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CUE_RIGHT_AFTER = Pattern.compile("^\\s+(" + CUE + ")(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    /** A cue a few words away: "structureel een bedrag van € 5 mln", "€ 100 mln. die vanaf 2026 structureel ...". */
    private static final Pattern CUE_NEAR_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(" + CUE + ")(?:\\s+[\\p{L}.]+){1,4}\\s+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CUE_NEAR_AFTER = Pattern.compile(
            "(?<![\\p{L}])(structureel|incidenteel|eenmalig|jaarlijks|per\\s+jaar|op\\s+jaarbasis)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);
    /** The words that make a year the budget's year: "vanaf 2024", "in 2023", "voor 2025", "per 1 januari 2026". */
    private static final Pattern YEAR_INTRODUCTION = Pattern.compile(
            "(?<![\\p{L}])(?:vanaf|in|voor|per|over|sinds|tot\\s+en\\s+met|t/m)\\s+(?:het\\s+jaar\\s+)?(?:(?:\\d{1,2}\\s+)?"
                    + DutchDates.MONTH_PATTERN + "\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PURPOSE_AFTER = Pattern.compile(
            "^\\s*(?:(?:structureel|incidenteel|eenmalig|per\\s+jaar|extra|beschikbaar)\\s+)*"
                    + "(?:om\\s+te|ter|ten\\s+behoeve\\s+van|t\\.b\\.v\\.|bestemd\\s+voor|voor)\\s+"
                    + "([^.;:()\\d€]{6,220}?)(?=\\s*(?:[.;:(]|,\\s|$))",
            Pattern.CASE_INSENSITIVE);
    private static final String[] PURPOSE_NOUNS = {"uitgaven", "kosten", "middelen", "bijdrage", "investering", "subsidie"};
    private static final Pattern PURPOSE_BEFORE = Pattern.compile(
            "(?:^|\\s)(?:[Dd]e|[Hh]et)\\s+((?:[\\p{L}-]+\\s+){0,2}(?:" + String.join("|", PURPOSE_NOUNS) + ")"
                    + "\\s+(?:van|voor|aan)\\s+[^,.;€]{3,100}?)\\s+(?:worden|wordt|zijn|is|bedragen|bedraagt)\\b[^€]{0,40}$");

    private static final Pattern APPROXIMATION_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(?:circa|ca\\.|ruim|ongeveer|bijna|maximaal|minimaal|zo'n|ten\\s+minste|meer\\s+dan|minder\\s+dan)\\s+$",
            Pattern.CASE_INSENSITIVE);

    /** How far from the amount a year still belongs to it. */
    private static final int YEAR_WINDOW = 250;

    private final MoneyGrammar money = new MoneyGrammar();

    List<Budget> recognise(List<Sentence> sentences, NormalisedText text) {
        Map<Long, Budget> byAmount = new LinkedHashMap<>();
        for (Sentence sentence : sentences) {
            if (MoneyGrammar.mayContainMoney(sentence.text())) {
                addAmounts(sentence.text(), byAmount, () -> text.evidence(sentence.start(), sentence.end()));
            }
        }
        // "Het restant van € 265.433 valt vrij": footnotes state amounts too; their evidence is the footnote
        for (NormalisedText.Footnote footnote : text.footnotes()) {
            if (MoneyGrammar.mayContainMoney(footnote.text())) {
                addAmounts(footnote.text(), byAmount,
                        () -> text.originalEvidence(footnote.originalStart(), footnote.originalEnd()));
            }
        }
        return new ArrayList<>(byAmount.values());
    }

    private void addAmounts(String s, Map<Long, Budget> byAmount, Supplier<Extraction.Evidence> evidence) {
        List<MoneyGrammar.Amount> amounts = money.find(s);
        for (int k = 0; k < amounts.size(); k++) {
            MoneyGrammar.Amount amount = amounts.get(k);
            int windowStart = k > 0 ? amounts.get(k - 1).end() : 0;
            int windowEnd = k + 1 < amounts.size() ? amounts.get(k + 1).start() : s.length();
            Budget budget = budget(s, amount, windowStart, windowEnd, evidence.get());
            Budget earlier = byAmount.get(amount.euros());
            byAmount.put(amount.euros(), earlier == null ? budget : completed(earlier, budget));
        }
    }

    private static Budget budget(String s, MoneyGrammar.Amount amount, int windowStart, int windowEnd,
                                 Extraction.Evidence evidence) {
        int textStart = amount.start();
        int textEnd = amount.end();
        Recurrence recurrence = Recurrence.UNKNOWN;
        windowStart = Math.max(windowStart, amount.start() - 200); // only the words near the amount matter
        String before = s.substring(windowStart, amount.start());
        String after = s.substring(amount.end(), windowEnd);
        Matcher m;
        String lastWords = before.substring(Math.max(0, before.length() - 30));
        String nearWords = before.substring(Math.max(0, before.length() - 90));
        if ((m = CUE_RIGHT_BEFORE.matcher(lastWords)).find()) {
            recurrence = recurrence(m.group(1));
            textStart = amount.start() - lastWords.length() + m.start(1);
        } else if ((m = CUE_RIGHT_AFTER.matcher(after)).lookingAt()) { // anchored at "^": only position 0 can match
            recurrence = recurrence(m.group(1));
            textEnd = amount.end() + m.end(1);
        } else if ((m = CUE_NEAR_BEFORE.matcher(nearWords)).find()) {
            recurrence = recurrence(m.group(1));
        } else {
            String clause = clause(after);
            if ((m = CUE_NEAR_AFTER.matcher(clause)).find()) {
                recurrence = recurrence(m.group(1));
            }
        }
        // "ruim € 40 miljoen", "circa € 22,4 miljard": the amount as written keeps how exact it is
        Matcher approximation = APPROXIMATION_BEFORE.matcher(s.substring(Math.max(windowStart, textStart - 20), textStart));
        if (approximation.find()) {
            textStart -= approximation.end() - approximation.start();
        }
        String written = Strings.collapseWhitespace(s.substring(textStart, textEnd));
        return new Budget(amount.euros(), written, recurrence, year(s, amount), purpose(before, after), 0.9, evidence);
    }

    /** Up to the end of the clause: recurrence words past a semicolon belong to something else. */
    private static String clause(String after) {
        int end = after.length();
        int semicolon = after.indexOf(';');
        if (semicolon >= 0) {
            end = semicolon;
        }
        return after.substring(0, Math.min(end, 80));
    }

    private static Recurrence recurrence(String cue) {
        String c = cue.toLowerCase(Locale.ROOT);
        if (c.startsWith("incidente") || c.startsWith("eenmalig")) {
            return Recurrence.INCIDENTAL;
        }
        return Recurrence.STRUCTURAL;
    }

    /** The stated year nearest to the amount in its sentence. */
    private static Integer year(String s, MoneyGrammar.Amount amount) {
        int from = Math.max(0, amount.start() - YEAR_WINDOW);
        int to = Math.min(s.length(), amount.end() + YEAR_WINDOW);
        Matcher m = YEAR_INTRODUCTION.matcher(s).useTransparentBounds(true);
        Integer best = null;
        int bestDistance = Integer.MAX_VALUE;
        // find the years first, then check the words before each: cheaper than scanning with the full pattern
        for (int i = from; i + 4 <= to; i++) {
            if (!isYearAt(s, i)) {
                continue;
            }
            m.region(Math.max(0, i - 40), i);
            if (m.find()) {
                int end = i + 4;
                int distance = end <= amount.start() ? amount.start() - end : Math.max(0, m.start() - amount.end());
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = Integer.parseInt(s.substring(i, end));
                }
            }
            i += 3;
        }
        return best;
    }

    /** "2024" standing alone: not part of a longer number, not "2023/24". */
    private static boolean isYearAt(String s, int i) {
        char c0 = s.charAt(i);
        char c1 = s.charAt(i + 1);
        if (!((c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0'))
                || !Character.isDigit(s.charAt(i + 2)) || !Character.isDigit(s.charAt(i + 3))) {
            return false;
        }
        boolean before = i == 0 || !Character.isDigit(s.charAt(i - 1));
        boolean after = i + 4 == s.length() || (!Character.isDigit(s.charAt(i + 4)) && s.charAt(i + 4) != '/');
        return before && after;
    }

    private static String purpose(String before, String after) {
        Matcher m = PURPOSE_AFTER.matcher(after);
        if (m.lookingAt()) { // anchored at "^": only position 0 can match
            return firstWords(m.group(1), 16);
        }
        if (!mayNamePurposeBefore(before)) {
            return null;
        }
        m = PURPOSE_BEFORE.matcher(before);
        if (m.find()) {
            return Strings.collapseWhitespace(m.group(1));
        }
        return null;
    }

    /** False when {@link #PURPOSE_BEFORE} cannot match: it needs one of its nouns, as written. */
    private static boolean mayNamePurposeBefore(String before) {
        for (String noun : PURPOSE_NOUNS) {
            if (before.contains(noun)) {
                return true;
            }
        }
        return false;
    }

    private static String firstWords(String phrase, int max) {
        String[] words = Strings.WHITESPACE.split(phrase.trim());
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(max, words.length)));
    }

    /** The first mention stays the evidence; a restatement may add what the first mention left open. */
    private static Budget completed(Budget first, Budget later) {
        Recurrence recurrence = first.recurrence() != Recurrence.UNKNOWN ? first.recurrence() : later.recurrence();
        Integer year = first.year() != null ? first.year() : later.year();
        String purpose = first.purpose() != null ? first.purpose() : later.purpose();
        String written = first.recurrence() == Recurrence.UNKNOWN && later.recurrence() != Recurrence.UNKNOWN
                ? later.text() : first.text();
        return new Budget(first.amountEur(), written, recurrence, year, purpose, first.confidence(), first.evidence());
    }
}
