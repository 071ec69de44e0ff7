package nl.kamerstroom.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry answered, and the answer was no: unknown schema id or subject, incompatible or invalid schema.
 * Retrying the same record will not help.
 */
public class SchemaRegistryException extends SerializationException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** HTTP status of the registry's answer. */
    public int status() {
        return status;
    }

    /** Confluent error code from the answer body (40401 subject not found, 40403 schema not found, 409 incompatible, ...), or -1. */
    public int errorCode() {
        return errorCode;
    }
}
