package nl.kamerstroom.store.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the page writes amounts and dates: the Dutch way, as the letters do. */
final class Formats {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);

    private Formats() {
    }

    /** "€ 18.300.000" */
    static String euros(long amount) {
        return "€ " + NumberFormat.getIntegerInstance(DUTCH).format(amount);
    }

    /** "€ 18,3 mln" for chart labels, where space is short. */
    static String eurosShort(long amount) {
        if (Math.abs(amount) >= 1_000_000_000L) {
            return "€ " + oneDecimal(amount / 1e9) + " mld";
        }
        if (Math.abs(amount) >= 1_000_000L) {
            return "€ " + oneDecimal(amount / 1e6) + " mln";
        }
        return euros(amount);
    }

    /** The Dutch word for a {@code Recurrence} symbol, as the letters write it. */
    static String recurrence(String symbol) {
        return switch (symbol) {
            case "STRUCTURAL" -> "structureel";
            case "INCIDENTAL" -> "incidenteel";
            default -> "onbekend";
        };
    }

    /** "22 november 2024", or a dash when unknown. */
    static String date(LocalDate date) {
        return date == null ? "–" : DATE.format(date);
    }

    private static String oneDecimal(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(DUTCH);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
