package nl.kamerstroom.store.reextraction;

import java.time.Instant;
import java.util.UUID;

/**
 * How far a re-extraction job is.
 *
 * @param selection   which letters were asked for
 * @param requested   letters chosen: for one letter or a dossier those the store knows; for all letters, those found
 *                    on {@code letters.received} (0 until the topic has been read)
 * @param republished letters whose record has been republished to {@code letters.received} and acknowledged
 * @param done        republished letters extracted again after {@code startedAt} with every entity stored
 * @param missing     chosen letters the store knows but {@code letters.received} no longer holds; these cannot be replayed
 * @param finishedAt  when the job became DONE or FAILED, as far as this store has seen; null while RUNNING
 * @param failure     why the job FAILED; null otherwise
 */
public record ReextractionProgress(
        UUID jobId,
        String selection,
        ReextractionState state,
        int requested,
        int republished,
        int done,
        int missing,
        Instant startedAt,
        Instant finishedAt,
        String failure) {
}
