package nl.kamerstroom.ingest.api;

/** The request came without an API key, or with one that is not configured. */
class ApiKeyRejectedException extends RuntimeException {

    ApiKeyRejectedException(boolean missing) {
        super(missing ? "This API needs an API key: send it in the X-Api-Key header."
                : "The API key in the X-Api-Key header is not valid.", null, false, false);
    }
}
