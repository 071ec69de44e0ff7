package nl.kamerstroom.store.model;

/** The sentence an entity was read from, with its offsets into the letter text ({@code text.substring(start, end)}). */
public record Evidence(String quote, int start, int end) {
}
