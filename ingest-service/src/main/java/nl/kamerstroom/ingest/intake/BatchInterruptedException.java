package nl.kamerstroom.ingest.intake;

import java.util.List;

/**
 * Publishing became impossible in the middle of a batch. The documents accepted before that are stored; uploading the
 * whole batch again is safe, because their ids and records come out the same.
 */
public class BatchInterruptedException extends PublisherUnavailableException {

    private final transient List<BatchItem> completed;

    public BatchInterruptedException(PublisherUnavailableException cause, List<BatchItem> completed) {
        super(cause.getMessage(), cause);
        this.completed = List.copyOf(completed);
    }

    /** The items handled before publishing failed, accepted or rejected. */
    public List<BatchItem> completed() {
        return completed;
    }
}
