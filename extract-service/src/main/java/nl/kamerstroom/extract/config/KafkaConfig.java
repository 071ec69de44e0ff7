package nl.kamerstroom.extract.config;

import nl.kamerstroom.support.TransientFailures;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.ExponentialBackOff;

/** What Spring Boot's {@code spring.kafka.*} properties cannot express: what happens to a letter that fails. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /**
     * After a transaction rolled back: failures that say nothing about the record (broker or registry unreachable,
     * time-outs: Kafka's {@link RetriableException}, wherever it is in the cause chain) are retried with back-off for as
     * long as they last. Anything else (the record cannot be deserialised, the extractor fails on it) sends the record
     * to {@code letters.received-dlt} after one attempt, and its offset is committed so the partition moves on.
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
}
