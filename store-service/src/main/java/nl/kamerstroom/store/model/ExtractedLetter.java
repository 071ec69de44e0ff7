package nl.kamerstroom.store.model;

import java.time.Instant;

/** A letter as published on {@code letters.extracted}: its metadata and the ids of the entities of that extraction. */
public record ExtractedLetter(
        String letterId,
        Instant extractedAt,
        String extractorVersion,
        LetterMetadata metadata,
        EntityIds entityIds) {
}
