package nl.kamerstroom.extract.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import nl.kamerstroom.local.LocalInfrastructure;
import nl.kamerstroom.local.SharedTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** extract-service over HTTP: the extraction endpoint and the operational endpoints. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExtractServiceHttpTest {

    static final LocalInfrastructure infra = SharedTestInfrastructure.get();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", infra.kafka()::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", infra.registry()::confluentApiUrl);
    }

    @Test
    void extract_answers_the_letters_metadata_and_entities_with_exact_evidence() throws Exception {
        // given
        byte[] letter = sample("ek-27925-AR-nmi-force-protection.txt");
        String text = new String(letter, java.nio.charset.StandardCharsets.UTF_8);

        // when
        HttpResponse<String> response = post("/api/extract", "text/plain; charset=UTF-8", letter);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("letterId").asString()).hasSize(64);
        assertThat(body.path("letter").path("dossier").asString()).isEqualTo("27925");
        assertThat(body.path("letter").path("chamber").asString()).isEqualTo("EERSTE_KAMER");
        assertThat(body.path("letter").path("date").asString()).isEqualTo("2024-11-22");
        assertThat(body.path("missions").size()).isGreaterThan(0);
        for (JsonNode mission : body.path("missions")) {
            JsonNode evidence = mission.path("evidence");
            assertThat(text.substring(evidence.path("start").asInt(), evidence.path("end").asInt()))
                    .isEqualTo(evidence.path("quote").asString());
            assertThat(mission.path("entityId").asString()).isNotBlank();
        }
    }

    @Test
    void an_empty_document_is_a_bad_request_with_a_problem_body() throws Exception {
        HttpResponse<String> response = post("/api/extract", "text/plain", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("empty-document");
    }

    @Test
    void bytes_that_are_neither_utf8_nor_windows_1252_are_refused_with_422() throws Exception {
        HttpResponse<String> response = post("/api/extract", "text/plain", new byte[] {'a', (byte) 0x81, (byte) 0x8D, 'b'});

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("undecodable-text");
    }

    @Test
    void a_pdf_rendering_of_a_letter_yields_the_same_entities_as_its_text() throws Exception {
        // given
        byte[] pdf = resource("/samples/ek-27925-AR-nmi-force-protection.pdf");
        byte[] text = sample("ek-27925-AR-nmi-force-protection.txt");

        // when
        JsonNode fromPdf = json.readTree(post("/api/extract", "application/pdf", pdf).body());
        JsonNode fromText = json.readTree(post("/api/extract", "text/plain; charset=UTF-8", text).body());

        // then
        assertThat(fromPdf.path("letter").path("dossier").asString()).isEqualTo("27925");
        assertThat(acronyms(fromPdf)).isEqualTo(acronyms(fromText)).isNotEmpty();
        assertThat(fromPdf.path("budgets").size()).isEqualTo(fromText.path("budgets").size());
        assertThat(fromPdf.path("moties").size()).isEqualTo(fromText.path("moties").size());
    }

    private static java.util.Set<String> acronyms(JsonNode extraction) {
        java.util.Set<String> acronyms = new java.util.TreeSet<>();
        extraction.path("missions").forEach(m -> acronyms.add(m.path("acronym").asString()));
        return acronyms;
    }

    @Test
    void liveness_readiness_metrics_and_info_answer() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").body()).contains("kamerstroom_extraction_duration");
        assertThat(json.readTree(get("/actuator/info").body()).path("build").path("artifact").asString()).isEqualTo("extract-service");
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] sample(String name) throws IOException {
        return resource("/letters/" + name);
    }

    /** The sample letters in /letters, and their PDF, HTML and XML renderings in /samples (documents' test jar). */
    private static byte[] resource(String path) throws IOException {
        try (InputStream in = ExtractServiceHttpTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
