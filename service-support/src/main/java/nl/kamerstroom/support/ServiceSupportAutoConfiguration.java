package nl.kamerstroom.support;

import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerstroom.schemas.Topics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.RecordInterceptor;

/** What every Kamerstroom service gets by having this module on its class path. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(TopicProperties.class)
public class ServiceSupportAutoConfiguration {

    /** Every service creates every topic it finds missing, with its dead-letter topic, so start-up order does not matter. */
    @Bean
    @ConditionalOnProperty(name = "kamerstroom.topics.create", havingValue = "true", matchIfMissing = true)
    MissingTopics missingTopics(KafkaAdmin kafkaAdmin, TopicProperties topics) {
        return new MissingTopics(kafkaAdmin.getConfigurationProperties(), Topics.definitions(topics.partitions(), topics.replicas()));
    }

    /** Every record in the log context while it is processed, and counted when done. */
    @Bean
    @ConditionalOnMissingBean
    RecordInterceptor<Object, Object> recordInterceptor(MeterRegistry meters) {
        return new CompositeRecordInterceptor<>(new RecordLogContext(), new ProcessedRecords(meters));
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaProperties properties, MeterRegistry meters) {
        return DeadLetters.recoverer(properties, meters);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return new KafkaHealthIndicator(kafkaAdmin, listeners.getIfAvailable());
    }

    @Bean
    @ConditionalOnProperty("spring.kafka.properties.schema.registry.url")
    SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(Environment environment) {
        return new SchemaRegistryHealthIndicator(environment.getRequiredProperty("spring.kafka.properties.schema.registry.url"));
    }
}
