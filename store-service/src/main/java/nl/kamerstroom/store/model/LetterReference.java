package nl.kamerstroom.store.model;

import java.time.LocalDate;

/**
 * The letter a fact was read from, as much of it as a list of facts needs to place the fact. Fields from
 * {@code letters.extracted} are null until it arrives.
 */
public record LetterReference(
        String letterId,
        String dossier,
        String dossierTitle,
        String documentNumber,
        String chamber,
        LocalDate date) {
}
