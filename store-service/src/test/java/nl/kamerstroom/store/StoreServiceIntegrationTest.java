package nl.kamerstroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.kamerstroom.avro.Budget;
import nl.kamerstroom.avro.Chamber;
import nl.kamerstroom.avro.DocumentFormat;
import nl.kamerstroom.avro.Evidence;
import nl.kamerstroom.avro.KamerstukReference;
import nl.kamerstroom.avro.LetterExtracted;
import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.avro.LetterSource;
import nl.kamerstroom.avro.Mission;
import nl.kamerstroom.avro.Motie;
import nl.kamerstroom.avro.Recurrence;
import nl.kamerstroom.avro.Sender;
import nl.kamerstroom.avro.Submitter;
import nl.kamerstroom.local.LocalInfrastructure;
import nl.kamerstroom.local.SharedTestInfrastructure;
import nl.kamerstroom.schemas.Topic;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.schemas.serde.KafkaAvroDeserializer;
import nl.kamerstroom.schemas.serde.KafkaAvroSerializer;

/** The whole service on real Kafka, registry and PostgreSQL: Avro records in, JSON out. */
class StoreServiceIntegrationTest extends IntegrationTestSupport {

    private static final String TEXT = "Het kabinet verlengt de bijdrage aan NAVO Missie Irak (NMI). "
            + "Hiervoor is structureel 4 miljoen euro beschikbaar. "
            + "Zo voer ik de motie van het lid Van Nispen (SP) uit.";
    private static final String MISSION_SENTENCE = "Het kabinet verlengt de bijdrage aan NAVO Missie Irak (NMI).";
    private static final String BUDGET_SENTENCE = "Hiervoor is structureel 4 miljoen euro beschikbaar.";
    private static final String MOTIE_SENTENCE = "Zo voer ik de motie van het lid Van Nispen (SP) uit.";

    private static LocalInfrastructure infrastructure;
    private static KafkaProducer<String, Object> avroProducer;
    private static KafkaProducer<String, byte[]> bytesProducer;

    @BeforeAll
    static void topicsAndProducers() throws InterruptedException, ExecutionException {
        infrastructure = SharedTestInfrastructure.get();
        String bootstrapServers = infrastructure.kafka().bootstrapServers();
        // the upstream services create these in production; here the test stands in for them
        try (Admin admin = admin()) {
            for (NewTopic definition : Topics.definitions(1, (short) 1)) {
                if (!definition.name().endsWith(Topic.DEAD_LETTER_SUFFIX)) {
                    createIfAbsent(admin, definition);
                }
            }
        }
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                "schema.registry.url", infrastructure.registry().confluentApiUrl());
        avroProducer = new KafkaProducer<>(producerConfig, new StringSerializer(), avroSerializer(producerConfig));
        bytesProducer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducers() {
        avroProducer.close();
        bytesProducer.close();
    }

    @Test
    void aLetterPublishedOnAllFiveTopicsIsServedWithEveryFieldAsStored() throws Exception {
        // given
        String letterId = newLetterId();
        String missionId = letterId.substring(0, 12) + "-mission-1";
        String budgetId = letterId.substring(0, 12) + "-budget-1";
        String motieId = letterId.substring(0, 12) + "-motie-1";

        // when entities come first and the letter last, as they may
        send(Topics.MISSIONS, missionId, mission(missionId, letterId));
        send(Topics.BUDGETS, budgetId, budget(budgetId, letterId));
        send(Topics.MOTIES, motieId, motie(motieId, letterId));
        send(Topics.LETTERS_EXTRACTED, letterId, extracted(letterId, List.of(missionId), List.of(budgetId), List.of(motieId)));
        send(Topics.LETTERS_RECEIVED, letterId, received(letterId));

        // then
        String json = awaitLetter(letterId, "STORED");
        JSONAssert.assertEquals("""
                {
                  "letterId": "%1$s",
                  "status": "STORED",
                  "notice": null,
                  "letter": {
                    "dossier": "27925",
                    "dossierTitle": "Bestrijding internationaal terrorisme",
                    "documentNumber": "111",
                    "chamber": "TWEEDE_KAMER",
                    "sessionYear": "2024-2025",
                    "date": "2025-03-14",
                    "senders": [
                      {"role": "minister van defensie", "name": "R.P. Brekelmans"},
                      {"role": null, "name": "C.C.J. Veldkamp"}
                    ]
                  },
                  "missions": [{
                    "entityId": "%2$s",
                    "letterId": "%1$s",
                    "extractorVersion": "rules-1.0",
                    "confidence": 0.9,
                    "evidence": {"quote": "%5$s", "start": 0, "end": 60},
                    "name": "NAVO Missie Irak",
                    "acronym": "NMI",
                    "organisation": "NAVO",
                    "country": "Irak",
                    "personnel": 150,
                    "start": "2025-01-01",
                    "end": "2025-12-31",
                    "dutchContribution": true
                  }],
                  "budgets": [{
                    "entityId": "%3$s",
                    "letterId": "%1$s",
                    "extractorVersion": "rules-1.0",
                    "confidence": 0.8,
                    "evidence": {"quote": "%6$s", "start": 61, "end": 112},
                    "amountEur": 4000000,
                    "text": "structureel 4 miljoen euro",
                    "recurrence": "STRUCTURAL",
                    "year": null,
                    "purpose": null
                  }],
                  "moties": [{
                    "entityId": "%4$s",
                    "letterId": "%1$s",
                    "extractorVersion": "rules-1.0",
                    "confidence": 0.7,
                    "evidence": {"quote": "%7$s", "start": 113, "end": 165},
                    "submitters": [{"name": "Van Nispen", "party": "SP"}, {"name": "Boswijk", "party": null}],
                    "reference": {"dossier": "36410-X", "number": "16", "chamber": "TWEEDE_KAMER", "sessionYear": "2023-2024"},
                    "text": "de motie van het lid Van Nispen (SP)"
                  }],
                  "text": "%8$s",
                  "source": {"fileName": "kamerbrief.txt", "contentType": "text/plain", "format": "TEXT", "sizeBytes": 165},
                  "receivedAt": "2025-03-14T09:30:00.123Z",
                  "extractedAt": "2025-03-14T09:31:00Z",
                  "extractorVersion": "rules-1.0"
                }
                """.formatted(letterId, missionId, budgetId, motieId, MISSION_SENTENCE, BUDGET_SENTENCE, MOTIE_SENTENCE, TEXT),
                json, JSONCompareMode.STRICT);
    }

    @Test
    void aTombstoneRetractsAnEntityAndTheLetterIsNoLongerCompletelyStored() throws Exception {
        // given
        String letterId = newLetterId();
        String missionId = letterId.substring(0, 12) + "-mission-1";
        send(Topics.LETTERS_RECEIVED, letterId, received(letterId));
        send(Topics.LETTERS_EXTRACTED, letterId, extracted(letterId, List.of(missionId), List.of(), List.of()));
        send(Topics.MISSIONS, missionId, mission(missionId, letterId));
        awaitLetter(letterId, "STORED");

        // when
        send(Topics.MISSIONS, missionId, null);

        // then
        String json = awaitLetter(letterId, "EXTRACTED");
        JSONAssert.assertEquals("{\"missions\": []}", json, JSONCompareMode.LENIENT);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsBytesAndTheRecordBehindItIsStored() throws Exception {
        // given a record that is not in the registry wire format, followed by a good one in the same partition
        String letterId = newLetterId();
        String budgetId = letterId.substring(0, 12) + "-budget-1";
        String poisonKey = "poison-" + UUID.randomUUID();
        byte[] poison = "{\"amountEur\": 4000000}".getBytes(StandardCharsets.UTF_8);
        send(Topics.LETTERS_RECEIVED, letterId, received(letterId));
        send(Topics.LETTERS_EXTRACTED, letterId, extracted(letterId, List.of(), List.of(budgetId), List.of()));

        // when
        bytesProducer.send(new ProducerRecord<>(Topics.BUDGETS.name(), 0, poisonKey, poison)).get();
        avroProducer.send(new ProducerRecord<>(Topics.BUDGETS.name(), 0, budgetId, budget(budgetId, letterId))).get();

        // then
        awaitLetter(letterId, "STORED");
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(Topics.BUDGETS.deadLetterTopic(), poisonKey);
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-exception-fqcn").value(), StandardCharsets.UTF_8))
                .endsWith("DeserializationException");
        assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.BUDGETS.name());
    }

    @Test
    void aLetterExtractionGaveUpOnIsServedAsFailedWithTheReasonFromTheDeadLetter() throws Exception {
        // given a received letter
        String letterId = newLetterId();
        send(Topics.LETTERS_RECEIVED, letterId, received(letterId));
        awaitLetter(letterId, "RECEIVED");

        // when extract-service dead-letters it
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(Topics.LETTERS_RECEIVED.deadLetterTopic(), letterId,
                "original bytes".getBytes(StandardCharsets.UTF_8));
        deadLetter.headers().add("kafka_dlt-exception-fqcn", "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
        deadLetter.headers().add("kafka_dlt-exception-message", "extractor broke".getBytes(StandardCharsets.UTF_8));
        bytesProducer.send(deadLetter).get();

        // then
        String json = awaitLetter(letterId, "FAILED");
        JSONAssert.assertEquals("{\"notice\": \"Extraction failed: IllegalStateException: extractor broke\"}", json,
                JSONCompareMode.LENIENT);
    }

    @Test
    void aRecordThatCannotBeStoredGoesToTheDeadLetterTopicAfterItsRetriesInTheWireFormat() throws Exception {
        // given a budget PostgreSQL refuses (text cannot hold NUL), followed by a good one in the same partition
        String letterId = newLetterId();
        String refusedId = letterId.substring(0, 12) + "-budget-refused";
        String budgetId = letterId.substring(0, 12) + "-budget-1";
        Budget refused = Budget.newBuilder(budget(refusedId, letterId)).setPurpose("nul\u0000byte").build();
        send(Topics.LETTERS_RECEIVED, letterId, received(letterId));
        send(Topics.LETTERS_EXTRACTED, letterId, extracted(letterId, List.of(), List.of(budgetId), List.of()));

        // when
        avroProducer.send(new ProducerRecord<>(Topics.BUDGETS.name(), 0, refusedId, refused)).get();
        avroProducer.send(new ProducerRecord<>(Topics.BUDGETS.name(), 0, budgetId, budget(budgetId, letterId))).get();

        // then
        awaitLetter(letterId, "STORED");
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(Topics.BUDGETS.deadLetterTopic(), refusedId);
        assertThat(avroDeserializer().deserialize(Topics.BUDGETS.deadLetterTopic(), deadLetter.value())).isEqualTo(refused);
    }

    @Test
    void whileTheDatabaseIsDownRecordsWaitForItInsteadOfGoingToTheDeadLetterTopic() throws Exception {
        // given
        String letterId = newLetterId();
        String budgetId = letterId.substring(0, 12) + "-budget-1";
        send(Topics.LETTERS_RECEIVED, letterId, received(letterId));
        send(Topics.LETTERS_EXTRACTED, letterId, extracted(letterId, List.of(), List.of(budgetId), List.of()));
        awaitLetter(letterId, "EXTRACTED");

        infrastructure.postgres().stop();
        try {
            // when
            send(Topics.BUDGETS, budgetId, budget(budgetId, letterId));

            // then the service is not ready, and the record outlives the retries of an ordinary failure
            await().atMost(PATIENCE).until(() -> get("/actuator/health/readiness").statusCode() == 503);
            await().during(Duration.ofSeconds(10)).atMost(PATIENCE)
                    .until(() -> keys(deadLetters(Topics.BUDGETS.deadLetterTopic())), keys -> !keys.contains(budgetId));
        } finally {
            infrastructure.postgres().start();
        }

        // and it is stored once the database is back
        awaitLetter(letterId, "STORED");
        assertThat(keys(deadLetters(Topics.BUDGETS.deadLetterTopic()))).doesNotContain(budgetId);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void theServiceCreatesTheDeadLetterTopicOfEveryTopicItReads() throws Exception {
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get())
                    .containsAll(Topics.ALL.stream().map(Topic::deadLetterTopic).toList());
        }
    }

    @Test
    void anUnknownLetterIsAProblemOf404() throws Exception {
        // when
        HttpResponse<String> response = get("/api/letters/" + newLetterId());

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JSONAssert.assertEquals("{\"status\": 404, \"title\": \"Letter not found\"}", response.body(), JSONCompareMode.LENIENT);
    }

    @Test
    void aMalformedLetterIdIsAProblemOf400() throws Exception {
        // when
        HttpResponse<String> response = get("/api/letters/NOT-A-SHA-256");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JSONAssert.assertEquals("{\"status\": 400, \"title\": \"Malformed letter id\"}", response.body(), JSONCompareMode.LENIENT);
    }

    @Test
    void healthIncludesTheDatabaseAndMetricsAreExposed() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    // --- records as the upstream services publish them

    private static LetterReceived received(String letterId) {
        return LetterReceived.newBuilder()
                .setLetterId(letterId)
                .setReceivedAt(Instant.parse("2025-03-14T09:30:00.123Z"))
                .setSource(LetterSource.newBuilder()
                        .setFileName("kamerbrief.txt")
                        .setContentType("text/plain")
                        .setFormat(DocumentFormat.TEXT)
                        .setSizeBytes(TEXT.length())
                        .build())
                .setText(TEXT)
                .build();
    }

    private static LetterExtracted extracted(String letterId, List<String> missionIds, List<String> budgetIds, List<String> motieIds) {
        return LetterExtracted.newBuilder()
                .setLetterId(letterId)
                .setExtractedAt(Instant.parse("2025-03-14T09:31:00Z"))
                .setExtractorVersion("rules-1.0")
                .setDossier("27925")
                .setDossierTitle("Bestrijding internationaal terrorisme")
                .setDocumentNumber("111")
                .setChamber(Chamber.TWEEDE_KAMER)
                .setSessionYear("2024-2025")
                .setDate(LocalDate.of(2025, 3, 14))
                .setSenders(List.of(
                        new Sender("minister van defensie", "R.P. Brekelmans"),
                        new Sender(null, "C.C.J. Veldkamp")))
                .setMissionIds(missionIds)
                .setBudgetIds(budgetIds)
                .setMotieIds(motieIds)
                .build();
    }

    private static Mission mission(String entityId, String letterId) {
        return Mission.newBuilder()
                .setEntityId(entityId)
                .setLetterId(letterId)
                .setExtractorVersion("rules-1.0")
                .setConfidence(0.9)
                .setEvidence(evidence(MISSION_SENTENCE))
                .setName("NAVO Missie Irak")
                .setAcronym("NMI")
                .setOrganisation("NAVO")
                .setCountry("Irak")
                .setPersonnel(150)
                .setStart(LocalDate.of(2025, 1, 1))
                .setEnd(LocalDate.of(2025, 12, 31))
                .setDutchContribution(true)
                .build();
    }

    private static Budget budget(String entityId, String letterId) {
        return Budget.newBuilder()
                .setEntityId(entityId)
                .setLetterId(letterId)
                .setExtractorVersion("rules-1.0")
                .setConfidence(0.8)
                .setEvidence(evidence(BUDGET_SENTENCE))
                .setAmountEur(4_000_000L)
                .setText("structureel 4 miljoen euro")
                .setRecurrence(Recurrence.STRUCTURAL)
                .build();
    }

    private static Motie motie(String entityId, String letterId) {
        return Motie.newBuilder()
                .setEntityId(entityId)
                .setLetterId(letterId)
                .setExtractorVersion("rules-1.0")
                .setConfidence(0.7)
                .setEvidence(evidence(MOTIE_SENTENCE))
                .setSubmitters(List.of(new Submitter("Van Nispen", "SP"), new Submitter("Boswijk", null)))
                .setReference(new KamerstukReference("36410-X", "16", Chamber.TWEEDE_KAMER, "2023-2024"))
                .setText("de motie van het lid Van Nispen (SP)")
                .build();
    }

    private static Evidence evidence(String sentence) {
        int start = TEXT.indexOf(sentence);
        return new Evidence(sentence, start, start + sentence.length());
    }

    // --- plumbing

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, String key) {
        return await().atMost(PATIENCE).until(
                () -> deadLetters(topic).stream().filter(record -> key.equals(record.key())).findFirst(),
                Optional::isPresent).orElseThrow();
    }


    private static List<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    private static String newLetterId() {
        byte[] sha256 = new byte[32];
        ThreadLocalRandom.current().nextBytes(sha256);
        return HexFormat.of().formatHex(sha256);
    }

    private static KafkaAvroSerializer avroSerializer(Map<String, Object> config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    private static KafkaAvroDeserializer avroDeserializer() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of(
                "schema.registry.url", infrastructure.registry().confluentApiUrl(),
                "specific.avro.reader", true), false);
        return deserializer;
    }

    private static void createIfAbsent(Admin admin, NewTopic topic) throws InterruptedException, ExecutionException {
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
