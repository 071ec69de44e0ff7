package nl.kamerstroom.documents;

/**
 * The document cannot become a letter, for a reason the operator can fix: the message says what is wrong and what to
 * do. Not an error of the service, so it carries no stack trace worth logging.
 */
public class DocumentRejectedException extends Exception {

    private final Rejection reason;

    public DocumentRejectedException(Rejection reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Rejection reason() {
        return reason;
    }
}
