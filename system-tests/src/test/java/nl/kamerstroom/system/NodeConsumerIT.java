package nl.kamerstroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.kamerstroom.local.LocalInfrastructure;
import nl.kamerstroom.local.RepoRoot;
import nl.kamerstroom.local.SharedTestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consumer we did not write reads what we publish: {@code examples/node-consumer} (kafkajs and
 * {@code @kafkajs/confluent-schema-registry}) decodes every entity of both sample letters through the registry, with
 * the values the store holds. Proof that our records are the Confluent wire format.
 *
 * <p>The services run as docker-compose runs them: topics and schemas come from the init steps' files in
 * {@code ops/} ({@link ComposeInitSteps}), {@code AUTO_REGISTER_SCHEMAS=false}, {@code KAMERSTROOM_TOPICS_CREATE=false},
 * ECS JSON logs. Skipped where {@code node} is not on the PATH.
 */
class NodeConsumerIT {

    private static final Duration STORED_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CONSUMER_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> SAMPLES = List.of("ek-27925-AR-nmi-force-protection", "tk-34843-111-seksueel-geweld");
    private static final Map<String, String> KINDS = Map.of(
            "missions", "entities.missions", "budgets", "entities.budgets", "moties", "entities.moties");

    private static final Path WORK = Path.of("target", "node-consumer-it").toAbsolutePath();
    private static Path consumerDir;
    private static LocalInfrastructure infrastructure;
    private static RunningPipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(commandWorks("node", "--version"), "node is not on the PATH: the Node consumer test is skipped");
        assumeTrue(commandWorks("npm", "--version"), "npm is not on the PATH: the Node consumer test is skipped");
        consumerDir = RepoRoot.find().resolve("examples").resolve("node-consumer");
        Files.createDirectories(WORK);
        installConsumer();

        infrastructure = SharedTestInfrastructure.get();
        ComposeInitSteps init = new ComposeInitSteps(RepoRoot.find());
        assertThat(init.staleFiles()).as("ops/ files out of date; run ops/export-contract.sh").isEmpty();
        init.createTopics(infrastructure.kafka().bootstrapServers(), 3);
        init.registerSchemas(infrastructure.registry().confluentApiUrl());
        pipeline = RunningPipeline.start(ComposeInitSteps.composeServiceEnvironment(infrastructure.serviceEnvironment()),
                WORK.resolve("service-logs"));
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    @Test
    void the_node_consumer_decodes_every_entity_the_store_holds_with_the_same_values() throws Exception {
        // given: both sample letters through the pipeline, and what the store holds of them
        Map<String, JsonNode> stored = new TreeMap<>();
        Set<String> letterIds = new TreeSet<>();
        for (String sample : SAMPLES) {
            String letterId = pipeline.client.ingest(RepoRoot.find().resolve("samples").resolve(sample + ".txt"));
            letterIds.add(letterId);
            ObjectNode letter = pipeline.client.awaitStored(letterId, STORED_TIMEOUT);
            KINDS.forEach((kind, topic) -> letter.path(kind).forEach(entity -> stored.put(topic + "/" + entity.path("entityId").asText(), entity)));
        }
        assertThat(stored).as("entities of the sample letters in the store").isNotEmpty();
        for (String topic : KINDS.values()) {
            assertThat(stored.keySet()).as("the samples yield entities on %s", topic).anyMatch(key -> key.startsWith(topic + "/"));
        }

        // when: the Node consumer reads the entity topics from the beginning until it is idle
        List<JsonNode> lines = runConsumer();

        // then: the latest record of each key (tombstones retract it) of our letters is exactly what the store holds
        Map<String, JsonNode> decoded = new TreeMap<>();
        for (JsonNode line : lines) {
            String key = line.path("topic").asText() + "/" + line.path("key").asText();
            if (line.path("tombstone").asBoolean(false)) {
                decoded.remove(key);
            } else if (letterIds.contains(line.path("value").path("letterId").asText())) {
                assertThat(line.path("schemaId").isInt()).as("schema id of %s", key).isTrue();
                decoded.put(key, line.path("value"));
            }
        }
        assertThat(decoded.keySet()).as("entities the Node consumer decoded").isEqualTo(stored.keySet());
        for (Map.Entry<String, JsonNode> entry : decoded.entrySet()) {
            JsonNode value = entry.getValue();
            JsonNode inStore = stored.get(entry.getKey());
            assertThat(value.path("entityId").asText()).isEqualTo(inStore.path("entityId").asText());
            for (Iterator<String> fields = value.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                assertThat(sameJson(value.get(field), inStore.get(field)))
                        .as("%s of %s: decoded %s, stored %s", field, entry.getKey(), value.get(field), inStore.get(field))
                        .isTrue();
            }
        }
        // the fields the issue names, so a schema change that drops them cannot pass unnoticed
        assertThat(decoded.entrySet()).filteredOn(e -> e.getKey().startsWith("entities.budgets/"))
                .allSatisfy(e -> assertThat(e.getValue().path("amountEur").isNumber()).isTrue());
        assertThat(decoded.entrySet()).filteredOn(e -> e.getKey().startsWith("entities.missions/"))
                .allSatisfy(e -> assertThat(e.getValue().has("acronym")).isTrue());
        assertThat(decoded.entrySet()).filteredOn(e -> e.getKey().startsWith("entities.moties/"))
                .allSatisfy(e -> assertThat(e.getValue().path("submitters").isArray()).isTrue());
    }

    /** {@code npm ci} when {@code node_modules} is missing. */
    private static void installConsumer() throws IOException, InterruptedException {
        if (Files.isDirectory(consumerDir.resolve("node_modules"))) {
            return;
        }
        Path log = WORK.resolve("npm-ci.log");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(consumerDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!npm.waitFor(NPM_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci took longer than " + NPM_TIMEOUT + "; see " + log);
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed with " + npm.exitValue() + ":\n" + Files.readString(log));
        }
    }

    private static List<JsonNode> runConsumer() throws IOException, InterruptedException {
        Path out = WORK.resolve("consumer.jsonl");
        Path err = WORK.resolve("consumer.stderr.log");
        Process consumer = new ProcessBuilder("node", "consumer.js",
                "--brokers", infrastructure.kafka().bootstrapServers(),
                "--registry", infrastructure.registry().confluentApiUrl(),
                "--group", "node-consumer-it-" + UUID.randomUUID(),
                "--from-beginning",
                "--idle-exit-ms", "5000")
                .directory(consumerDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!consumer.waitFor(CONSUMER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            consumer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the Node consumer did not exit within " + CONSUMER_TIMEOUT + "; stderr:\n" + Files.readString(err));
        }
        assertThat(consumer.exitValue()).as("exit status of the Node consumer; stderr:\n%s", Files.readString(err)).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(ComposeInitSteps.json(line));
            }
        }
        return lines;
    }

    /** JSON equality where numbers compare by value (145 equals 145.0) and a missing node equals null. */
    static boolean sameJson(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull() || a.isMissingNode();
        boolean bNull = b == null || b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameJson(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            a.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
            b.fields().forEachRemaining(e -> fields.putIfAbsent(e.getKey(), null));
            return fields.keySet().stream().allMatch(name -> sameJson(a.get(name), b.get(name)));
        }
        return a.equals(b);
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
