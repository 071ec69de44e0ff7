package nl.kamerstroom.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the Kamerstroom topics are created when a service finds them missing (every service creates the whole set,
 * so start-up order does not matter). Where a platform team creates the topics beforehand, set {@code create} false.
 *
 * @param partitions partitions of every topic and of its dead-letter topic
 * @param replicas   replication factor
 * @param create     whether the service creates missing topics at start-up
 */
@Validated
@ConfigurationProperties("kamerstroom.topics")
public record TopicProperties(@Min(1) @Max(1000) @DefaultValue("3") int partitions,
                              @Min(1) @Max(32) @DefaultValue("1") short replicas,
                              @DefaultValue("true") boolean create) {
}
