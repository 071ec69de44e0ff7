package nl.kamerstroom.ingest.config;

import java.time.Clock;

import nl.kamerstroom.documents.DocumentLimits;
import nl.kamerstroom.documents.DocumentReader;
import nl.kamerstroom.ingest.intake.LetterIntake;
import nl.kamerstroom.ingest.intake.LetterPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java core: document reading and intake. */
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
}
