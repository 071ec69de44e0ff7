package nl.kamerstroom.extract.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import nl.kamerstroom.avro.DocumentFormat;
import nl.kamerstroom.avro.LetterExtracted;
import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.avro.LetterSource;
import nl.kamerstroom.local.LocalInfrastructure;
import nl.kamerstroom.local.SharedTestInfrastructure;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.schemas.serde.KafkaAvroDeserializer;
import nl.kamerstroom.schemas.serde.KafkaAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The listener on the real broker and registry: letters in, entities and metadata out, poison to the dead-letter topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LetterExtractionListenerTest {

    static final LocalInfrastructure infra = SharedTestInfrastructure.get();
    static KafkaProducer<String, Object> avroProducer;
    static KafkaProducer<String, byte[]> rawProducer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", infra.kafka()::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", infra.registry()::confluentApiUrl);
    }

    @BeforeAll
    static void producers() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        config.put("schema.registry.url", infra.registry().confluentApiUrl());
        avroProducer = new KafkaProducer<>(config, new StringSerializer(), avroSerializer(config));
        rawProducer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducers() {
        avroProducer.close();
        rawProducer.close();
    }

    @Test
    void publishes_the_letters_metadata_and_every_entity_it_names_in_one_transaction() throws Exception {
        // given
        String letterId = "test-" + UUID.randomUUID();
        LetterReceived letter = letter(letterId, sample("ek-27925-AR-nmi-force-protection.txt"));

        // when
        avroProducer.send(new ProducerRecord<>(Topics.LETTERS_RECEIVED.name(), letterId, letter)).get(10, TimeUnit.SECONDS);

        // then
        LetterExtracted extracted = awaitLetterExtracted(letterId);
        assertThat(extracted.getDossier()).isEqualTo("27925");
        assertThat(extracted.getMissionIds()).isNotEmpty();
        assertThat(extracted.getBudgetIds()).isNotEmpty();
        assertThat(extracted.getMotieIds()).isNotEmpty();
        Map<String, SpecificRecord> entities = readCommitted(List.of(Topics.MISSIONS.name(), Topics.BUDGETS.name(), Topics.MOTIES.name()),
                r -> letterId.equals(((org.apache.avro.generic.GenericRecord) r).get("letterId")),
                extracted.getMissionIds().size() + extracted.getBudgetIds().size() + extracted.getMotieIds().size());
        assertThat(entities.keySet()).containsExactlyInAnyOrderElementsOf(concat(
                extracted.getMissionIds(), extracted.getBudgetIds(), extracted.getMotieIds()));
    }

    @Test
    void the_same_letter_twice_gets_the_same_entity_ids() throws Exception {
        // given
        String letterId = "test-" + UUID.randomUUID();
        LetterReceived letter = letter(letterId, sample("tk-34843-111-seksueel-geweld.txt"));
        avroProducer.send(new ProducerRecord<>(Topics.LETTERS_RECEIVED.name(), letterId, letter)).get(10, TimeUnit.SECONDS);
        LetterExtracted first = awaitLetterExtracted(letterId);

        // when
        avroProducer.send(new ProducerRecord<>(Topics.LETTERS_RECEIVED.name(), letterId, letter)).get(10, TimeUnit.SECONDS);

        // then
        List<LetterExtracted> both = awaitLetterExtracted(letterId, 2);
        assertThat(both.get(1).getMotieIds()).isEqualTo(first.getMotieIds()).isNotEmpty();
        assertThat(both.get(1).getBudgetIds()).isEqualTo(first.getBudgetIds());
    }

    @Test
    void extracting_a_letter_again_retracts_the_entities_it_no_longer_names_with_tombstones() throws Exception {
        // given: a letter about two moties, extracted once
        String letterId = "test-" + UUID.randomUUID();
        String both = """
                Hierbij informeer ik uw Kamer over de motie van het lid Van Nispen (SP)¹ en de motie van het lid Kuik (CDA).²

                ¹ Kamerstukken II, 2019/20, 34 602, nr. 3.
                ² Kamerstukken II, 2023/24, 24 077, nr. 519.
                """;
        avroProducer.send(new ProducerRecord<>(Topics.LETTERS_RECEIVED.name(), letterId, letter(letterId, both))).get(10, TimeUnit.SECONDS);
        List<String> before = awaitLetterExtracted(letterId).getMotieIds();
        assertThat(before).hasSize(2);

        // when: the same letter comes out of the extractor with only one of them
        String one = """
                Hierbij informeer ik uw Kamer over de motie van het lid Van Nispen (SP).¹

                ¹ Kamerstukken II, 2019/20, 34 602, nr. 3.
                """;
        avroProducer.send(new ProducerRecord<>(Topics.LETTERS_RECEIVED.name(), letterId, letter(letterId, one))).get(10, TimeUnit.SECONDS);

        // then
        List<String> after = awaitLetterExtracted(letterId, 2).get(1).getMotieIds();
        assertThat(after).hasSize(1);
        String gone = before.stream().filter(id -> !after.contains(id)).findFirst().orElseThrow();
        assertThat(readRaw(Topics.MOTIES.name(), gone, records -> records.stream().anyMatch(r -> r.value() == null)))
                .last().extracting(ConsumerRecord::value).isNull();
    }

    @Test
    void a_record_that_is_not_in_the_wire_format_goes_to_the_dead_letter_topic_and_the_next_letter_is_processed() throws Exception {
        // given
        String poisonKey = "poison-" + UUID.randomUUID();
        byte[] poison = "this is not avro".getBytes(StandardCharsets.UTF_8);
        String letterId = "test-" + UUID.randomUUID();

        // when
        rawProducer.send(new ProducerRecord<>(Topics.LETTERS_RECEIVED.name(), 0, poisonKey, poison)).get(10, TimeUnit.SECONDS);
        avroProducer.send(new ProducerRecord<>(Topics.LETTERS_RECEIVED.name(), 0, letterId,
                letter(letterId, sample("ek-27925-AR-nmi-force-protection.txt")))).get(10, TimeUnit.SECONDS);

        // then
        assertThat(awaitLetterExtracted(letterId).getLetterId()).isEqualTo(letterId);
        List<ConsumerRecord<String, byte[]>> deadLetters = readRaw(Topics.LETTERS_RECEIVED.deadLetterTopic(), poisonKey, r -> !r.isEmpty());
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).value()).isEqualTo(poison);
        assertThat(deadLetters.get(0).partition()).isZero();
        assertThat(deadLetters.get(0).headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
        assertThat(new String(deadLetters.get(0).headers().lastHeader("kafka_dlt-original-consumer-group").value(), StandardCharsets.UTF_8))
                .isEqualTo("extract-service");
    }

    private static LetterExtracted awaitLetterExtracted(String letterId) {
        return awaitLetterExtracted(letterId, 1).get(0);
    }

    private static List<LetterExtracted> awaitLetterExtracted(String letterId, int count) {
        List<LetterExtracted> found = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.LETTERS_EXTRACTED.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (letterId.equals(r.key())) {
                        found.add((LetterExtracted) r.value());
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    private static Map<String, SpecificRecord> readCommitted(List<String> topics, java.util.function.Predicate<Object> wanted, int count) {
        Map<String, SpecificRecord> found = new HashMap<>();
        try (KafkaConsumer<String, Object> consumer = consumer()) {
            consumer.subscribe(topics);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() != null && wanted.test(r.value())) {
                        found.put(r.key(), (SpecificRecord) r.value());
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    private static List<ConsumerRecord<String, byte[]>> readRaw(String topic, String key,
                                                                java.util.function.Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Properties props = consumerProperties();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return enough.test(found);
            });
        }
        return found;
    }

    private static KafkaConsumer<String, Object> consumer() {
        Properties props = consumerProperties();
        props.put("schema.registry.url", infra.registry().confluentApiUrl());
        props.put("specific.avro.reader", "true");
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(toMap(props), false);
        return new KafkaConsumer<>(props, new StringDeserializer(), values);
    }

    private static Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    private static Map<String, Object> toMap(Properties props) {
        Map<String, Object> map = new HashMap<>();
        props.forEach((k, v) -> map.put(k.toString(), v));
        return map;
    }

    private static KafkaAvroSerializer avroSerializer(Map<String, Object> config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    private static LetterReceived letter(String letterId, String text) {
        return LetterReceived.newBuilder()
                .setLetterId(letterId)
                .setReceivedAt(Instant.now())
                .setSource(new LetterSource("letter.txt", "text/plain; charset=UTF-8", DocumentFormat.TEXT, (long) text.length()))
                .setText(text)
                .build();
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = LetterExtractionListenerTest.class.getResourceAsStream("/letters/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
