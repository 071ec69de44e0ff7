package nl.kamerstroom.store.model;

/** How far a letter has come through the pipeline, as far as this store has seen. */
public enum LetterStatus {

    /** Only {@code letters.received} has been seen. */
    RECEIVED,
    /** {@code letters.extracted} has been seen, but not every entity it lists is stored yet. */
    EXTRACTED,
    /** Extracted, and every entity the extraction lists is stored. */
    STORED,
    /** Extraction gave up on the letter (it is on {@code letters.received-dlt}) and has not succeeded since. */
    FAILED;

    /**
     * The status of a letter whose extraction (if any) lists entities of which {@code allListedEntitiesStored} tells
     * whether they have all arrived. Topics are read independently, so entities can arrive before or after their letter.
     */
    public static LetterStatus of(boolean extracted, boolean allListedEntitiesStored) {
        return of(extracted, allListedEntitiesStored, false);
    }

    /** As {@link #of(boolean, boolean)}, where {@code failedSinceExtracted} says extraction failed after any success. */
    public static LetterStatus of(boolean extracted, boolean allListedEntitiesStored, boolean failedSinceExtracted) {
        if (failedSinceExtracted) {
            return FAILED;
        }
        if (!extracted) {
            return RECEIVED;
        }
        return allListedEntitiesStored ? STORED : EXTRACTED;
    }
}
