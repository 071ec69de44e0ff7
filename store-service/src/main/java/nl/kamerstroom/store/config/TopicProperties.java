package nl.kamerstroom.store.config;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the topics the other services create are laid out, so this service creates its dead-letter topics to match:
 * a dead letter keeps the partition of the record it stands for.
 */
@Validated
@ConfigurationProperties("kamerstroom.topics")
public record TopicProperties(@Min(1) int partitions, @Min(1) short replicas) {
}
