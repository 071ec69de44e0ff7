package nl.kamerstroom.support;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerstroom.schemas.Topic;
import nl.kamerstroom.schemas.serde.KafkaAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * Publishes records a listener could not process to {@code <topic>-dlt}, on the same partition (dead-letter topics
 * have as many partitions as their topics), with Spring Kafka's exception headers. A record that could not be
 * deserialised is published with its original bytes; one that was read but could not be processed is an Avro
 * object by then and is written again in the registry wire format. Each dead letter is counted in
 * {@code kamerstroom.dead.letters} by topic.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    /**
     * A recoverer with its own producer, built from the service's {@code spring.kafka.producer.*} settings. When the
     * service's producer is transactional, so is this one (with its own transactional id prefix), and a dead letter is
     * published in a transaction of its own.
     */
    public static DeadLetterPublishingRecoverer recoverer(KafkaProperties properties, MeterRegistry meters) {
        Map<String, Object> config = properties.buildProducerProperties();
        String transactionIdPrefix = properties.getProducer().getTransactionIdPrefix();
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        KafkaAvroSerializer avro = new KafkaAvroSerializer();
        avro.configure(config, false);
        DefaultKafkaProducerFactory<Object, Object> producers = new DefaultKafkaProducerFactory<>(config,
                new DelegatingByTypeSerializer(Map.of(byte[].class, new ByteArraySerializer(), String.class, new StringSerializer()), true),
                new DelegatingByTypeSerializer(Map.of(byte[].class, new ByteArraySerializer(), SpecificRecord.class, avro), true),
                false);
        if (transactionIdPrefix != null) {
            producers.setTransactionIdPrefix(transactionIdPrefix + "dlt-");
        }
        return new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers), (record, failure) -> {
            // the one trace an operator gets of a record the service gave up on
            log.error("Sending {}-{}@{} (key {}) to {}{}", record.topic(), record.partition(), record.offset(),
                    record.key(), record.topic(), Topic.DEAD_LETTER_SUFFIX, failure);
            meters.counter("kamerstroom.dead.letters", "topic", record.topic()).increment();
            return new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, record.partition());
        });
    }
}
