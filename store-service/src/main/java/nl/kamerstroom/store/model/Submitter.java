package nl.kamerstroom.store.model;

/** A member who submitted a motie. */
public record Submitter(String name, String party) {
}
