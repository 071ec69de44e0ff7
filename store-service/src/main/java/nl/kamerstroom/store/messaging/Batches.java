package nl.kamerstroom.store.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import nl.kamerstroom.store.config.DatabaseOutage;
import nl.kamerstroom.support.TransientFailures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * How the batch listener stores one poll's records, and how it tells the container's {@code DefaultErrorHandler}
 * which record failed.
 * <ol>
 * <li>The records up to the first one that could not be read (its value is null and the
 * {@code ErrorHandlingDeserializer} put the failure in the {@code springDeserializerExceptionValue} header; a tombstone
 * has a null value and no such header) are written in one database transaction, the last record of each key
 * winning.</li>
 * <li>When that transaction fails, the same records are written again one by one, each in its own transaction, in
 * offset order; the first that fails is reported by its index. A database outage thus surfaces at the first record
 * and is retried (without end) by the error handler; a record PostgreSQL refuses is retried a few times and then
 * dead-lettered alone, after the records before it were stored.</li>
 * <li>An unreadable record is then reported by its index: the records before it are stored, it is dead-lettered
 * (at once, or after the registry is back when that was the cause), and the records after it come again in the
 * next poll.</li>
 * </ol>
 * Every failure leaves as a {@link BatchListenerFailedException} with the index of a record, never as another
 * exception: the error handler would then retry the whole batch a fixed number of times and dead-letter all of it.
 * The index is relative to the list the listener was given, which is the poll's records in their order.
 */
final class Batches {

    private static final Logger log = LoggerFactory.getLogger(Batches.class);

    private Batches() {
    }

    /**
     * @param records  the poll's records, in offset order per partition
     * @param rowKey   the id of the row a record writes (for a tombstone, its key); records with the same row id
     *                 are de-duplicated, the last one winning
     * @param writeAll writes the de-duplicated records in one transaction
     * @param writeOne writes one record in a transaction of its own
     */
    static <V> void store(List<ConsumerRecord<String, V>> records, Function<ConsumerRecord<String, V>, String> rowKey,
                          Consumer<List<ConsumerRecord<String, V>>> writeAll, Consumer<ConsumerRecord<String, V>> writeOne) {
        int unreadable = -1;
        DeserializationException failure = null;
        for (int i = 0; i < records.size() && unreadable < 0; i++) {
            failure = deserializationFailure(records.get(i));
            if (failure != null) {
                unreadable = i;
            }
        }
        List<ConsumerRecord<String, V>> readable = unreadable < 0 ? records : records.subList(0, unreadable);
        if (!readable.isEmpty()) {
            try {
                writeAll.accept(lastPerRow(readable, rowKey));
            } catch (RuntimeException batchFailure) {
                log.info("Storing {} records of {} in one transaction failed ({}); storing them one by one", readable.size(),
                        readable.stream().map(ConsumerRecord::topic).distinct().toList(),
                        NestedExceptionUtils.getMostSpecificCause(batchFailure).toString());
                oneByOne(readable, writeOne);
            }
        }
        if (unreadable >= 0) {
            throw failed("record " + unreadable + " of the batch could not be deserialised", failure, unreadable);
        }
    }

    private static <V> void oneByOne(List<ConsumerRecord<String, V>> records, Consumer<ConsumerRecord<String, V>> writeOne) {
        for (int i = 0; i < records.size(); i++) {
            try {
                writeOne.accept(records.get(i));
            } catch (RuntimeException recordFailure) {
                throw failed("record " + i + " of the batch could not be stored", recordFailure, i);
            }
        }
    }

    /**
     * The failure of record {@code index}, as one of two classes: the error handler keeps a record's back-off while
     * the class of its failure stays the same and picks it afresh when the class changes (as it does for record
     * listeners by the failure's cause). So a record first failing because a connection broke mid-transaction (a
     * failure that does not look like an outage) and then because the database is down gets the endless back-off of
     * an outage, and one that failed during an outage and then fails for a fault of its own is dead-lettered after
     * its few retries.
     */
    static BatchListenerFailedException failed(String message, Throwable cause, int index) {
        return DatabaseOutage.isCauseOf(cause) || TransientFailures.isTransient(cause)
                ? new DependencyUnavailable(message, cause, index)
                : new RecordFailed(message, cause, index);
    }

    /** A record of the batch failed because the database, the broker or the registry was unreachable. */
    static final class DependencyUnavailable extends BatchListenerFailedException {

        DependencyUnavailable(String message, Throwable cause, int index) {
            super(message, cause, index);
        }
    }

    /** A record of the batch failed for a reason of its own: it cannot be read or stored. */
    static final class RecordFailed extends BatchListenerFailedException {

        RecordFailed(String message, Throwable cause, int index) {
            super(message, cause, index);
        }
    }

    /** The records with one per row id, the last of each, in the order of their last occurrence. */
    static <V> List<ConsumerRecord<String, V>> lastPerRow(List<ConsumerRecord<String, V>> records,
                                                         Function<ConsumerRecord<String, V>, String> rowKey) {
        Map<String, ConsumerRecord<String, V>> last = new LinkedHashMap<>();
        List<ConsumerRecord<String, V>> withoutKey = new ArrayList<>();
        for (ConsumerRecord<String, V> record : records) {
            String key = rowKey.apply(record);
            if (key == null) {
                withoutKey.add(record);
            } else {
                last.remove(key);
                last.put(key, record);
            }
        }
        List<ConsumerRecord<String, V>> result = new ArrayList<>(withoutKey);
        result.addAll(last.values());
        return result;
    }

    /** The failure the {@code ErrorHandlingDeserializer} recorded for the record's value, if it could not be read. */
    static DeserializationException deserializationFailure(ConsumerRecord<?, ?> record) {
        if (record.value() != null || record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) == null) {
            return null;
        }
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
        return failure != null ? failure
                : new DeserializationException("the value could not be deserialised", null, false, null);
    }
}
