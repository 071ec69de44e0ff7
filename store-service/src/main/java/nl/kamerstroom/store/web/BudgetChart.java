package nl.kamerstroom.store.web;

import java.util.ArrayList;
import java.util.List;

import nl.kamerstroom.store.model.BudgetTotal;

/**
 * A bar chart of a dossier's budgets per year, laid out for inline SVG: the page only places what is computed here.
 * Years without budgets between the first and last are shown as empty, so the bars read as a time line.
 */
public record BudgetChart(int width, int height, int baseline, List<Bar> bars) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int TOP = 24;
    private static final int BASELINE = HEIGHT - 28;
    private static final int MARGIN = 16;

    /**
     * @param x, y, barWidth, barHeight the bar's rectangle
     * @param labelX                    centre of the bar, where the year and amount labels stand
     */
    public record Bar(String year, String amount, String tooltip, int x, int y, int barWidth, int barHeight, int labelX) {
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    /** The chart of the totals of one dossier; totals without a year are left out (the table lists them). */
    static BudgetChart of(List<BudgetTotal> totals) {
        List<BudgetTotal> dated = totals.stream().filter(t -> t.year() != null).toList();
        if (dated.isEmpty()) {
            return new BudgetChart(WIDTH, HEIGHT, BASELINE, List.of());
        }
        int firstYear = dated.stream().mapToInt(BudgetTotal::year).min().orElseThrow();
        int lastYear = dated.stream().mapToInt(BudgetTotal::year).max().orElseThrow();
        long max = Math.max(1, dated.stream().mapToLong(BudgetTotal::amountEur).max().orElseThrow());
        int years = lastYear - firstYear + 1;
        int slot = (WIDTH - 2 * MARGIN) / years;
        int barWidth = Math.max(8, Math.min(80, slot * 2 / 3));
        List<Bar> bars = new ArrayList<>();
        for (int year = firstYear; year <= lastYear; year++) {
            int thisYear = year;
            long amount = dated.stream().filter(t -> t.year() == thisYear).mapToLong(BudgetTotal::amountEur).sum();
            int count = dated.stream().filter(t -> t.year() == thisYear).mapToInt(BudgetTotal::budgets).sum();
            int barHeight = (int) Math.round((double) amount / max * (BASELINE - TOP));
            int centre = MARGIN + slot * (year - firstYear) + slot / 2;
            bars.add(new Bar(Integer.toString(year), amount == 0 ? "" : Formats.eurosShort(amount),
                    year + ": " + Formats.euros(amount) + " in " + count + (count == 1 ? " budget" : " budgetten"),
                    centre - barWidth / 2, BASELINE - barHeight, barWidth, barHeight, centre));
        }
        return new BudgetChart(WIDTH, HEIGHT, BASELINE, bars);
    }
}
