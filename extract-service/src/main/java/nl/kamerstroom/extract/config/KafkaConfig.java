package nl.kamerstroom.extract.config;

import nl.kamerstroom.support.TransientFailures;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.ExponentialBackOff;

/** What Spring Boot's {@code spring.kafka.*} properties cannot express: what happens to a letter that fails. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /**
     * After a transaction rolled back. The letter listener is a batch listener (one transaction per poll): it
     * dead-letters the letters it cannot read or extract itself, so what rolls a poll back says nothing about a letter
     * (broker or registry unreachable, time-outs, a failed send or commit), and the whole poll is retried with this
     * back-off for as long as the failure lasts; {@link #retryPollsAfterRollback()} makes the container apply it.
     * For a record listener it would do as before: retry Kafka's {@link RetriableException} (wherever it is in the
     * cause chain) with back-off, and send anything else to {@code letters.received-dlt} after one attempt.
     */
    @Bean
    DefaultAfterRollbackProcessor<Object, Object> afterRollbackProcessor(DeadLetterPublishingRecoverer deadLetters,
                                                                         KafkaTemplate<Object, Object> template) {
        ExponentialBackOff whileUnavailable = new ExponentialBackOff(500, 2);
        whileUnavailable.setMaxInterval(30_000);
        DefaultAfterRollbackProcessor<Object, Object> processor =
                new DefaultAfterRollbackProcessor<>(deadLetters, whileUnavailable, template, true);
        processor.defaultFalse();
        return TransientFailures.classifyByCause(processor);
    }

    /**
     * Without this, a batch listener's rolled-back poll is only sought back and redelivered at once, without the
     * back-off above: a registry outage would spin the listener.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> retryPollsAfterRollback() {
        return container -> container.getContainerProperties().setBatchRecoverAfterRollback(true);
    }
}
