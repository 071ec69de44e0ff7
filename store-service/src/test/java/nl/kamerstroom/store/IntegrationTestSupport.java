package nl.kamerstroom.store;

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
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.kamerstroom.local.LocalInfrastructure;
import nl.kamerstroom.local.SharedTestInfrastructure;
import nl.kamerstroom.schemas.Topic;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.schemas.serde.KafkaAvroSerializer;

/**
 * The whole service on the shared real Kafka, registry and PostgreSQL. Every integration test class extends this
 * one, so they share one Spring context (and one set of listeners). Records go in through the topics, as the
 * upstream services publish them; answers come out over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTestSupport {

    protected static final Duration PATIENCE = Duration.ofSeconds(60);
    protected static final String ADMIN_KEY = "test-admin-key";

    private static KafkaProducer<String, Object> avroProducer;

    protected final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure infra = SharedTestInfrastructure.get();
        registry.add("spring.kafka.bootstrap-servers", infra.kafka()::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", infra.registry()::confluentApiUrl);
        registry.add("spring.datasource.url", infra.postgres()::jdbcUrl);
        registry.add("spring.datasource.username", infra.postgres()::username);
        registry.add("spring.datasource.password", infra.postgres()::password);
        // fail fast while the database is stopped, so an outage shows within the test's patience
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        registry.add("kamerstroom.admin.api-keys", () -> "another-key, " + ADMIN_KEY);
        // the tests read partitions by number: one partition per topic, whoever creates it first
        registry.add("kamerstroom.topics.partitions", () -> "1");
    }

    /** The topics, as the upstream services create them in production; the tests stand in for those services. */
    protected static synchronized void createTopics() throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            for (NewTopic definition : Topics.definitions(1, (short) 1)) {
                if (!definition.name().endsWith(Topic.DEAD_LETTER_SUFFIX)) {
                    try {
                        admin.createTopics(List.of(definition)).all().get();
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
        }
    }

    protected static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfrastructure.get().kafka().bootstrapServers()));
    }

    protected static Map<String, Object> producerConfig() {
        LocalInfrastructure infrastructure = SharedTestInfrastructure.get();
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                "schema.registry.url", infrastructure.registry().confluentApiUrl());
    }

    /** Publishes an Avro record (or a tombstone) and waits for the broker's acknowledgement. */
    protected static synchronized void send(Topic<String, ?> topic, String key, Object value) throws Exception {
        if (avroProducer == null) {
            createTopics();
            KafkaAvroSerializer serializer = new KafkaAvroSerializer();
            serializer.configure(producerConfig(), false);
            avroProducer = new KafkaProducer<>(producerConfig(), new StringSerializer(), serializer);
        }
        avroProducer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits until the store serves the letter with the status, and answers its JSON. */
    protected String awaitLetter(String letterId, String status) {
        String[] body = new String[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/letters/" + letterId);
            assertThat(response.statusCode()).isEqualTo(200);
            JSONAssert.assertEquals("{\"status\": \"" + status + "\"}", response.body(), JSONCompareMode.LENIENT);
            body[0] = response.body();
        });
        return body[0];
    }

    /** Every record on the dead-letter topic so far, read from the beginning to the current end. */
    protected static List<ConsumerRecord<String, byte[]>> deadLetters(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
