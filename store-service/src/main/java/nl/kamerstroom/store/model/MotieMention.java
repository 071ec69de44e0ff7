package nl.kamerstroom.store.model;

/** A motie as one letter refers to it, with that letter. */
public record MotieMention(LetterReference letter, Motie motie) {
}
