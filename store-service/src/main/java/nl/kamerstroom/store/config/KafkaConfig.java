package nl.kamerstroom.store.config;

import nl.kamerstroom.support.TransientFailures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** What the {@code spring.kafka.*} properties cannot express: which failures are retried and which are dead-lettered. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /**
     * Picked up by Boot's listener container factory. While the database, the broker or the registry is unreachable
     * the record is retried without end (the container pauses between attempts), so the listener waits instead of
     * dead-lettering everything that arrives meanwhile. A record that cannot be read goes to {@code <topic>-dlt} at
     * once; one that fails for another reason of its own is retried a few times, then dead-lettered.
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
