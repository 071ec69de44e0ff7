package nl.kamerstroom.store.model;

/** The symbols of the Avro {@code Chamber} enum, which the store keeps by name; what a chamber filter accepts. */
public enum Chamber {
    TWEEDE_KAMER,
    EERSTE_KAMER,
    UNKNOWN
}
