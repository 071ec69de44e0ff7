package nl.kamerstroom.support;

import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.listener.FailedRecordProcessor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Tells a failure that says nothing about the record (the broker, the registry or the database is unreachable for a
 * while) from one that does (the record cannot be read or stored). The first kind is retried for as long as it
 * lasts and never dead-lettered; the second goes to the dead-letter topic, so one bad record never blocks its
 * partition.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    /** Whether Kafka's {@link RetriableException} (our registry client's outages among them) is in the cause chain. */
    public static boolean isTransient(Throwable failure) {
        return causedBy(failure, cause -> cause instanceof RetriableException);
    }

    public static boolean causedBy(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Classifies by cause rather than by wrapper: a {@link DeserializationException} is retryable when the registry
     * could not be reached (a {@link RetriableException} caused it) and not when the bytes are bad (a
     * {@link SerializationException}: not our wire format, an unknown schema id, an unreadable record).
     */
    public static <T extends FailedRecordProcessor> T classifyByCause(T processor) {
        processor.removeClassification(DeserializationException.class);
        processor.addNotRetryableExceptions(SerializationException.class);
        processor.addRetryableExceptions(RetriableException.class);
        // Spring keeps a record's back-off while the class of its failure stays the same, and an unreadable record
        // always fails with DeserializationException: a record first unreadable because the registry was down, then
        // because its schema id is unknown, would keep the outage's endless back-off. Forgetting the failure makes
        // the next attempt classify it afresh, so it is dead-lettered then.
        processor.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
                if (deliveryAttempt > 1 && causedBy(failure, DeserializationException.class::isInstance) && !isTransient(failure)) {
                    processor.clearThreadState();
                }
            }
        });
        return processor;
    }
}
