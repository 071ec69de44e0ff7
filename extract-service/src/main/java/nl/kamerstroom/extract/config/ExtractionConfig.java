package nl.kamerstroom.extract.config;

import java.time.Clock;

import nl.kamerstroom.documents.DocumentLimits;
import nl.kamerstroom.documents.DocumentReader;
import nl.kamerstroom.extract.extraction.LetterExtractor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ExtractionConfig {

    /** Built once: the extractor compiles its grammars and gazetteers up front. */
    @Bean
    LetterExtractor letterExtractor() {
        return new LetterExtractor();
    }

    /** Reads posted documents exactly as ingest-service does, with its default limits. */
    @Bean
    DocumentReader documentReader() {
        return new DocumentReader(DocumentLimits.defaults());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
