package nl.kamerstroom.store.reextraction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The state of one re-extraction, written by the thread that republishes and read by requests. Whether the
 * republished letters are done is not kept here but counted from the read model when asked.
 */
final class ReextractionJob implements LetterRepublisher.Progress {

    private final UUID id = UUID.randomUUID();
    private final LetterSelection selection;
    private final Instant startedAt;
    /** For one letter or a dossier, the letters the store knew at start; for all letters, null until the topic is read. */
    private Set<String> requested;
    /** The chosen letters on the topic; null until the topic has been read. */
    private Set<String> found;
    private final Set<String> republished = new LinkedHashSet<>();
    private boolean republishing = true;
    private String failure;
    private Instant finishedAt;

    ReextractionJob(LetterSelection selection, Set<String> requested, Instant startedAt) {
        this.selection = selection;
        this.requested = requested;
        this.startedAt = startedAt;
    }

    UUID id() {
        return id;
    }

    Instant startedAt() {
        return startedAt;
    }

    synchronized boolean isChosen(String letterId) {
        return requested == null || requested.contains(letterId);
    }

    @Override
    public synchronized void found(Set<String> letterIds) {
        found = Set.copyOf(letterIds);
        if (requested == null) {
            requested = found;
        }
    }

    @Override
    public synchronized void republished(String letterId) {
        republished.add(letterId);
    }

    synchronized void republishingFinished() {
        republishing = false;
    }

    synchronized void failed(Throwable cause) {
        republishing = false;
        failure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        finishedAt = Instant.now();
    }

    synchronized List<String> republishedLetterIds() {
        return new ArrayList<>(republished);
    }

    /** The progress, given how many republished letters are {@code done}; marks the job DONE when all are. */
    synchronized ReextractionProgress progress(int done) {
        ReextractionState state;
        if (failure != null) {
            state = ReextractionState.FAILED;
        } else if (!republishing && done >= republished.size()) {
            state = ReextractionState.DONE;
            if (finishedAt == null) {
                finishedAt = Instant.now();
            }
        } else {
            state = ReextractionState.RUNNING;
        }
        int requestedCount = requested == null ? 0 : requested.size();
        int missing = found == null ? 0 : (int) requested.stream().filter(id -> !found.contains(id)).count();
        return new ReextractionProgress(id, selection.toString(), state, requestedCount, republished.size(), done, missing,
                startedAt, finishedAt, failure);
    }
}
