package nl.kamerstroom.support;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Counts the records each listener finished, by topic and whether the value was a record or a tombstone:
 * {@code kamerstroom.records.processed}. In store-service every one of them is one upsert or delete in PostgreSQL.
 * Failures are not counted here: the listener observation times them, and dead letters have their own counter.
 */
public class ProcessedRecords implements RecordInterceptor<Object, Object> {

    private final MeterRegistry meters;

    public ProcessedRecords(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        meters.counter("kamerstroom.records.processed", "topic", record.topic(),
                "kind", record.value() == null ? "tombstone" : "record").increment();
    }
}
