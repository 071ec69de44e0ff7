package nl.kamerstroom.store.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How re-extraction reads and republishes {@code letters.received}.
 *
 * @param stallTimeout a job fails when reading the topic makes no progress for this long (the broker is gone),
 *                     rather than waiting for ever
 */
@Validated
@ConfigurationProperties("kamerstroom.reextraction")
public record ReextractionProperties(@NotNull @DefaultValue("60s") Duration stallTimeout) {
}
