package nl.kamerstroom.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kamerstroom.schemas.Topic;
import nl.kamerstroom.schemas.Topics;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * What docker-compose's one-shot init steps do ({@code ops/init-topics.sh}, {@code ops/init-schemas.sh}), done from
 * the same files ({@code ops/topics.tsv}, {@code ops/schemas/*.json}) against any broker and registry, so a test can
 * run the services as compose runs them: {@code AUTO_REGISTER_SCHEMAS=false}, {@code KAMERSTROOM_TOPICS_CREATE=false}.
 */
final class ComposeInitSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path ops;

    ComposeInitSteps(Path repoRoot) {
        this.ops = repoRoot.resolve("ops");
    }

    /** The environment compose gives every service on top of the infrastructure's addresses. */
    static Map<String, String> composeServiceEnvironment(Map<String, String> infrastructure) {
        Map<String, String> env = new LinkedHashMap<>(infrastructure);
        env.put("AUTO_REGISTER_SCHEMAS", "false");
        env.put("KAMERSTROOM_TOPICS_CREATE", "false");
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        return env;
    }

    /**
     * Differences between the committed {@code ops/} files and the contract in module {@code schemas}; empty when
     * they agree. {@code ops/export-contract.sh} regenerates them.
     */
    List<String> staleFiles() throws IOException {
        List<String> stale = new ArrayList<>();
        Map<String, String> expectedTopics = new TreeMap<>();
        for (NewTopic topic : Topics.definitions(1, (short) 1)) {
            expectedTopics.put(topic.name(), new TreeMap<>(topic.configs()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        }
        Map<String, String> committedTopics = new TreeMap<>();
        topicLines().forEach((name, config) -> committedTopics.put(name, String.join(",", config.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList())));
        if (!expectedTopics.equals(committedTopics)) {
            stale.add("ops/topics.tsv: " + committedTopics + " instead of " + expectedTopics);
        }
        for (Topic<String, ?> topic : Topics.ALL) {
            Path file = ops.resolve("schemas").resolve(topic.valueSubject() + ".json");
            String expected = SpecificData.get().getSchema(topic.valueType()).toString();
            String committed = Files.isRegularFile(file) ? JSON.readTree(file.toFile()).path("schema").asText() : "(missing)";
            if (!expected.equals(committed)) {
                stale.add(ops.relativize(file) + " is not the SCHEMA$ of " + topic.valueType().getName());
            }
        }
        try (Stream<Path> files = Files.list(ops.resolve("schemas"))) {
            Set<String> subjects = Topics.ALL.stream().map(t -> t.valueSubject() + ".json").collect(Collectors.toSet());
            files.map(f -> f.getFileName().toString()).filter(n -> !subjects.contains(n))
                    .forEach(n -> stale.add("ops/schemas/" + n + " belongs to no topic"));
        }
        return stale;
    }

    /** Creates every topic of {@code ops/topics.tsv} that is missing, as {@code ops/init-topics.sh} does. */
    void createTopics(String bootstrapServers, int partitions) throws IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            topicLines().forEach((name, config) -> {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, (short) 1).configs(config));
                }
            });
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics", e.getCause());
        }
    }

    /**
     * Registers each {@code ops/schemas/<topic>-value.json} under {@code <topic>-value} and
     * {@code <topic>-dlt-value}, as {@code ops/init-schemas.sh} does; returns the ids by subject.
     */
    Map<String, Integer> registerSchemas(String registryUrl) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = registryUrl.endsWith("/") ? registryUrl.substring(0, registryUrl.length() - 1) : registryUrl;
        Map<String, Integer> ids = new TreeMap<>();
        try (Stream<Path> files = Files.list(ops.resolve("schemas"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("-value.json")).sorted().toList()) {
                String subject = file.getFileName().toString().replaceFirst("\\.json$", "");
                String topic = subject.substring(0, subject.length() - "-value".length());
                for (String s : List.of(subject, topic + Topic.DEAD_LETTER_SUFFIX + "-value")) {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/subjects/" + s + "/versions"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                            .POST(HttpRequest.BodyPublishers.ofString(Files.readString(file, StandardCharsets.UTF_8)))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("registering " + s + " answered " + answer.statusCode() + ": " + answer.body());
                    }
                    ids.put(s, JSON.readTree(answer.body()).path("id").asInt());
                }
            }
        }
        return ids;
    }

    /** {@code ops/topics.tsv}: topic name to its configuration, in file order. */
    private Map<String, Map<String, String>> topicLines() {
        Map<String, Map<String, String>> topics = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(ops.resolve("topics.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                Map<String, String> config = new TreeMap<>();
                if (parts.length > 1 && !parts[1].equals("-")) {
                    for (String entry : parts[1].split(",")) {
                        String[] kv = entry.split("=", 2);
                        config.put(kv[0], kv[1]);
                    }
                }
                topics.put(parts[0], config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
