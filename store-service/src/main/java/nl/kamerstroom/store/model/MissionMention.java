package nl.kamerstroom.store.model;

/** A mission as one letter states it (personnel, period, evidence), with that letter. */
public record MissionMention(LetterReference letter, Mission mission) {
}
