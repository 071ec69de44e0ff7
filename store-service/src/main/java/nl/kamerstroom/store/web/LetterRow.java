package nl.kamerstroom.store.web;

import nl.kamerstroom.store.model.LetterSummary;

/** A letter as a row of the page's lists, with its values written out for people. */
public record LetterRow(String letterId, String date, String dossier, String title, String documentNumber,
                        String chamber, String status, int missions, int budgets, int moties) {

    static LetterRow of(LetterSummary letter) {
        return new LetterRow(letter.letterId(), Formats.date(letter.date()), letter.dossier(),
                title(letter),
                letter.documentNumber(), chamber(letter.chamber()), letter.status().name(),
                letter.missionCount(), letter.budgetCount(), letter.motieCount());
    }

    /** The dossier's title; for a letter without one, whether that is because it has not been extracted yet. */
    static String title(LetterSummary letter) {
        if (letter.dossierTitle() != null) {
            return letter.dossierTitle();
        }
        return letter.extractedAt() == null ? "(nog niet geëxtraheerd)" : "(zonder titel)";
    }

    static String chamber(String chamber) {
        if (chamber == null) {
            return "";
        }
        return switch (chamber) {
            case "TWEEDE_KAMER" -> "Tweede Kamer";
            case "EERSTE_KAMER" -> "Eerste Kamer";
            default -> "";
        };
    }
}
