package nl.kamerstroom.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.kamerstroom.local.RepoRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both sample letters through the whole pipeline: HTTP into ingest-service, Kafka, the extractor, Kafka again,
 * PostgreSQL, and back out of store-service's API, compared with the gold annotations. Subclasses say which real
 * infrastructure the three service processes run on.
 */
abstract class PipelineScenario {

    static final ObjectMapper JSON = new ObjectMapper();
    static RunningPipeline pipeline;

    /** Starts the services against the given infrastructure; call from a subclass's {@code @BeforeAll}. */
    static void startPipeline(Map<String, String> infrastructureEnvironment, String logDir) {
        pipeline = RunningPipeline.start(infrastructureEnvironment, Path.of("target", logDir));
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ek-27925-AR-nmi-force-protection", "tk-34843-111-seksueel-geweld"})
    void a_sample_letter_comes_out_of_the_store_with_the_gold_metadata_and_entities(String name) throws IOException {
        // given
        Path letter = RepoRoot.find().resolve("samples").resolve(name + ".txt");
        JsonNode gold = gold(name);

        // when
        String letterId = pipeline.client.ingest(letter);
        ObjectNode stored = pipeline.client.awaitStored(letterId, Duration.ofSeconds(90));

        // then
        assertThat(stored.path("status").asText()).isEqualTo("STORED");
        JsonNode meta = stored.path("letter");
        for (String field : new String[] {"dossier", "documentNumber", "chamber", "sessionYear", "date", "dossierTitle"}) {
            assertThat(meta.path(field).isNull() ? null : meta.path(field).asText())
                    .as(field).isEqualTo(gold.path("letter").path(field).isNull() ? null : gold.path("letter").path(field).asText());
        }
        assertThat(names(stored.path("letter").path("senders"), "name")).isEqualTo(names(gold.path("letter").path("senders"), "name"));
        assertThat(acronyms(stored.path("missions"))).containsAll(requiredAcronyms(gold.path("missions")));
        assertThat(names(stored.path("budgets"), "amountEur")).isEqualTo(names(gold.path("budgets"), "amountEur"));
        assertThat(references(stored.path("moties"))).isEqualTo(goldReferences(gold.path("moties")));
        String text = stored.path("text").asText();
        for (String kind : new String[] {"missions", "budgets", "moties"}) {
            for (JsonNode entity : stored.path(kind)) {
                JsonNode evidence = entity.path("evidence");
                assertThat(text.substring(evidence.path("start").asInt(), evidence.path("end").asInt()))
                        .as("evidence of %s %s", kind, entity.path("entityId").asText())
                        .isEqualTo(evidence.path("quote").asText());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ek-27925-AR-nmi-force-protection"})
    void posting_the_same_letter_again_yields_the_same_letter_id_and_no_duplicate_entities(String name) {
        // given
        Path letter = RepoRoot.find().resolve("samples").resolve(name + ".txt");
        String first = pipeline.client.ingest(letter);
        int missions = pipeline.client.awaitStored(first, Duration.ofSeconds(90)).path("missions").size();

        // when
        String second = pipeline.client.ingest(letter);

        // then
        assertThat(second).isEqualTo(first);
        assertThat(pipeline.client.awaitStored(second, Duration.ofSeconds(90)).path("missions").size()).isEqualTo(missions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ek-27925-AR-nmi-force-protection.pdf", "tk-34843-111-seksueel-geweld.html", "tk-34843-111-seksueel-geweld.xml"})
    void a_pdf_html_or_xml_rendering_comes_out_with_the_same_facts_as_the_plain_text_letter(String rendering) {
        // given
        Path samples = RepoRoot.find().resolve("samples");
        Path text = samples.resolve(rendering.substring(0, rendering.lastIndexOf('.')) + ".txt");
        ObjectNode fromText = pipeline.client.awaitStored(pipeline.client.ingest(text), Duration.ofSeconds(90));

        // when
        ObjectNode fromRendering = pipeline.client.awaitStored(pipeline.client.ingest(samples.resolve(rendering)), Duration.ofSeconds(90));

        // then
        assertThat(fromRendering.path("source").path("format").asText())
                .isEqualTo(rendering.substring(rendering.lastIndexOf('.') + 1).toUpperCase());
        for (String field : new String[] {"dossier", "documentNumber", "chamber", "date"}) {
            assertThat(fromRendering.path("letter").path(field)).as(field).isEqualTo(fromText.path("letter").path(field));
        }
        assertThat(acronyms(fromRendering.path("missions"))).isEqualTo(acronyms(fromText.path("missions")));
        assertThat(names(fromRendering.path("budgets"), "amountEur")).isEqualTo(names(fromText.path("budgets"), "amountEur"));
        assertThat(references(fromRendering.path("moties"))).isEqualTo(references(fromText.path("moties")));
    }

    @Test
    void a_text_that_is_not_a_letter_is_accepted_and_flagged_once_extraction_finds_nothing() {
        // given
        byte[] notALetter = ("Boodschappenlijst voor het weekend: melk, brood, kaas en appels. " + UUID.randomUUID() + "\n")
                .getBytes(StandardCharsets.UTF_8);

        // when
        String letterId = pipeline.client.ingest(notALetter, "boodschappen.txt", "text/plain; charset=UTF-8");

        // then
        ObjectNode stored = pipeline.client.awaitStored(letterId, Duration.ofSeconds(90));
        assertThat(stored.path("status").asText()).isEqualTo("STORED");
        assertThat(stored.path("notice").asText()).contains("does not look like a Kamerbrief");
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    private static Set<String> acronyms(JsonNode missions) {
        Set<String> values = new HashSet<>();
        missions.forEach(m -> values.add(m.path("acronym").asText().toUpperCase()));
        return values;
    }

    private static Set<String> requiredAcronyms(JsonNode missions) {
        Set<String> values = new HashSet<>();
        missions.forEach(m -> {
            if (!m.path("optional").asBoolean(false)) {
                values.add(m.path("acronym").asText().toUpperCase());
            }
        });
        return values;
    }

    private static Set<String> references(JsonNode moties) {
        Set<String> values = new HashSet<>();
        moties.forEach(m -> values.add(m.path("reference").path("dossier").asText() + "-" + m.path("reference").path("number").asText()));
        return values;
    }

    private static Set<String> goldReferences(JsonNode moties) {
        Set<String> values = new HashSet<>();
        moties.forEach(m -> values.add(m.path("reference").asText()));
        return values;
    }

    private static JsonNode gold(String name) throws IOException {
        try (InputStream in = PipelineScenario.class.getResourceAsStream("/gold/" + name + ".json")) {
            return JSON.readTree(in);
        }
    }
}
