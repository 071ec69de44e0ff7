package nl.kamerstroom.ingest.intake;

/** Where accepted letters go. */
public interface LetterPublisher {

    /**
     * Publishes the letter and returns once it is durably stored (acknowledged by all in-sync replicas).
     *
     * @throws PublisherUnavailableException when the broker or the schema registry cannot be reached in time;
     *                                       the letter was not stored and the same call may succeed later
     */
    void publish(ReceivedLetter letter) throws PublisherUnavailableException;
}
