package nl.kamerstroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Talks to a running pipeline the way an operator would: uploads documents to ingest-service and waits for the
 * letter to be {@code STORED} (or {@code FAILED}) in store-service.
 */
public final class PipelineClient {

    /** Store statuses after which a letter does not change any more without a new upload. */
    public static final Set<String> FINAL_STATUSES = Set.of("STORED", "FAILED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI ingestUrl;
    private final URI storeUrl;
    private final String apiKey;
    private final Duration ingestRetryLimit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param ingestUrl base URL of ingest-service, e.g. {@code http://localhost:8081}
     * @param storeUrl  base URL of store-service, e.g. {@code http://localhost:8083}
     * @param apiKey    sent as {@code X-Api-Key}
     */
    public PipelineClient(String ingestUrl, String storeUrl, String apiKey) {
        this(ingestUrl, storeUrl, apiKey, Duration.ofSeconds(120));
    }

    /** As above; {@code ingestRetryLimit} bounds how long an upload is retried while ingest answers 503 or is unreachable. */
    public PipelineClient(String ingestUrl, String storeUrl, String apiKey, Duration ingestRetryLimit) {
        this.ingestUrl = URI.create(stripSlash(ingestUrl));
        this.storeUrl = URI.create(stripSlash(storeUrl));
        this.apiKey = apiKey;
        this.ingestRetryLimit = ingestRetryLimit;
    }

    /** The failure of one document: refused by ingest, not stored in time, or unreadable. */
    public static final class PipelineException extends RuntimeException {
        private final int status;

        public PipelineException(String message, int status) {
            super(message);
            this.status = status;
        }

        /** HTTP status that ended it, or -1. */
        public int status() {
            return status;
        }
    }

    /** Uploads {@code file} (content type guessed from its extension) and returns the letterId. */
    public String ingest(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PipelineException("cannot read " + file + ": no such file", -1);
        } catch (IOException e) {
            throw new PipelineException("cannot read " + file + ": " + e, -1);
        }
        String name = file.getFileName().toString();
        return ingest(bytes, name, ContentTypes.guess(name));
    }

    /**
     * {@code POST /api/letters?fileName=<name>} with the raw bytes. Retries with back-off (honouring
     * {@code Retry-After}) while ingest answers 503 or cannot be reached; any other non-2xx answer fails.
     */
    public String ingest(byte[] bytes, String fileName, String contentType) {
        String query = fileName == null ? "" : "?fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        HttpRequest request = HttpRequest.newBuilder(ingestUrl.resolve("/api/letters" + query))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("X-Api-Key", apiKey)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        long deadline = System.nanoTime() + ingestRetryLimit.toNanos();
        long backOff = 250;
        while (true) {
            String why;
            long wait = backOff;
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = answer.statusCode();
                if (status / 100 == 2) {
                    JsonNode body = parse(answer.body());
                    String letterId = body.path("letterId").asText("");
                    if (letterId.isEmpty()) {
                        throw new PipelineException("ingest answered " + status + " without a letterId: " + answer.body(), status);
                    }
                    return letterId;
                }
                if (status != 503) {
                    throw new PipelineException("ingest refused " + fileName + " with " + status + ": " + describe(answer.body()), status);
                }
                why = "ingest answered 503: " + describe(answer.body());
                Optional<Long> retryAfter = retryAfterMillis(answer.headers().firstValue("Retry-After").orElse(null));
                if (retryAfter.isPresent()) {
                    wait = retryAfter.get();
                }
            } catch (IOException e) {
                why = "ingest at " + ingestUrl + " is unreachable: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineException("interrupted while uploading " + fileName, -1);
            }
            if (System.nanoTime() + wait * 1_000_000 > deadline) {
                throw new PipelineException("gave up uploading " + fileName + " after " + ingestRetryLimit.toSeconds() + " s: " + why, 503);
            }
            ApicurioRegistry.pause(wait);
            backOff = Math.min(backOff * 2, 5_000);
        }
    }

    /** The store's current answer for {@code letterId}, or empty while it answers 404. */
    public Optional<ObjectNode> letter(String letterId) {
        HttpRequest request = HttpRequest.newBuilder(storeUrl.resolve("/api/letters/" + URLEncoder.encode(letterId, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("X-Api-Key", apiKey)
                .GET()
                .build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() == 404) {
                return Optional.empty();
            }
            if (answer.statusCode() != 200) {
                throw new PipelineException("store answered " + answer.statusCode() + " for letter " + letterId + ": "
                        + describe(answer.body()), answer.statusCode());
            }
            JsonNode body = parse(answer.body());
            if (!(body instanceof ObjectNode object)) {
                throw new PipelineException("store answered with something other than a JSON object for letter " + letterId + ": "
                        + describe(answer.body()), 200);
            }
            return Optional.of(object);
        } catch (IOException e) {
            throw new UncheckedIOException("store at " + storeUrl + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while asking the store for " + letterId, -1);
        }
    }

    /**
     * Polls {@code GET /api/letters/{letterId}} until its {@code status} is {@code STORED} or {@code FAILED} and
     * returns that answer; fails after {@code timeout}. While the store is unreachable or answers 5xx it keeps trying.
     */
    public ObjectNode awaitFinal(String letterId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 100;
        String last = "not known to the store";
        while (true) {
            try {
                Optional<ObjectNode> answer = letter(letterId);
                if (answer.isPresent()) {
                    String status = answer.get().path("status").asText("");
                    if (FINAL_STATUSES.contains(status)) {
                        return answer.get();
                    }
                    last = "status " + (status.isEmpty() ? "missing" : status);
                }
            } catch (UncheckedIOException e) {
                last = e.getMessage();
            } catch (PipelineException e) {
                if (e.status() < 500) {
                    throw e;
                }
                last = e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new PipelineException("letter " + letterId + " was not stored within " + timeout.toSeconds() + " s (" + last + ")", -1);
            }
            ApicurioRegistry.pause(pause);
            pause = Math.min(pause * 2, 1_000);
        }
    }

    /** As {@link #awaitFinal}, but a {@code FAILED} letter is an error. */
    public ObjectNode awaitStored(String letterId, Duration timeout) {
        ObjectNode letter = awaitFinal(letterId, timeout);
        if (!"STORED".equals(letter.path("status").asText())) {
            throw new PipelineException("letter " + letterId + " FAILED: " + failureReason(letter), 200);
        }
        return letter;
    }

    /** The reason a store answer gives for a {@code FAILED} letter, as well as it can be found. */
    public static String failureReason(JsonNode letter) {
        for (String field : new String[] {"error", "failure", "failureReason", "reason", "message"}) {
            JsonNode value = letter.get(field);
            if (value != null && !value.isNull()) {
                return value.isTextual() ? value.asText() : value.toString();
            }
        }
        return "the store gives no reason";
    }

    /**
     * {@code {"file": <file>}} followed by every field of the store's answer (a field named {@code file} in the
     * answer does not replace ours).
     */
    public static ObjectNode merge(String file, ObjectNode storeAnswer) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("file", file);
        for (Iterator<Map.Entry<String, JsonNode>> fields = storeAnswer.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("file")) {
                merged.set(field.getKey(), field.getValue());
            }
        }
        return merged;
    }

    /** {@code {"file": <file>, "error": <error>}}. */
    public static ObjectNode error(String file, String error) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", file);
        node.put("error", error);
        return node;
    }

    /** Milliseconds to wait from a {@code Retry-After} value: delta-seconds or an HTTP date. */
    static Optional<Long> retryAfterMillis(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return Optional.of(Math.max(0, Math.min(seconds, 60)) * 1000);
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                long millis = Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis();
                return Optional.of(Math.max(0, Math.min(millis, 60_000)));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }

    /** The message of a JSON error body (Spring's ProblemDetail has "detail"), else the body itself, shortened. */
    private static String describe(String body) {
        JsonNode json = parse(body);
        for (String field : new String[] {"detail", "message", "error", "title"}) {
            if (json.hasNonNull(field)) {
                return json.get(field).asText();
            }
        }
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
