package nl.kamerstroom.system;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The end-to-end scenario on the production images of the infrastructure: {@code apache/kafka},
 * Confluent's {@code cp-schema-registry} and {@code postgres}, as in docker-compose.yml. Skipped where no Docker
 * engine runs (our machines and CI); runs wherever one does.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPipelineIT extends PipelineScenario {

    static final Network network = Network.newNetwork();
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1")
            .withNetwork(network)
            .withListener("kafka:19092");
    static final GenericContainer<?> registry = new GenericContainer<>("confluentinc/cp-schema-registry:7.9.1")
            .withNetwork(network)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .withExposedPorts(8081)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17").withDatabaseName("kamerstroom");

    @BeforeAll
    static void start() {
        kafka.start();
        registry.dependsOn(kafka).start();
        postgres.start();
        startPipeline(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.getBootstrapServers(),
                "SCHEMA_REGISTRY_URL", "http://" + registry.getHost() + ":" + registry.getMappedPort(8081),
                "DB_URL", postgres.getJdbcUrl(),
                "DB_USER", postgres.getUsername(),
                "DB_PASSWORD", postgres.getPassword()), "container-service-logs");
    }

    @AfterAll
    static void stopContainers() {
        stopPipeline();
        postgres.stop();
        registry.stop();
        kafka.stop();
        network.close();
    }
}
