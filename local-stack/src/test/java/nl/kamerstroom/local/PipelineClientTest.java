package nl.kamerstroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a stand-in for ingest and store: a tiny HTTP server that answers what each test tells it to. */
class PipelineClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    HttpServer server;
    PipelineClient client;
    final List<Recorded> requests = new CopyOnWriteArrayList<>();

    record Recorded(String method, String uri, Map<String, List<String>> headers, byte[] body) {
    }

    interface Answer {
        void answer(HttpExchange exchange, int call) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        client = new PipelineClient(url, url, "the-key", Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void uploadsTheRawBytesWithNameTypeAndKey() throws IOException {
        answer("/api/letters", (exchange, call) -> send(exchange, 202, "{\"letterId\":\"abc\"}", Map.of()));
        Path file = Files.writeString(dir.resolve("brief 1.md"), "# Geachte voorzitter", StandardCharsets.UTF_8);

        assertThat(client.ingest(file)).isEqualTo("abc");

        Recorded request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/api/letters?fileName=brief%201.md");
        assertThat(request.headers().get("Content-type")).containsExactly("text/markdown; charset=UTF-8");
        assertThat(request.headers().get("X-api-key")).containsExactly("the-key");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("# Geachte voorzitter");
    }

    @Test
    void retriesWhileIngestAnswers503HonouringRetryAfter() {
        answer("/api/letters", (exchange, call) -> {
            if (call < 2) {
                send(exchange, 503, "{\"detail\":\"Kafka is unavailable\"}", Map.of("Retry-After", "0"));
            } else {
                send(exchange, 202, "{\"letterId\":\"later\"}", Map.of());
            }
        });

        assertThat(client.ingest("x".getBytes(StandardCharsets.UTF_8), "x.txt", "text/plain")).isEqualTo("later");
        assertThat(requests).hasSize(3);
    }

    @Test
    void givesUpOn503AfterTheRetryLimit() {
        answer("/api/letters", (exchange, call) -> send(exchange, 503, "{\"detail\":\"down\"}", Map.of("Retry-After", "1")));
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        PipelineClient impatient = new PipelineClient(url, url, "k", Duration.ofMillis(1500));

        assertThatThrownBy(() -> impatient.ingest(new byte[] {1}, "x.pdf", "application/pdf"))
                .isInstanceOf(PipelineClient.PipelineException.class)
                .hasMessageContaining("gave up").hasMessageContaining("down");
    }

    @Test
    void aClientErrorFailsAtOnceWithTheReason() {
        answer("/api/letters", (exchange, call) -> send(exchange, 415, "{\"title\":\"Unsupported\",\"detail\":\"not a document\"}", Map.of()));

        assertThatThrownBy(() -> client.ingest(new byte[] {1}, "x.bin", "application/octet-stream"))
                .isInstanceOfSatisfying(PipelineClient.PipelineException.class, e -> assertThat(e.status()).isEqualTo(415))
                .hasMessageContaining("415").hasMessageContaining("not a document");
        assertThat(requests).hasSize(1);
    }

    @Test
    void anUnreadableFileFailsWithoutARequest() {
        assertThatThrownBy(() -> client.ingest(dir.resolve("missing.txt")))
                .isInstanceOf(PipelineClient.PipelineException.class).hasMessageContaining("cannot read");
        assertThat(requests).isEmpty();
    }

    @Test
    void waitsThrough404AndIntermediateStatusesUntilStored() {
        answer("/api/letters/abc", (exchange, call) -> {
            switch (call) {
                case 0 -> send(exchange, 404, "{}", Map.of());
                case 1 -> send(exchange, 200, "{\"letterId\":\"abc\",\"status\":\"RECEIVED\"}", Map.of());
                case 2 -> send(exchange, 200, "{\"letterId\":\"abc\",\"status\":\"EXTRACTED\"}", Map.of());
                default -> send(exchange, 200, "{\"letterId\":\"abc\",\"status\":\"STORED\",\"missions\":[]}", Map.of());
            }
        });

        ObjectNode letter = client.awaitStored("abc", Duration.ofSeconds(10));

        assertThat(letter.get("status").asText()).isEqualTo("STORED");
        assertThat(requests).hasSize(4);
    }

    @Test
    void aFailedLetterEndsTheWaitAndCarriesItsReason() {
        answer("/api/letters/bad", (exchange, call) -> send(exchange, 200, "{\"letterId\":\"bad\",\"status\":\"FAILED\",\"error\":\"no text\"}", Map.of()));

        assertThat(client.awaitFinal("bad", Duration.ofSeconds(5)).get("status").asText()).isEqualTo("FAILED");
        assertThatThrownBy(() -> client.awaitStored("bad", Duration.ofSeconds(5))).hasMessageContaining("FAILED: no text");
    }

    @Test
    void stopsWaitingAfterTheTimeout() {
        answer("/api/letters/slow", (exchange, call) -> send(exchange, 200, "{\"status\":\"RECEIVED\"}", Map.of()));

        assertThatThrownBy(() -> client.awaitFinal("slow", Duration.ofMillis(700)))
                .hasMessageContaining("not stored within").hasMessageContaining("RECEIVED");
    }

    @Test
    void mergesTheFileFirstThenTheStoreAnswer() throws IOException {
        ObjectNode answer = (ObjectNode) JSON.readTree("{\"letterId\":\"abc\",\"status\":\"STORED\",\"file\":\"theirs\",\"budgets\":[{\"amount\":5}]}");

        assertThat(PipelineClient.merge("samples/a.txt", answer).toString())
                .isEqualTo("{\"file\":\"samples/a.txt\",\"letterId\":\"abc\",\"status\":\"STORED\",\"budgets\":[{\"amount\":5}]}");
        assertThat(PipelineClient.error("b.pdf", "refused").toString()).isEqualTo("{\"file\":\"b.pdf\",\"error\":\"refused\"}");
    }

    @Test
    void readsRetryAfterAsSecondsOrDate() {
        assertThat(PipelineClient.retryAfterMillis("3")).contains(3000L);
        assertThat(PipelineClient.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT")).contains(0L);
        assertThat(PipelineClient.retryAfterMillis("soon")).isEmpty();
        assertThat(PipelineClient.retryAfterMillis(null)).isEmpty();
    }

    private void answer(String path, Answer answer) {
        AtomicInteger calls = new AtomicInteger();
        server.createContext(path, exchange -> {
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            answer.answer(exchange, calls.getAndIncrement());
        });
    }

    static void send(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
