package nl.kamerstroom.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Up when the broker answers and every listener container of the service is running: part of readiness, so a
 * service that cannot reach Kafka stops getting traffic and gets it back on its own when Kafka returns.
 * Not part of liveness: restarting a service does not bring a broker back.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final AdminClient admin;
    private final KafkaListenerEndpointRegistry listeners;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaListenerEndpointRegistry listeners) {
        super("Kafka health check failed");
        Map<String, Object> config = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        // This client lives as long as the service. With the default (rebootstrap), a Kafka 4.2 admin client that
        // reaches no broker starts over from the bootstrap list in a loop: hundreds of INFO lines a second and a tenth
        // of a core for as long as Kafka is down. Retrying the known addresses is all a health check needs; the
        // broker's host name is resolved again on every connection attempt.
        config.put(AdminClientConfig.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        this.admin = AdminClient.create(config);
        this.listeners = listeners;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                .clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        List<String> stopped = listeners == null ? List.of() : listeners.getListenerContainers().stream()
                .filter(container -> !container.isRunning())
                .map(MessageListenerContainer::getListenerId)
                .toList();
        builder.withDetail("clusterId", clusterId);
        if (stopped.isEmpty()) {
            builder.up();
        } else {
            builder.down().withDetail("stoppedListeners", stopped);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
