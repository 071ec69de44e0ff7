package nl.kamerstroom.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.kamerstroom.avro.DocumentFormat;
import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.documents.Samples;
import nl.kamerstroom.ingest.intake.LetterIds;
import nl.kamerstroom.local.LocalInfrastructure;
import nl.kamerstroom.local.SharedTestInfrastructure;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.schemas.serde.KafkaAvroDeserializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The walking skeleton against the real broker and schema registry: an upload over HTTP ends up as exactly one
 * LetterReceived record on letters.received, and outages of either are answered with 503 without writing anything.
 * Every test uploads a document of its own (a sample letter plus a unique line), so its letter id is its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kamerstroom.ingest.api-keys=integration-key",
        "kamerstroom.ingest.retry-after=3s",
        // outages should be noticed within seconds here
        "spring.kafka.producer.properties.max.block.ms=3000",
        "spring.kafka.producer.properties.request.timeout.ms=2000",
        "spring.kafka.producer.properties.delivery.timeout.ms=5000",
        "spring.kafka.properties.schema.registry.request.timeout.ms=2000"})
class LettersReceivedIntegrationTest {

    private static final String API_KEY = "integration-key";
    private static final LocalInfrastructure infrastructure = SharedTestInfrastructure.get();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", infrastructure.kafka()::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", infrastructure.registry()::confluentApiUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    DefaultKafkaProducerFactory<?, ?> producers;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anUploadedLetterIsPublishedOnceKeyedByItsId() throws Exception {
        byte[] letter = uniqueLetter();

        HttpResponse<String> response = upload(letter, API_KEY);

        assertThat(response.statusCode()).isEqualTo(202);
        String letterId = LetterIds.of(letter);
        assertThat(response.body()).isEqualTo("{\"letterId\":\"" + letterId + "\"}");
        List<ConsumerRecord<String, Object>> records = recordsWithKey(letterId);
        assertThat(records).hasSize(1);
        LetterReceived received = (LetterReceived) records.get(0).value();
        assertThat(received.getLetterId()).isEqualTo(letterId);
        assertThat(received.getText()).isEqualTo(new String(letter, StandardCharsets.UTF_8));
        assertThat(received.getSource().getFormat()).isEqualTo(DocumentFormat.TEXT);
        assertThat(received.getSource().getContentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(received.getSource().getSizeBytes()).isEqualTo(letter.length);
        assertThat(received.getSource().getFileName()).isEqualTo("brief.txt");
        assertThat(received.getReceivedAt()).isNotNull();
    }

    @Test
    void theSameBytesTwiceGetTheSameId() throws Exception {
        byte[] letter = uniqueLetter();

        HttpResponse<String> first = upload(letter, API_KEY);
        HttpResponse<String> second = upload(letter, API_KEY);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.body()).isEqualTo(first.body());
        // published again on purpose: the topic is compacted by letter id and downstream is idempotent
        assertThat(recordsWithKey(LetterIds.of(letter))).hasSize(2);
    }

    @Test
    void withoutApiKeyNothingIsPublished() throws Exception {
        byte[] letter = uniqueLetter();

        HttpResponse<String> response = upload(letter, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(recordsWithKey(LetterIds.of(letter))).isEmpty();
    }

    @Test
    void whileTheRegistryIsDownUploadsAre503AndNothingIsWritten() throws Exception {
        byte[] letter = uniqueLetter();
        // A producer that already published has the schema id cached and no longer needs the registry; a fresh one
        // (as after a restart of the service) does.
        producers.reset();
        infrastructure.registry().stop();
        try {
            HttpResponse<String> response = upload(letter, API_KEY);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(response.body()).contains("schema registry is unreachable");
        } finally {
            infrastructure.registry().start();
        }
        assertThat(recordsWithKey(LetterIds.of(letter))).isEmpty();
        assertThat(upload(letter, API_KEY).statusCode()).isEqualTo(202);
    }

    @Test
    void whileTheBrokerIsDownUploadsAre503AndARetryAfterwardsSucceeds() throws Exception {
        byte[] letter = uniqueLetter();
        upload(uniqueLetter(), API_KEY); // the producer is connected and knows the topic, as in normal operation
        infrastructure.kafka().stop();
        try {
            HttpResponse<String> response = upload(letter, API_KEY);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(response.body()).contains("Kafka");
            assertThat(get("/actuator/health/readiness").statusCode()).as("not ready without a broker").isEqualTo(503);
        } finally {
            infrastructure.kafka().start();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> get("/actuator/health/readiness").statusCode() == 200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> upload(letter, API_KEY).statusCode() == 202);
        assertThat(recordsWithKey(LetterIds.of(letter))).hasSize(1);
    }

    @Test
    void theTopicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers()))) {
            TopicDescription topic = admin.describeTopics(List.of(Topics.LETTERS_RECEIVED.name())).allTopicNames().get()
                    .get(Topics.LETTERS_RECEIVED.name());
            assertThat(topic.partitions()).hasSize(3);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.LETTERS_RECEIVED.name());
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    private static byte[] uniqueLetter() {
        return (Samples.text(Samples.EK_TXT) + "\nKenmerk " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(byte[] body, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/letters?fileName=brief.txt"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every record on letters.received with this key, read from the beginning to the current end. */
    private static List<ConsumerRecord<String, Object>> recordsWithKey(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                "schema.registry.url", infrastructure.registry().confluentApiUrl(),
                "specific.avro.reader", "true");
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer(config))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LETTERS_RECEIVED.name(), Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, Object>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    private static KafkaAvroDeserializer deserializer(Map<String, Object> config) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        return deserializer;
    }
}
