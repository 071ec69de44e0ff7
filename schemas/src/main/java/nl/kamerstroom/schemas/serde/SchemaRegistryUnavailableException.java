package nl.kamerstroom.schemas.serde;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The registry could not be reached or failed on its side (connection refused, time-out, 5xx).
 * This says nothing about the record: the same call may succeed later, so callers retry or answer 503.
 */
public class SchemaRegistryUnavailableException extends RetriableException {

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
