package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The 53 synthetic held-out letters (src/test/resources/heldout, see its README): each set written before the rules were
 * looked at, so they measure how the rules generalise. Scored the way score.py scores a folder — micro F1 per entity
 * type over all letters — plus every metadata field, every evidence offset, and the per-field accuracy of matched
 * missions (printed). Writes target/heldout-predictions/NAME.json for score.py.
 */
class HeldOutLettersTest {

    private static final double MIN_F1 = 0.95;
    private static final List<String> META_FIELDS = List.of("documentNumber", "chamber", "sessionYear", "date", "dossierTitle");
    private static final List<String> MISSION_FIELDS =
            List.of("organisation", "country", "personnel", "start", "end", "dutchContribution");

    private static LetterExtractor extractor;

    @BeforeAll
    static void buildExtractor() {
        extractor = new LetterExtractor();
    }

    private static List<String> letterNames() throws IOException, URISyntaxException {
        Path dir = Path.of(HeldOutLettersTest.class.getResource("/heldout").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
    }

    @Test
    void givenHeldOutLetters_whenExtracted_thenF1PerEntityTypeAtLeast95AndMetadataAndEvidenceExact() throws Exception {
        List<String> names = letterNames();
        assertThat(names).hasSize(53);
        Map<String, int[]> totals = new LinkedHashMap<>();
        for (String kind : List.of("missions", "budgets", "moties")) {
            totals.put(kind, new int[3]);
        }
        Map<String, int[]> fieldOk = new LinkedHashMap<>();
        MISSION_FIELDS.forEach(f -> fieldOk.put(f, new int[2]));
        int[] referenceOk = new int[2];
        List<String> problems = new ArrayList<>();

        for (String name : names) {
            String text = GoldLettersTest.resource("/heldout/" + name + ".txt");
            JsonNode gold = PredictionJson.MAPPER.readTree(GoldLettersTest.resource("/heldout/" + name + ".json"));
            Extraction extraction = extractor.extract(text);
            writePrediction(name, extraction);
            JsonNode pred = PredictionJson.toTree(extraction);

            List<JsonNode> gm = Scorer.list(gold, "missions");
            List<JsonNode> pm = Scorer.list(pred, "missions");
            List<int[]> missionPairs = Scorer.matchMissions(gm, pm);
            add(totals.get("missions"), Scorer.count(gm, pm, missionPairs), name, "missions", problems);
            for (int[] pair : missionPairs) {
                JsonNode g = gm.get(pair[0]);
                if (Scorer.isOptional(g)) {
                    continue;
                }
                for (String field : MISSION_FIELDS) {
                    if (g.has(field)) {
                        boolean same = Scorer.sameValue(g.get(field), pm.get(pair[1]).get(field));
                        fieldOk.get(field)[0] += same ? 1 : 0;
                        fieldOk.get(field)[1]++;
                        if (!same) {
                            System.out.printf("  %s %s.%s: gold %s got %s%n", name, Scorer.text(g, "name"), field,
                                    g.get(field), pm.get(pair[1]).get(field));
                        }
                    }
                }
            }
            List<JsonNode> gb = Scorer.list(gold, "budgets");
            List<JsonNode> pb = Scorer.list(pred, "budgets");
            add(totals.get("budgets"), Scorer.count(gb, pb, Scorer.matchBudgets(gb, pb)), name, "budgets", problems);
            List<JsonNode> gt = Scorer.list(gold, "moties");
            List<JsonNode> pt = Scorer.list(pred, "moties");
            List<int[]> motiePairs = Scorer.matchMoties(gt, pt);
            add(totals.get("moties"), Scorer.count(gt, pt, motiePairs), name, "moties", problems);
            for (int[] pair : motiePairs) {
                JsonNode g = gt.get(pair[0]).get("reference");
                if (g != null && !g.isNull()) {
                    referenceOk[1]++;
                    referenceOk[0] += Scorer.refKey(g).equals(Scorer.refKey(pt.get(pair[1]).get("reference"))) ? 1 : 0;
                }
            }

            JsonNode goldLetter = gold.get("letter");
            JsonNode predLetter = pred.get("letter");
            if (!java.util.Objects.equals(Scorer.alnum(Scorer.text(goldLetter, "dossier")), Scorer.alnum(Scorer.text(predLetter, "dossier")))) {
                problems.add(name + " letter.dossier: gold " + goldLetter.get("dossier") + " got " + predLetter.get("dossier"));
            }
            for (String field : META_FIELDS) {
                if (!Scorer.sameValue(goldLetter.get(field), predLetter.get(field))) {
                    problems.add(name + " letter." + field + ": gold " + goldLetter.get(field) + " got " + predLetter.get(field));
                }
            }
            // evaluators wrote initials as signed ("H. G. J. Kamp") or closed up ("H.G.J. Kamp"): the same name
            if (!initialsClosed(predLetter.get("senders")).equals(initialsClosed(goldLetter.get("senders")))) {
                problems.add(name + " letter.senders: gold " + goldLetter.get("senders") + " got " + predLetter.get("senders"));
            }
            GoldLettersTest.assertEvidenceExact(text, extraction);
        }

        for (Map.Entry<String, int[]> e : totals.entrySet()) {
            Scorer.Counts c = new Scorer.Counts(e.getValue()[0], e.getValue()[1], e.getValue()[2]);
            System.out.printf("%-9s F1=%.3f %s%n", e.getKey(), c.f1(), c);
            if (c.f1() < MIN_F1) {
                problems.add(e.getKey() + " F1 " + String.format("%.3f", c.f1()) + " below " + MIN_F1);
            }
        }
        fieldOk.forEach((field, ok) -> System.out.printf("mission.%-17s %d/%d%n", field, ok[0], ok[1]));
        System.out.printf("motie.reference          %d/%d%n", referenceOk[0], referenceOk[1]);
        problems.forEach(p -> System.out.println("PROBLEM " + p));
        assertThat(problems).isEmpty();
    }

    private static void add(int[] total, Scorer.Counts c, String name, String kind, List<String> problems) {
        total[0] += c.tp();
        total[1] += c.fp();
        total[2] += c.fn();
        if (c.fp() > 0 || c.fn() > 0) {
            System.out.printf("  %s %s: %s%n", name, kind, c);
        }
    }

    private static String initialsClosed(JsonNode senders) {
        return senders.toString().replaceAll("(?<=\\p{Lu}\\.)\\s+(?=\\p{Lu}\\.)", "");
    }

    private static void writePrediction(String name, Extraction extraction) throws IOException {
        Path dir = Path.of("target", "heldout-predictions");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".json"), PredictionJson.toPrettyJson(extraction), StandardCharsets.UTF_8);
    }
}
