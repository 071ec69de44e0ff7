package nl.kamerstroom.extract.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;

/** Dutch dates: "22 november 2024", "juni 2025", "03-03-2003". */
final class DutchDates {

    static final String MONTH_PATTERN = "(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
            + "|jan\\.|feb\\.|mrt\\.|apr\\.|jun\\.|jul\\.|aug\\.|sep\\.|sept\\.|okt\\.|nov\\.|dec\\.)";

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januari", 1), Map.entry("februari", 2), Map.entry("maart", 3), Map.entry("april", 4),
            Map.entry("mei", 5), Map.entry("juni", 6), Map.entry("juli", 7), Map.entry("augustus", 8),
            Map.entry("september", 9), Map.entry("oktober", 10), Map.entry("november", 11), Map.entry("december", 12),
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mrt", 3), Map.entry("apr", 4), Map.entry("jun", 6),
            Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("okt", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private DutchDates() {
    }

    static Integer month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
    }

    /** A date from day (may be null), month name and year; null when it does not exist. */
    static LocalDate of(String day, String monthName, String year) {
        Integer month = month(monthName);
        if (month == null) {
            return null;
        }
        try {
            int y = Integer.parseInt(year);
            return day == null ? LocalDate.of(y, month, 1) : LocalDate.of(y, month, Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** "03-03-2003" or "3-3-2003" (day first, as Dutch web pages write it). */
    static LocalDate ofNumeric(String day, String month, String year) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    static LocalDate endOfMonth(int year, int month) {
        return YearMonth.of(year, month).atEndOfMonth();
    }
}
