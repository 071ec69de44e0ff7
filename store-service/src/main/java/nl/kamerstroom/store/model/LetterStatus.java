package nl.kamerstroom.store.model;

/** How far a letter has come through the pipeline, as far as this store has seen. */
public enum LetterStatus {

    /** Only {@code letters.received} has been seen. */
    RECEIVED,
    /** {@code letters.extracted} has been seen, but not every entity it lists is stored yet. */
    EXTRACTED,
    /** Extracted, and every entity the extraction lists is stored. */
    STORED;

    /**
     * The status of a letter whose extraction (if any) lists entities of which {@code allListedEntitiesStored} tells
     * whether they have all arrived. Topics are read independently, so entities can arrive before or after their letter.
     */
    public static LetterStatus of(boolean extracted, boolean allListedEntitiesStored) {
        if (!extracted) {
            return RECEIVED;
        }
        return allListedEntitiesStored ? STORED : EXTRACTED;
    }
}
