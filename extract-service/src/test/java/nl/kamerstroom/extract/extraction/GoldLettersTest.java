package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * The two real gold letters: F1 1.0 per entity type (matched as score.py matches), every metadata field right,
 * every evidence offset exact. Writes target/predictions/NAME.json for score.py.
 */
class GoldLettersTest {

    private static LetterExtractor extractor;

    @BeforeAll
    static void buildExtractor() {
        extractor = new LetterExtractor();
    }

    static String resource(String path) throws IOException {
        try (InputStream in = GoldLettersTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ek-27925-AR-nmi-force-protection", "tk-34843-111-seksueel-geweld"})
    void givenGoldLetter_whenExtracted_thenEveryEntityAndMetadataFieldMatchesGold(String name) throws IOException {
        String text = resource("/letters/" + name + ".txt");
        JsonNode gold = PredictionJson.MAPPER.readTree(resource("/letters/" + name + ".json"));

        Extraction extraction = extractor.extract(text);
        writePrediction(name, extraction);
        JsonNode pred = PredictionJson.toTree(extraction);

        List<String> problems = new ArrayList<>();
        check(problems, "missions", Scorer.list(gold, "missions"), Scorer.list(pred, "missions"),
                Scorer.matchMissions(Scorer.list(gold, "missions"), Scorer.list(pred, "missions")));
        check(problems, "budgets", Scorer.list(gold, "budgets"), Scorer.list(pred, "budgets"),
                Scorer.matchBudgets(Scorer.list(gold, "budgets"), Scorer.list(pred, "budgets")));
        check(problems, "moties", Scorer.list(gold, "moties"), Scorer.list(pred, "moties"),
                Scorer.matchMoties(Scorer.list(gold, "moties"), Scorer.list(pred, "moties")));
        assertThat(problems).as("entity F1 below 1.0").isEmpty();

        JsonNode goldLetter = gold.get("letter");
        JsonNode predLetter = pred.get("letter");
        assertThat(Scorer.alnum(Scorer.text(predLetter, "dossier"))).isEqualTo(Scorer.alnum(Scorer.text(goldLetter, "dossier")));
        for (String field : List.of("documentNumber", "chamber", "sessionYear", "date", "dossierTitle")) {
            assertThat(Scorer.sameValue(goldLetter.get(field), predLetter.get(field)))
                    .as("letter.%s: gold %s got %s", field, goldLetter.get(field), predLetter.get(field)).isTrue();
        }
        assertThat(predLetter.get("senders")).isEqualTo(goldLetter.get("senders"));

        assertEvidenceExact(text, extraction);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ek-27925-AR-nmi-force-protection", "tk-34843-111-seksueel-geweld"})
    void givenGoldLetter_whenMissionsMatched_thenTheirFieldsEqualGold(String name) throws IOException {
        JsonNode gold = PredictionJson.MAPPER.readTree(resource("/letters/" + name + ".json"));
        JsonNode pred = PredictionJson.toTree(extractor.extract(resource("/letters/" + name + ".txt")));
        List<JsonNode> g = Scorer.list(gold, "missions");
        List<JsonNode> p = Scorer.list(pred, "missions");
        for (int[] pair : Scorer.matchMissions(g, p)) {
            if (Scorer.isOptional(g.get(pair[0]))) {
                continue;
            }
            for (String field : List.of("organisation", "country", "personnel", "start", "end", "dutchContribution")) {
                assertThat(Scorer.sameValue(g.get(pair[0]).get(field), p.get(pair[1]).get(field)))
                        .as("%s.%s: gold %s got %s", Scorer.text(g.get(pair[0]), "name"), field,
                                g.get(pair[0]).get(field), p.get(pair[1]).get(field)).isTrue();
            }
        }
    }

    private static void check(List<String> problems, String kind, List<JsonNode> gold, List<JsonNode> pred, List<int[]> pairs) {
        Scorer.Counts counts = Scorer.count(gold, pred, pairs);
        if (counts.f1() < 1.0) {
            problems.add(kind + " " + counts + " predicted " + pred);
        }
    }

    static void assertEvidenceExact(String text, Extraction extraction) {
        List<Extraction.Entity> entities = new ArrayList<>();
        entities.addAll(extraction.missions());
        entities.addAll(extraction.budgets());
        entities.addAll(extraction.moties());
        for (Extraction.Entity e : entities) {
            Extraction.Evidence ev = e.evidence();
            assertThat(ev).as("evidence of %s", e).isNotNull();
            assertThat(text.substring(ev.start(), ev.end())).as("evidence of %s", e.naturalKey()).isEqualTo(ev.quote());
            assertThat(ev.quote()).isNotBlank().isEqualTo(ev.quote().strip());
        }
    }

    private static void writePrediction(String name, Extraction extraction) throws IOException {
        Path dir = Path.of("target", "predictions");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".json"), PredictionJson.toPrettyJson(extraction), StandardCharsets.UTF_8);
    }
}
