package nl.kamerstroom.store.model;

/** A signatory of a letter. */
public record Sender(String role, String name) {
}
