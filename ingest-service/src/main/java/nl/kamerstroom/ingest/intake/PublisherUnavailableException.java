package nl.kamerstroom.ingest.intake;

/** Letters cannot be published right now (broker or schema registry unreachable); uploading again later will work. */
public class PublisherUnavailableException extends Exception {

    public PublisherUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
