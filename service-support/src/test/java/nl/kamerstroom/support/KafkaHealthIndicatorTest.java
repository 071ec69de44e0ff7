package nl.kamerstroom.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import nl.kamerstroom.local.KafkaBroker;
import nl.kamerstroom.local.Ports;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

class KafkaHealthIndicatorTest {

    private final Logger adminMetadata = (Logger) LoggerFactory.getLogger(
            "org.apache.kafka.clients.admin.internals.AdminMetadataManager");
    private final ListAppender<ILoggingEvent> adminMetadataLog = new ListAppender<>();

    @BeforeEach
    void recordTheAdminClientsMetadataLog() {
        adminMetadata.setLevel(Level.INFO);
        adminMetadataLog.start();
        adminMetadata.addAppender(adminMetadataLog);
    }

    @AfterEach
    void stopRecording() {
        adminMetadata.detachAppender(adminMetadataLog);
    }

    @Test
    void withoutABrokerTheServiceIsNotReadyAndTheLogIsNotFlooded() {
        int nothingListens = Ports.freePort();
        try (KafkaHealthIndicator health = indicatorFor("127.0.0.1:" + nothingListens)) {

            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

            // six seconds of checks: the default recovery strategy logged "Rebootstrapping" thousands of times here
            assertThat(adminMetadataLog.list).noneMatch(event -> event.getFormattedMessage().contains("Rebootstrapping"));
        }
    }

    @Test
    void readinessFollowsTheBrokerThroughARestart(@TempDir Path dataDir) {
        try (KafkaBroker broker = KafkaBroker.start(0, dataDir);
                KafkaHealthIndicator health = indicatorFor(broker.bootstrapServers())) {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsKey("clusterId");

            broker.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.DOWN));

            broker.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> health.health().getStatus().equals(Status.UP));
        }
    }

    private static KafkaHealthIndicator indicatorFor(String bootstrapServers) {
        return new KafkaHealthIndicator(new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)), null);
    }
}
