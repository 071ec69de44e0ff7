package nl.kamerstroom.store.model;

import java.time.LocalDate;

/** A mission or operation a letter describes or mentions (see {@code Mission.avsc}). */
public record Mission(
        String entityId,
        String letterId,
        String extractorVersion,
        double confidence,
        Evidence evidence,
        String name,
        String acronym,
        String organisation,
        String country,
        Integer personnel,
        LocalDate start,
        LocalDate end,
        boolean dutchContribution) {
}
