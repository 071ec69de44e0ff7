package nl.kamerstroom.ingest.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * Spring Kafka logs every failed send with the record's contents; a letter is many kilobytes of text, so only the
 * key is logged (the publisher adds why the letter was not published).
 */
@Configuration(proxyBeanMethods = false)
class ProducerLoggingConfiguration {

    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
        listener.setIncludeContents(false);
        return listener;
    }
}
