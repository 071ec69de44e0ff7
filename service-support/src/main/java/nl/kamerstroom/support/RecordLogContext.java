package nl.kamerstroom.support;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the record being processed into the log context, so every line logged while processing it carries
 * {@code topic}, {@code partition}, {@code offset} and {@code letterId} (also {@code entityId} on entity topics).
 */
public class RecordLogContext implements RecordInterceptor<Object, Object> {

    static final String TOPIC = "topic";
    static final String PARTITION = "partition";
    static final String OFFSET = "offset";
    static final String LETTER_ID = "letterId";
    static final String ENTITY_ID = "entityId";

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.put(TOPIC, record.topic());
        MDC.put(PARTITION, Integer.toString(record.partition()));
        MDC.put(OFFSET, Long.toString(record.offset()));
        if (record.value() instanceof GenericRecord value && value.getSchema().getField(LETTER_ID) != null) {
            MDC.put(LETTER_ID, String.valueOf(value.get(LETTER_ID)));
            if (value.getSchema().getField(ENTITY_ID) != null) {
                MDC.put(ENTITY_ID, String.valueOf(value.get(ENTITY_ID)));
            }
        } else if (record.key() != null && record.topic().startsWith("letters.")) {
            MDC.put(LETTER_ID, record.key().toString());
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(TOPIC);
        MDC.remove(PARTITION);
        MDC.remove(OFFSET);
        MDC.remove(LETTER_ID);
        MDC.remove(ENTITY_ID);
    }
}
