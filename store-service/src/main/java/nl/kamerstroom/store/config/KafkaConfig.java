package nl.kamerstroom.store.config;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import nl.kamerstroom.schemas.Topic;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.schemas.serde.KafkaAvroSerializer;

/** What the {@code spring.kafka.*} properties cannot express: dead-lettering, retries, and the dead-letter topics. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

    /**
     * The producer of the dead-letter topics. A record that could not be deserialized is published with its original
     * bytes; a record that was read but could not be stored is an Avro object by then and is written back in the
     * registry wire format.
     */
    @Bean
    KafkaTemplate<String, Object> deadLetterTemplate(KafkaProperties kafka) {
        Serializer<Object> values = new DelegatingByTypeSerializer(Map.of(
                byte[].class, new ByteArraySerializer(),
                SpecificRecord.class, new KafkaAvroSerializer()), true);
        return new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(), values));
    }

    /**
     * Picked up by Boot's listener container factory. Records that fail for a reason of their own are retried a few
     * times and then go to {@code <topic>-dlt}, same partition; records that cannot be deserialized go there at
     * once (deserialization is not retryable). While the database is unreachable the record is retried without end,
     * so the listener waits for the database instead of dead-lettering everything that arrives meanwhile.
     */
    @Bean
    DefaultErrorHandler errorHandler(KafkaTemplate<String, Object> deadLetterTemplate, StoreProperties properties) {
        var deadLetterPublisher = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, failure) -> new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, record.partition()));
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, failure) -> {
            // the one trace an operator gets of a record the service gave up on
            log.error("Sending {}-{}@{} (key {}) to {}{}", record.topic(), record.partition(), record.offset(),
                    record.key(), record.topic(), Topic.DEAD_LETTER_SUFFIX, failure);
            deadLetterPublisher.accept(record, consumer, failure);
        };
        var failedRecords = properties.failedRecords();
        var errorHandler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(failedRecords.retryInterval().toMillis(), failedRecords.retries()));
        var untilDatabaseIsBack = untilDatabaseIsBack(properties.databaseOutage());
        errorHandler.setBackOffFunction((record, failure) -> DatabaseOutage.isCauseOf(failure) ? untilDatabaseIsBack : null);
        return errorHandler;
    }

    /** The dead-letter topics of every topic store-service reads, laid out like their topics; existing ones are left as they are. */
    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(Topics.definitions(topics.partitions(), topics.replicas()).stream()
                .filter(definition -> definition.name().endsWith(Topic.DEAD_LETTER_SUFFIX))
                .toArray(NewTopic[]::new));
    }

    private static ExponentialBackOff untilDatabaseIsBack(StoreProperties.DatabaseOutage outage) {
        var backOff = new ExponentialBackOff(outage.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(outage.maxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }
}
