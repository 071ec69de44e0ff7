package nl.kamerstroom.ingest.config;

import java.time.Clock;

import nl.kamerstroom.ingest.document.DocumentLimits;
import nl.kamerstroom.ingest.document.DocumentReader;
import nl.kamerstroom.ingest.intake.LetterIntake;
import nl.kamerstroom.ingest.intake.LetterPublisher;
import nl.kamerstroom.schemas.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Wires the plain-Java core (document reading, intake) and declares the topic ingest writes. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DocumentReader documentReader(IngestProperties properties) {
        return new DocumentReader(new DocumentLimits(
                properties.maxDocumentSize().toBytes(),
                properties.maxPdfPages(),
                properties.batch().maxDocuments(),
                properties.batch().maxUncompressedSize().toBytes(),
                properties.batch().maxCompressionRatio()));
    }

    @Bean
    LetterIntake letterIntake(DocumentReader reader, LetterPublisher publisher, Clock clock) {
        return new LetterIntake(reader, publisher, clock);
    }

    /** Compacted by letter id: the latest record per letter is kept forever, the source for re-extraction. */
    @Bean
    NewTopic lettersReceivedTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.LETTERS_RECEIVED.name())
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }
}
