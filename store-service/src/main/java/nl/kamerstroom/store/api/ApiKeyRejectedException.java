package nl.kamerstroom.store.api;

/** An admin request without a valid {@code X-Api-Key}; becomes a 401 problem. */
class ApiKeyRejectedException extends RuntimeException {

    ApiKeyRejectedException(boolean missing) {
        super(missing
                ? "Send one of the configured API keys in the X-Api-Key header."
                : "The X-Api-Key header does not hold a configured API key.");
    }
}
