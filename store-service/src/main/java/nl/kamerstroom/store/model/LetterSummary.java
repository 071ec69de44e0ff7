package nl.kamerstroom.store.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A letter in a list: its metadata and how many facts its latest extraction names that are stored.
 * Fields from a topic that has not been seen for the letter yet are null.
 */
public record LetterSummary(
        String letterId,
        LetterStatus status,
        String dossier,
        String dossierTitle,
        String documentNumber,
        String chamber,
        String sessionYear,
        LocalDate date,
        Instant receivedAt,
        Instant extractedAt,
        int missionCount,
        int budgetCount,
        int motieCount) {
}
