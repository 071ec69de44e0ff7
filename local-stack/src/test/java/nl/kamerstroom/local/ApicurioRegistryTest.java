package nl.kamerstroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.kamerstroom.avro.DocumentFormat;
import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.avro.LetterSource;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.schemas.serde.KafkaAvroDeserializer;
import nl.kamerstroom.schemas.serde.KafkaAvroSerializer;
import nl.kamerstroom.schemas.serde.SchemaRegistryClient;
import nl.kamerstroom.schemas.serde.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry against our own serde and a real broker, the way the services use them; on the infrastructure
 * the service modules' tests share ({@link SharedTestInfrastructure}).
 */
class ApicurioRegistryTest {

    static LocalInfrastructure infra;

    @BeforeAll
    static void start() {
        infra = SharedTestInfrastructure.get();
    }

    @Test
    void sharedInfrastructureIsOnePerJvmAndRunning() {
        assertThat(SharedTestInfrastructure.get()).isSameAs(infra);
        assertThat(infra.kafka().isRunning()).isTrue();
        assertThat(infra.registry().isRunning()).isTrue();
        assertThat(infra.postgres().isRunning()).isTrue();
    }

    @Test
    void serviceEnvironmentNamesEveryComponent() {
        assertThat(infra.serviceEnvironment())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers())
                .containsEntry("SCHEMA_REGISTRY_URL", infra.registry().confluentApiUrl())
                .containsEntry("DB_URL", infra.postgres().jdbcUrl())
                .containsEntry("DB_USER", infra.postgres().username())
                .containsEntry("DB_PASSWORD", infra.postgres().password());
        assertThat(infra.registry().confluentApiUrl()).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");
    }

    @Test
    void roundTripsALetterThroughKafkaInTheWireFormat() throws Exception {
        String topic = Topics.LETTERS_RECEIVED.name();
        LetterReceived letter = letter("abc123");

        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers()),
                new StringSerializer(), serializer())) {
            producer.send(new ProducerRecord<>(topic, letter.getLetterId(), letter)).get();
        }

        ConsumerRecord<String, byte[]> raw = readOne(topic);
        byte[] bytes = raw.value();
        assertThat(bytes[0]).as("magic byte").isZero();
        int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(schemaId).isPositive();

        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", infra.registry().confluentApiUrl(), "specific.avro.reader", "true"), false);
        Object read = deserializer.deserialize(topic, bytes);
        assertThat(read).isInstanceOf(LetterReceived.class).isEqualTo(letter);

        HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(infra.registry().confluentApiUrl() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.statusCode()).isEqualTo(200);
        assertThat(subjects.body()).contains("\"" + Topics.LETTERS_RECEIVED.valueSubject() + "\"");
    }

    @Test
    void refusesABreakingSchemaUnderBackwardCompatibilityWith409() {
        String subject = "compat-check-" + UUID.randomUUID() + "-value";
        SchemaRegistryClient client = new SchemaRegistryClient(List.of(URI.create(infra.registry().confluentApiUrl())), null, Duration.ofSeconds(10));
        Schema v1 = SchemaBuilder.record("Thing").namespace("nl.kamerstroom.test").fields()
                .requiredString("id").endRecord();
        Schema breaking = SchemaBuilder.record("Thing").namespace("nl.kamerstroom.test").fields()
                .requiredString("id").requiredLong("added_without_default").endRecord();
        client.register(subject, v1);
        client.setCompatibility(subject, "BACKWARD");

        SchemaRegistryException refused = catchThrowableOfType(SchemaRegistryException.class, () -> client.register(subject, breaking));

        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(client.isCompatibleWithLatest(subject, breaking)).isFalse();
    }

    @Test
    void keepsSchemasAndIdsAcrossARestart() {
        String subject = "restart-check-" + UUID.randomUUID() + "-value";
        SchemaRegistryClient before = new SchemaRegistryClient(List.of(URI.create(infra.registry().confluentApiUrl())), null, Duration.ofSeconds(10));
        int id = before.register(subject, LetterReceived.getClassSchema());

        infra.registry().stop();
        assertThat(infra.registry().isRunning()).isFalse();
        infra.registry().start();

        SchemaRegistryClient after = new SchemaRegistryClient(List.of(URI.create(infra.registry().confluentApiUrl())), null, Duration.ofSeconds(10));
        assertThat(after.byId(id)).isEqualTo(LetterReceived.getClassSchema());
        assertThat(after.latest(subject).id()).isEqualTo(id);
    }

    private static KafkaAvroSerializer serializer() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", infra.registry().confluentApiUrl()), false);
        return serializer;
    }

    private static ConsumerRecord<String, byte[]> readOne(String topic) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return !seen.isEmpty();
            });
        }
        return seen.get(0);
    }

    private static LetterReceived letter(String id) {
        return LetterReceived.newBuilder()
                .setLetterId(id)
                .setReceivedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setSource(LetterSource.newBuilder()
                        .setFileName("brief.txt")
                        .setContentType("text/plain")
                        .setFormat(DocumentFormat.TEXT)
                        .setSizeBytes(42)
                        .build())
                .setText("Geachte voorzitter, ...")
                .build();
    }
}
