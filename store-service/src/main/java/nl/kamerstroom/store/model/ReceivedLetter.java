package nl.kamerstroom.store.model;

import java.time.Instant;

/** A letter as published on {@code letters.received}. */
public record ReceivedLetter(String letterId, Instant receivedAt, LetterSource source, String text) {
}
