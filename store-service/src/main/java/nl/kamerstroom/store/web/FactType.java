package nl.kamerstroom.store.web;

/** The kinds of fact the page highlights, each with its own colour (CSS class {@code hl-<cssName>}). */
public enum FactType {
    MISSION("mission", "Missie"),
    BUDGET("budget", "Budget"),
    MOTIE("motie", "Motie");

    private final String cssName;
    private final String label;

    FactType(String cssName, String label) {
        this.cssName = cssName;
        this.label = label;
    }

    public String cssName() {
        return cssName;
    }

    public String label() {
        return label;
    }
}
