package nl.kamerstroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.kamerstroom.avro.Recurrence;
import nl.kamerstroom.local.SharedTestInfrastructure;
import nl.kamerstroom.schemas.Topics;

/** Re-extraction through the real topics; the test stands in for extract-service, which is another service. */
class ReextractionIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private JsonMapper json;

    @Test
    void theAdminApiNeedsAConfiguredKeyAndTheRestStaysOpen() throws Exception {
        // when
        HttpResponse<String> withoutKey = post("/api/admin/reextract", null);
        HttpResponse<String> withWrongKey = post("/api/admin/reextract", "not-" + ADMIN_KEY);
        HttpResponse<String> progressWithoutKey = get("/api/admin/reextract/" + UUID.randomUUID());

        // then
        for (HttpResponse<String> response : List.of(withoutKey, withWrongKey, progressWithoutKey)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    contentType -> assertThat(contentType).startsWith("application/problem+json"));
            assertThat(json.readTree(response.body()).get("title").asString()).isEqualTo("API key required");
        }
        assertThat(get("/api/letters").statusCode()).isEqualTo(200);
    }

    @Test
    void reextractingADossierRepublishesItsLettersUnchangedAndIsDoneOnceTheyAreExtractedAgain() throws Exception {
        // given two letters of a dossier and one of another, all stored
        String dossier = TestLetter.uniqueDossier();
        TestLetter first = letter(dossier, "Er is incidenteel 2 miljoen euro beschikbaar.", "incidenteel 2 miljoen euro", 2_000_000L);
        TestLetter second = letter(dossier, "Er is structureel 3 miljoen euro beschikbaar.", "structureel 3 miljoen euro", 3_000_000L);
        TestLetter elsewhere = letter(TestLetter.uniqueDossier(), "Er is 5 miljoen euro beschikbaar.", "5 miljoen euro", 5_000_000L);
        for (TestLetter letter : List.of(first, second, elsewhere)) {
            letter.publish();
            awaitLetter(letter.letterId, "STORED");
        }
        Map<String, byte[]> originals = lastValues(0, List.of(first.letterId, second.letterId));
        long endBefore = endOffset();

        // when (with the second of the configured keys)
        HttpResponse<String> started = post("/api/admin/reextract?dossier=" + dossier, ADMIN_KEY);

        // then
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode job = json.readTree(started.body());
        assertThat(location).isEqualTo("/api/admin/reextract/" + job.get("jobId").asString());
        assertThat(job.get("requested").asInt()).isEqualTo(2);

        // and exactly the dossier's letters come back on letters.received, byte for byte
        Map<String, byte[]> republished = await().atMost(PATIENCE)
                .until(() -> lastValues(endBefore, List.of(first.letterId, second.letterId, elsewhere.letterId)), values -> values.size() >= 2);
        assertThat(republished.keySet()).containsExactlyInAnyOrder(first.letterId, second.letterId);
        assertThat(republished.get(first.letterId)).isEqualTo(originals.get(first.letterId));
        assertThat(republished.get(second.letterId)).isEqualTo(originals.get(second.letterId));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode progress = progress(location);
            assertThat(progress.get("republished").asInt()).isEqualTo(2);
            assertThat(progress.get("state").asString()).isEqualTo("RUNNING");
            assertThat(progress.get("done").asInt()).isZero();
        });

        // when extract-service has extracted them again
        first.publishExtraction(Instant.now());
        second.publishExtraction(Instant.now());

        // then
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode progress = progress(location);
            assertThat(progress.get("state").asString()).isEqualTo("DONE");
            assertThat(progress.get("done").asInt()).isEqualTo(2);
            assertThat(progress.get("missing").asInt()).isZero();
            assertThat(progress.get("finishedAt").isNull()).isFalse();
        });
    }

    @Test
    void reextractingWhatTheStoreDoesNotKnowOrAskingTwoThingsIsRefused() throws Exception {
        assertThat(post("/api/admin/reextract?dossier=" + TestLetter.uniqueDossier(), ADMIN_KEY).statusCode()).isEqualTo(404);
        assertThat(post("/api/admin/reextract?letterId=" + "ab".repeat(32), ADMIN_KEY).statusCode()).isEqualTo(404);
        assertThat(post("/api/admin/reextract?letterId=nope", ADMIN_KEY).statusCode()).isEqualTo(400);
        assertThat(post("/api/admin/reextract?letterId=" + "ab".repeat(32) + "&dossier=1", ADMIN_KEY).statusCode()).isEqualTo(400);
        assertThat(get("/api/admin/reextract/" + UUID.randomUUID(), ADMIN_KEY).statusCode()).isEqualTo(404);
    }

    // --- plumbing

    private static TestLetter letter(String dossier, String text, String amountText, long amount) {
        return new TestLetter(text, dossier, LocalDate.of(2025, 2, 1)).budget(amountText, amount, Recurrence.UNKNOWN, null, null);
    }

    private JsonNode progress(String location) throws Exception {
        HttpResponse<String> response = get(location, ADMIN_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.noBody());
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String apiKey) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("X-Api-Key", apiKey).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** letters.received has one partition in these tests (the first test to publish creates it). */
    private static final TopicPartition RECEIVED = new TopicPartition(Topics.LETTERS_RECEIVED.name(), 0);

    private static long endOffset() {
        try (var consumer = consumer()) {
            return consumer.endOffsets(List.of(RECEIVED)).get(RECEIVED);
        }
    }

    /** The last value of each of the keys on letters.received from {@code offset} up to the current end. */
    private static Map<String, byte[]> lastValues(long offset, List<String> keys) {
        Map<String, byte[]> values = new HashMap<>();
        try (var consumer = consumer()) {
            consumer.assign(List.of(RECEIVED));
            consumer.seek(RECEIVED, offset);
            long end = consumer.endOffsets(List.of(RECEIVED)).get(RECEIVED);
            while (consumer.position(RECEIVED) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key())) {
                        values.put(record.key(), record.value());
                    }
                }
            }
        }
        return values;
    }
}
