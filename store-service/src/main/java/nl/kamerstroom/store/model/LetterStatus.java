package nl.kamerstroom.store.model;

/** How far a letter has come through the pipeline, as far as this store has seen. */
public enum LetterStatus {

    /** Only {@code letters.received} has been seen. */
    RECEIVED,
    /** {@code letters.extracted} has been seen, but the letter's text or an entity the extraction lists is not stored yet. */
    EXTRACTED,
    /** Complete: extracted, and the letter's text and every entity the extraction lists are stored. */
    STORED,
    /** Extraction gave up on the letter (it is on {@code letters.received-dlt}) and has not succeeded since. */
    FAILED;

    /**
     * The status of a letter whose extraction (if any) lists entities of which {@code allListedEntitiesStored} tells
     * whether they have all arrived, and whose text has arrived when {@code textStored}. Topics are read independently,
     * so entities and the extraction can arrive before or after the letter's text.
     */
    public static LetterStatus of(boolean extracted, boolean textStored, boolean allListedEntitiesStored) {
        return of(extracted, textStored, allListedEntitiesStored, false);
    }

    /** As {@link #of(boolean, boolean, boolean)}, where {@code failedSinceExtracted} says extraction failed after any success. */
    public static LetterStatus of(boolean extracted, boolean textStored, boolean allListedEntitiesStored, boolean failedSinceExtracted) {
        if (failedSinceExtracted) {
            return FAILED;
        }
        if (!extracted) {
            return RECEIVED;
        }
        return textStored && allListedEntitiesStored ? STORED : EXTRACTED;
    }
}
