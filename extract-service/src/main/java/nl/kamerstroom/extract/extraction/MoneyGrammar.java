package nl.kamerstroom.extract.extraction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money in Dutch text, valued in whole euros: "18,3 miljoen euro", "€ 1,2 mld.", "EUR 3,5 miljard",
 * "€ 535 000", "€ 2.475 miljoen", "€ 24,-", "12 mln euro", "€ 100 mln.", "twee miljard euro". An amount needs a
 * currency (€, EUR, euro): dossier numbers, dates, percentages, fte counts are never money.
 */
final class MoneyGrammar {

    /** An amount and where it was written. */
    record Amount(long euros, int start, int end) {
    }

    /** Thousands with "." or (non-breaking) space, optional decimals; or plain digits with a decimal comma/point. */
    private static final String NUMBER = "(?:\\d{1,3}(?:[. \u00A0]\\d{3})+(?!\\d)(?:,\\d+)?|\\d+(?:[,.]\\d+)?)";
    /** Only abbreviations keep their full stop ("€ 1,2 mld."); after "miljoen" it ends the sentence. */
    private static final String SCALE = "(?:(?:miljoen|miljard|biljoen|duizend)(?![\\p{L}])|(?:mln|mio|mld|mrd|dzd|k)(?![\\p{L}])\\.?)";
    private static final String WORD = "(?:anderhalf|(?:een\\s+)?half|" + DutchNumbers.WORD_PATTERN + ")";
    private static final String EURO_WORD = "(?:[Ee]uro(?:'s|’s)?|EUR)(?![\\p{L}])";

    /** Currency first: "€ 1,2 mld.", "EUR 3,5 miljard", "€ 24,-", "€ 535 000", "€ 100 mln. euro". */
    private static final Pattern CURRENCY_FIRST = Pattern.compile(
            "(?:€|EUR(?![\\p{L}]))\\s*(?<n1>" + NUMBER + ")(?<dash1>,\\s?[-–])?(?:\\s*(?<s1>" + SCALE + "))?(?:\\s+" + EURO_WORD + ")?");
    /** Currency last: "18,3 miljoen euro", "12 mln euro", "twee miljard euro", "535.000 euro", "24,- euro". */
    private static final Pattern CURRENCY_LAST = Pattern.compile(
            "(?<![\\d.,])(?<n2>" + NUMBER + ")\\s*(?<s2>" + SCALE + ")\\s+" + EURO_WORD
                    + "|(?<![\\p{L}])(?<w3>" + WORD + ")\\s+(?<s3>" + SCALE + ")\\s+" + EURO_WORD
                    + "|(?<![\\d.,])(?<n4>" + NUMBER + ")(?<dash4>,\\s?[-–])?\\s+" + EURO_WORD);
    /** How far before "euro" the number of a currency-last amount may start ("een half miljoen euro"). */
    private static final int CURRENCY_LAST_REACH = 40;

    /** "€ 10 à 15 miljoen": the scale written after the second number applies to the first one too. */
    private static final Pattern RANGE_SCALE = Pattern.compile(
            "\\s*(?:à|a|-|–|tot(?:\\s+en\\s+met)?|en)\\s*(?<currency>€\\s*)?(?<upper>" + NUMBER + ")\\s*(?<scale>" + SCALE + ")");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:[. ]\\d{3})+(?:,\\d+)?");
    /** "-/-" or a minus sign; not a dash, which opens list items ("- € 5 miljoen voor ..."). */
    private static final Pattern NEGATIVE_BEFORE = Pattern.compile("(?:-/-|\u2212)\\s*$");
    /** "(bedragen x € 1.000)" is a table unit, not an amount. */
    private static final Pattern TABLE_UNIT_BEFORE = Pattern.compile("(?:x|×)\\s*$", Pattern.CASE_INSENSITIVE);

    /** Cheap test that lets sentences without a currency skip the grammar: most sentences have none. */
    static boolean mayContainMoney(String text) {
        return text.indexOf('€') >= 0 || text.indexOf("euro") >= 0 || text.indexOf("EUR") >= 0;
    }

    /**
     * Amounts in reading order. The patterns are tried only at the currency signs and words, never at every
     * position of the text: general regex scanning is what made this slow.
     */
    List<Amount> find(String text) {
        List<Amount> amounts = new ArrayList<>();
        Matcher first = CURRENCY_FIRST.matcher(text).useTransparentBounds(true);
        Matcher last = CURRENCY_LAST.matcher(text).useTransparentBounds(true);
        int done = 0;
        for (int at = nextCurrency(text, 0); at >= 0; at = nextCurrency(text, at + 1)) {
            if (at < done) {
                continue;
            }
            if (first.region(at, text.length()).lookingAt()) {
                if (TABLE_UNIT_BEFORE.matcher(text.substring(Math.max(0, at - 3), at)).find()) {
                    done = first.end();
                    continue;
                }
                String scale = first.group("s1");
                // "-/- € 4 miljoen": a reduction written as a negative amount
                int sign = NEGATIVE_BEFORE.matcher(text).region(Math.max(0, at - 6), at).find() ? -1 : 1;
                if (scale == null) {
                    Matcher range = RANGE_SCALE.matcher(text);
                    range.region(first.end(), text.length());
                    if (range.lookingAt()) {
                        scale = range.group("scale");
                        if (range.group("currency") == null) {
                            // "€ 10 à 15 miljoen": one estimate, valued at its upper bound and quoted whole
                            add(amounts, sign * euros(number(range.group("upper")), scale), first.start(), range.end());
                            done = range.end();
                            continue;
                        }
                    }
                }
                add(amounts, sign * euros(number(first.group("n1")), scale), first.start(), first.end());
                done = first.end();
                continue;
            }
            if (text.charAt(at) == '€') {
                continue;
            }
            // a currency word: the amount is written before it
            last.region(Math.max(done, at - CURRENCY_LAST_REACH), Math.min(text.length(), at + 6));
            while (last.find()) {
                if (last.end() > at) {
                    BigDecimal value = last.group("n2") != null ? number(last.group("n2"))
                            : last.group("w3") != null ? word(last.group("w3")) : number(last.group("n4"));
                    String scale = last.group("n2") != null ? last.group("s2") : last.group("w3") != null ? last.group("s3") : null;
                    if (value != null) {
                        add(amounts, euros(value, scale), last.start(), last.end());
                        done = last.end();
                    }
                    break;
                }
            }
        }
        return amounts;
    }

    private static void add(List<Amount> amounts, long euros, int start, int end) {
        if (euros != 0) {
            amounts.add(new Amount(euros, start, end));
        }
    }

    /** Next "€", "EUR", "euro" or "Euro" at or after {@code from} that starts a word; -1 when none. */
    private static int nextCurrency(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '€') {
                return i;
            }
            if ((c == 'E' || c == 'e') && (i == 0 || !Character.isLetter(text.charAt(i - 1)))
                    && (text.startsWith("EUR", i) || text.startsWith("uro", i + 1))) {
                return i;
            }
        }
        return -1;
    }

    private static long euros(BigDecimal value, String scale) {
        return value.multiply(BigDecimal.valueOf(multiplier(scale))).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Dutch notation: "2.475" and "535 000" are thousands, "18,3" and "1.5" decimals. */
    static BigDecimal number(String written) {
        String s = written.replace('\u00A0', ' ');
        if (THOUSANDS.matcher(s).matches()) {
            return new BigDecimal(Strings.without(s, ". ").replace(',', '.'));
        }
        return new BigDecimal(s.replace(',', '.'));
    }

    private static BigDecimal word(String written) {
        String w = Strings.collapseWhitespace(written.toLowerCase(Locale.ROOT));
        if (w.equals("anderhalf")) {
            return new BigDecimal("1.5");
        }
        if (w.endsWith("half")) {
            return new BigDecimal("0.5");
        }
        Integer v = DutchNumbers.parseWord(w);
        return v == null ? null : BigDecimal.valueOf(v);
    }

    private static long multiplier(String scale) {
        if (scale == null) {
            return 1;
        }
        String s = scale.toLowerCase(Locale.ROOT).replace(".", "");
        return switch (s) {
            case "miljoen", "mln", "mio" -> 1_000_000L;
            case "miljard", "mld", "mrd" -> 1_000_000_000L;
            case "biljoen" -> 1_000_000_000_000L;
            case "duizend", "dzd", "k" -> 1_000L;
            default -> 1;
        };
    }
}
