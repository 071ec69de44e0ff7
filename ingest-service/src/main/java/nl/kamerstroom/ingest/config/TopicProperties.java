package nl.kamerstroom.ingest.config;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How letters.received is created when it does not exist yet. */
@Validated
@ConfigurationProperties("kamerstroom.topics")
public record TopicProperties(@Min(1) @DefaultValue("3") int partitions, @Min(1) @DefaultValue("1") short replicas) {
}
