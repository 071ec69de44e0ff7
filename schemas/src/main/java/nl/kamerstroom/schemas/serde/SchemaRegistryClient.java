package nl.kamerstroom.schemas.serde;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;

/**
 * A caching client for the Confluent Schema Registry REST API (also served by Apicurio at {@code /apis/ccompat/v7}).
 * Schemas are immutable once registered, so ids and schemas are cached for the life of the client;
 * only the registry's answer to "what is the latest version" is ever asked again, and only by a new client.
 */
public final class SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUris;
    private final Optional<String> authorization;
    private final Duration requestTimeout;
    private final HttpClient http;

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();

    /** A schema as the registry holds it under a subject. */
    public record RegisteredSchema(int id, int version, Schema schema) {
    }

    /**
     * @param baseUris       one or more registry URLs; they are tried in order while a registry is unreachable
     * @param userInfo       {@code user:password} for HTTP basic authentication, or null
     * @param requestTimeout time-out of a single HTTP request
     */
    public SchemaRegistryClient(List<URI> baseUris, String userInfo, Duration requestTimeout) {
        if (baseUris.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is required");
        }
        this.baseUris = List.copyOf(baseUris);
        this.authorization = Optional.ofNullable(userInfo)
                .filter(s -> !s.isBlank())
                .map(s -> "Basic " + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    /** Registers {@code schema} under {@code subject} (or finds it, if it is there) and returns its global id. */
    public int register(String subject, Schema schema) {
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer;
        try {
            answer = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        } catch (SchemaRegistryException e) {
            // Apicurio answers 409 to the loser of two concurrent first registrations under a new subject ("artifact
            // already exists"); the winner may have registered this very schema, so look before giving up
            if (e.status() != 409) {
                throw e;
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return lookup(subject, schema);
                } catch (SchemaRegistryException notRegistered) {
                    if (notRegistered.status() != 404 || attempt == 5) {
                        throw e;
                    }
                    pause(100);
                }
            }
        }
        return remember(subject, schema, answer.get("id").asInt());
    }

    /** Returns the id of {@code schema} if it is registered under {@code subject}; fails with 404 otherwise. */
    public int lookup(String subject, Schema schema) {
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("POST", "/subjects/" + encode(subject) + "?normalize=false", schemaBody(schema));
        return remember(subject, schema, answer.get("id").asInt());
    }

    /** The latest version registered under {@code subject}. */
    public RegisteredSchema latest(String subject) {
        return latestBySubject.computeIfAbsent(subject, s -> {
            JsonNode answer = call("GET", "/subjects/" + encode(s) + "/versions/latest", null);
            Schema schema = parse(answer.get("schema").asText());
            int id = answer.get("id").asInt();
            schemasById.putIfAbsent(id, schema);
            return new RegisteredSchema(id, answer.path("version").asInt(-1), schema);
        });
    }

    /** The schema with the given global id. */
    public Schema byId(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("GET", "/schemas/ids/" + id, null);
        Schema schema = parse(answer.get("schema").asText());
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    /** Sets the compatibility level of one subject (BACKWARD, FORWARD, FULL, NONE, ...). */
    public void setCompatibility(String subject, String level) {
        call("PUT", "/config/" + encode(subject), JSON.createObjectNode().put("compatibility", level).toString());
    }

    /** Whether {@code schema} could be registered under {@code subject} by its compatibility rules. */
    public boolean isCompatibleWithLatest(String subject, Schema schema) {
        JsonNode answer = call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema));
        return answer.path("is_compatible").asBoolean(false);
    }

    private int remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private JsonNode call(String method, String path, String body) {
        SchemaRegistryUnavailableException unavailable = null;
        for (URI base : baseUris) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(base.toString()) + path))
                    .timeout(requestTimeout)
                    .header("Accept", CONTENT_TYPE + ", application/json")
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            authorization.ifPresent(value -> request.header("Authorization", value));
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                unavailable = new SchemaRegistryUnavailableException(
                        "schema registry at " + base + " is unreachable: " + e, e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryUnavailableException("interrupted while calling the schema registry", e);
            }
            int status = response.statusCode();
            if (status >= 500) {
                unavailable = new SchemaRegistryUnavailableException(
                        "schema registry at " + base + " answered " + status + " to " + method + " " + path + ": " + response.body(), null);
                continue;
            }
            JsonNode json = readJson(response.body());
            if (status >= 400) {
                throw new SchemaRegistryException("schema registry refused " + method + " " + path + " with " + status
                        + ": " + json.path("message").asText(response.body()), status, json.path("error_code").asInt(-1));
            }
            return json;
        }
        throw unavailable;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException("interrupted while calling the schema registry", e);
        }
    }

    private static JsonNode readJson(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
