package nl.kamerstroom.store.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How store-service treats records it cannot store, and how it keeps its full-text index.
 *
 * @param failedRecords  a record that fails for a reason of its own: retried a few times, then dead-lettered
 * @param databaseOutage the database is unreachable: retried with growing pauses until it is back, never dead-lettered
 * @param searchIndex    the full-text index's upkeep
 */
@Validated
@ConfigurationProperties("kamerstroom.store")
public record StoreProperties(@Valid @NotNull FailedRecords failedRecords, @Valid @NotNull DatabaseOutage databaseOutage,
                              @Valid @NotNull SearchIndex searchIndex) {

    /**
     * @param retries       attempts after the first before the record goes to its dead-letter topic
     * @param retryInterval pause between attempts
     */
    public record FailedRecords(@PositiveOrZero int retries, @NotNull Duration retryInterval) {
    }

    /**
     * @param initialInterval pause after the first failure; it doubles with each further failure
     * @param maxInterval     longest pause; keep it well under {@code max.poll.interval.ms}
     */
    public record DatabaseOutage(@NotNull Duration initialInterval, @NotNull Duration maxInterval) {
    }

    /**
     * @param cleanupInterval pause between merges of the index's pending entries (persistence.SearchIndexCleanup);
     *                        at 50 letters/s, 2 s leaves about 100 letters' words to merge each time
     */
    public record SearchIndex(@NotNull Duration cleanupInterval) {
    }
}
