package nl.kamerstroom.store.config;

import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerstroom.support.TransientFailures;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** What the {@code spring.kafka.*} properties cannot express: which failures are retried and which are dead-lettered. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** Records per poll, and so at most per database transaction of a batch listener. */
    static final int MAX_POLL_RECORDS = 500;

    /**
     * For the listener that stores a poll's records of the five topics in one database transaction: Boot's factory set up from the
     * {@code spring.kafka.*} properties (and the error handler below), as a batch listener factory with at most
     * {@value #MAX_POLL_RECORDS} records per poll. The record interceptor does not apply to batch listeners; a batch
     * interceptor counts the stored records in {@code kamerstroom.records.processed} instead (records stored before
     * a failing one in the same poll are not counted).
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            MeterRegistry meters) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        factory.setRecordInterceptor(null);
        factory.setBatchInterceptor(new BatchInterceptor<>() {
            @Override
            public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
                return records;
            }

            @Override
            public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
                records.forEach(record -> meters.counter("kamerstroom.records.processed", "topic", record.topic(),
                        "kind", record.value() == null ? "tombstone" : "record").increment());
            }
        });
        Properties consumerProperties = new Properties();
        consumerProperties.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(MAX_POLL_RECORDS));
        factory.getContainerProperties().setKafkaConsumerProperties(consumerProperties);
        return factory;
    }

    /**
     * Picked up by Boot's listener container factory. While the database, the broker or the registry is unreachable
     * the record is retried without end (the container pauses between attempts), so the listener waits instead of
     * dead-lettering everything that arrives meanwhile. A record that cannot be read goes to {@code <topic>-dlt} at
     * once; one that fails for another reason of its own is retried a few times, then dead-lettered.
     * <p>
     * The same handler serves the batch listener: it reports every failure as a
     * {@link org.springframework.kafka.listener.BatchListenerFailedException} with the index of the record at fault
     * (the first record of the poll during a database outage), so the offsets before it are committed and that record
     * alone is retried and, by the same rules, dead-lettered; the records after it come again with the next poll.
     */
    @Bean
    DefaultErrorHandler errorHandler(DeadLetterPublishingRecoverer deadLetters, StoreProperties properties) {
        var failedRecords = properties.failedRecords();
        var errorHandler = new DefaultErrorHandler(deadLetters,
                new FixedBackOff(failedRecords.retryInterval().toMillis(), failedRecords.retries()));
        var untilDependencyIsBack = untilDependencyIsBack(properties.databaseOutage());
        errorHandler.setBackOffFunction((record, failure) ->
                DatabaseOutage.isCauseOf(failure) || TransientFailures.isTransient(failure) ? untilDependencyIsBack : null);
        errorHandler.addRetryableExceptions(DatabaseOutage.CLASSES);
        return TransientFailures.classifyByCause(errorHandler);
    }

    private static ExponentialBackOff untilDependencyIsBack(StoreProperties.DatabaseOutage outage) {
        var backOff = new ExponentialBackOff(outage.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(outage.maxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }
}
