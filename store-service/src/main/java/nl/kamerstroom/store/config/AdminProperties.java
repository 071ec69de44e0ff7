package nl.kamerstroom.store.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the admin API ({@code /api/admin/**}); everything else in the store is open for reading.
 *
 * @param apiKeys keys a client may send in {@code X-Api-Key}; from {@code KAMERSTROOM_API_KEY}, comma-separated, as
 *                for ingest. Optional, unlike ingest: without a key the store still serves its read model, and the
 *                admin API refuses every request.
 */
@ConfigurationProperties("kamerstroom.admin")
public record AdminProperties(@DefaultValue List<String> apiKeys) {
}
