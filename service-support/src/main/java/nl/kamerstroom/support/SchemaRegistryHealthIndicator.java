package nl.kamerstroom.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the schema registry answers its subjects listing. Part of readiness for services that write new records:
 * without the registry they cannot register or look up the schema of what they write.
 */
public class SchemaRegistryHealthIndicator extends AbstractHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final URI subjects;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public SchemaRegistryHealthIndicator(String registryUrl) {
        super("Schema registry health check failed");
        String base = registryUrl.split(",")[0].trim();
        this.subjects = URI.create((base.endsWith("/") ? base : base + "/") + "subjects");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(subjects).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        builder.withDetail("url", subjects.resolve(".").toString());
        if (response.statusCode() == 200) {
            builder.up();
        } else {
            builder.down().withDetail("status", response.statusCode());
        }
    }
}
