package nl.kamerstroom.store.reextraction;

public enum ReextractionState {
    /** Republishing, or waiting for the republished letters to be extracted and stored again. */
    RUNNING,
    /** Every republished letter was extracted after the job started and is stored. */
    DONE,
    /** Republishing stopped with an error; letters republished before it may still be extracted. */
    FAILED
}
