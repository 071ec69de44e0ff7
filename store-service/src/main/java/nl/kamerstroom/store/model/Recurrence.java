package nl.kamerstroom.store.model;

/** The symbols of the Avro {@code Recurrence} enum, which the store keeps by name; what a recurrence filter accepts. */
public enum Recurrence {
    STRUCTURAL,
    INCIDENTAL,
    UNKNOWN
}
