package nl.kamerstroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.kamerstroom.avro.Budget;
import nl.kamerstroom.avro.Chamber;
import nl.kamerstroom.avro.Recurrence;
import nl.kamerstroom.avro.Submitter;
import nl.kamerstroom.schemas.Topics;

/**
 * The query API on letters that arrived through Kafka: two letters of one dossier (the NMI sample letter of
 * November 2024 and a made-up follow-up of May 2025), each fact with evidence pointing into its text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryApiIntegrationTest extends IntegrationTestSupport {

    private final String dossier = TestLetter.uniqueDossier();
    private TestLetter november;
    private TestLetter may;

    @Autowired
    private JsonMapper json;

    @BeforeAll
    void twoLettersOfOneDossierArrivedThroughKafka() throws Exception {
        november = new TestLetter(TestLetter.sample("ek-27925-AR-nmi-force-protection.txt"), dossier, LocalDate.of(2024, 11, 22))
                .mission("NAVO Missie Irak (NMI) te verlengen", "NAVO Missie Irak", "NMI", "NAVO", "Irak", 145,
                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), true)
                .mission("United Nations Assistance Mission Iraq (UNAMI)", "United Nations Assistance Mission Iraq", "UNAMI",
                        "VN", "Irak", null, null, null, false)
                .budget("18,3 miljoen euro", 18_300_000L, Recurrence.UNKNOWN, null, "verlenging force protection NMI")
                .motie("moties Bosman c.s. (Kamerstuk 27 925, nr. 699)", List.of(new Submitter("Bosman", "VVD")), "27925", "699")
                .motie("Kerstens/Van Ojik (Kamerstuk 27 925, nr. 697)",
                        List.of(new Submitter("Kerstens", "PvdA"), new Submitter("Van Ojik", "GroenLinks")), "27925", "697");
        november.chamber = Chamber.EERSTE_KAMER;
        november.documentNumber = "AR";
        may = new TestLetter("""
                Het kabinet verlengt de bijdrage aan de NAVO Missie Irak (NMI) met 150 militairen. \
                Hiervoor is structureel 4 miljoen euro beschikbaar. \
                Zo geef ik uitvoering aan de motie van het lid Bosman (VVD) (Kamerstuk 27 925, nr. 699).""",
                dossier, LocalDate.of(2025, 5, 1))
                .mission("NAVO Missie Irak (NMI)", "NAVO Missie Irak", "NMI", "NAVO", "Irak", 150,
                        LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), true)
                .budget("structureel 4 miljoen euro", 4_000_000L, Recurrence.STRUCTURAL, 2025, null)
                .motie("de motie van het lid Bosman (VVD)", List.of(new Submitter("Bosman", "VVD")), "27925", "699");
        may.documentNumber = "2";
        november.publish();
        may.publish();
        awaitLetter(november.letterId, "STORED");
        awaitLetter(may.letterId, "STORED");
        aBudgetOfMayThatItsExtractionDoesNotNameArrivesLate();
    }

    /**
     * A budget of the May letter that its latest extraction does not list (retracted, then redelivered), stored
     * after the extraction. It is followed on the same partition by the budget of a marker letter, so once the
     * marker is stored, the stale budget is stored too.
     */
    private void aBudgetOfMayThatItsExtractionDoesNotNameArrivesLate() throws Exception {
        TestLetter marker = new TestLetter("Er is 1 euro beschikbaar.", TestLetter.uniqueDossier(), LocalDate.of(2025, 1, 1))
                .budget("1 euro", 1L, Recurrence.INCIDENTAL, null, null);
        IntegrationTestSupport.send(Topics.LETTERS_RECEIVED, marker.letterId, marker.received());
        IntegrationTestSupport.send(Topics.LETTERS_EXTRACTED, marker.letterId, marker.extracted(java.time.Instant.now()));
        awaitLetter(marker.letterId, "EXTRACTED");
        Budget stale = Budget.newBuilder(may.budgets.get(0)).setEntityId(may.letterId.substring(0, 16) + "-stale").build();
        send(Topics.BUDGETS, stale.getEntityId(), stale);
        send(Topics.BUDGETS, marker.budgets.get(0).getEntityId(), marker.budgets.get(0));
        awaitLetter(marker.letterId, "STORED");
    }

    @Test
    void lettersOfADossierAreListedNewestFirstWithTheFactsOfTheirLatestExtractionCounted() throws Exception {
        // when
        JsonNode page = getJson("/api/letters?dossier=" + dossier);

        // then
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(letterIds(page)).containsExactly(may.letterId, november.letterId);
        JsonNode mayRow = page.get("items").get(0);
        assertThat(mayRow.get("status").asString()).isEqualTo("STORED");
        assertThat(mayRow.get("date").asString()).isEqualTo("2025-05-01");
        assertThat(List.of(mayRow.get("missionCount").asInt(), mayRow.get("budgetCount").asInt(), mayRow.get("motieCount").asInt()))
                .as("the stale budget is not counted").containsExactly(1, 1, 1);
        JsonNode novemberRow = page.get("items").get(1);
        assertThat(List.of(novemberRow.get("missionCount").asInt(), novemberRow.get("budgetCount").asInt(), novemberRow.get("motieCount").asInt()))
                .containsExactly(2, 1, 2);
    }

    @Test
    void lettersAreFilteredByChamberAndDate() throws Exception {
        assertThat(letterIds(getJson("/api/letters?dossier=" + dossier + "&chamber=EERSTE_KAMER"))).containsExactly(november.letterId);
        assertThat(letterIds(getJson("/api/letters?dossier=" + dossier + "&from=2025-01-01"))).containsExactly(may.letterId);
        assertThat(letterIds(getJson("/api/letters?dossier=" + dossier + "&to=2024-11-22"))).containsExactly(november.letterId);
        assertThat(letterIds(getJson("/api/letters?dossier=" + dossier + "&from=2024-11-22&to=2025-05-01")))
                .containsExactly(may.letterId, november.letterId);
    }

    @Test
    void lettersAreFoundByTheWordsOfTheirTextInDutch() throws Exception {
        // a word only the sample letter has
        assertThat(letterIds(getJson("/api/letters?dossier=" + dossier + "&q=helikopterdetachement"))).containsExactly(november.letterId);
        // Dutch stemming: "militair" finds "militairen" in both
        assertThat(letterIds(getJson("/api/letters?dossier=" + dossier + "&q=militair"))).containsExactlyInAnyOrder(may.letterId, november.letterId);
        // web-search syntax: a phrase, minus a word
        assertThat(letterIds(getJson("/api/letters?dossier=" + dossier + "&q=%22NAVO+Missie+Irak%22+-helikopterdetachement")))
                .containsExactly(may.letterId);
    }

    @Test
    void pagesAreStableAndTellTheTotal() throws Exception {
        // when
        JsonNode first = getJson("/api/letters?dossier=" + dossier + "&size=1&page=0");
        JsonNode second = getJson("/api/letters?dossier=" + dossier + "&size=1&page=1");
        JsonNode beyond = getJson("/api/letters?dossier=" + dossier + "&size=1&page=2");

        // then
        assertThat(letterIds(first)).containsExactly(may.letterId);
        assertThat(letterIds(second)).containsExactly(november.letterId);
        assertThat(letterIds(beyond)).isEmpty();
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(1);
        assertThat(second.get("totalElements").asLong()).isEqualTo(2);
        assertThat(second.get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void missionsAreFilteredAndCarryTheirLetterAndEvidence() throws Exception {
        // when
        List<JsonNode> activeInMarch = ofDossier(getJson(
                "/api/missions?name=nmi&organisation=navo&country=IRAK&dutchContribution=true&activeOn=2025-03-01&size=100"));
        List<JsonNode> onlyMentioned = ofDossier(getJson("/api/missions?country=Irak&dutchContribution=false&size=100"));

        // then
        assertThat(activeInMarch).hasSize(1);
        JsonNode mission = activeInMarch.get(0).get("mission");
        assertThat(activeInMarch.get(0).get("letter").get("letterId").asString()).isEqualTo(november.letterId);
        assertThat(mission.get("personnel").asInt()).isEqualTo(145);
        assertEvidencePointsIntoText(mission.get("evidence"), november.text);
        assertThat(onlyMentioned).extracting(m -> m.get("mission").get("acronym").asString()).containsExactly("UNAMI");
    }

    @Test
    void theSameMissionAcrossLettersIsListedOldestLetterFirstAsEachLetterStatedIt() throws Exception {
        for (String nameOrAcronym : List.of("nmi", "NAVO%20missie%20IRAK")) {
            // when
            List<JsonNode> history = ofDossier(getJson("/api/missions/by-name/" + nameOrAcronym + "?size=100"));

            // then
            assertThat(history).extracting(m -> m.get("letter").get("letterId").asString())
                    .containsExactly(november.letterId, may.letterId);
            assertThat(history).extracting(m -> m.get("mission").get("personnel").asInt()).containsExactly(145, 150);
            assertThat(history).extracting(m -> m.get("mission").get("start").asString()).containsExactly("2025-01-01", "2025-07-01");
        }
        assertThat(get("/api/missions/by-name/no-such-mission").statusCode()).isEqualTo(404);
    }

    @Test
    void budgetsAreFilteredAndTotalledPerDossierAndYear() throws Exception {
        // when
        JsonNode all = getJson("/api/budgets?dossier=" + dossier);

        // then the stale budget is not there, and a budget without a year counts for its letter's year
        assertThat(all.get("totalElements").asLong()).isEqualTo(2);
        assertThat(all.get("items")).extracting(b -> b.get("budget").get("amountEur").asLong()).containsExactly(4_000_000L, 18_300_000L);
        assertThat(json.writeValueAsString(all.get("totals"))).isEqualTo(json.writeValueAsString(json.readTree("""
                [{"dossier": "%1$s", "year": 2024, "amountEur": 18300000, "budgets": 1},
                 {"dossier": "%1$s", "year": 2025, "amountEur": 4000000, "budgets": 1}]""".formatted(dossier))));
        assertEvidencePointsIntoText(all.get("items").get(1).get("budget").get("evidence"), november.text);

        assertThat(amounts("/api/budgets?dossier=" + dossier + "&min=5000000")).containsExactly(18_300_000L);
        assertThat(amounts("/api/budgets?dossier=" + dossier + "&max=5000000&min=4000000")).containsExactly(4_000_000L);
        assertThat(amounts("/api/budgets?dossier=" + dossier + "&recurrence=STRUCTURAL")).containsExactly(4_000_000L);
        assertThat(amounts("/api/budgets?dossier=" + dossier + "&year=2024")).containsExactly(18_300_000L);
        assertThat(getJson("/api/budgets?dossier=" + dossier + "&year=2024").get("totals")).hasSize(1);
    }

    @Test
    void motiesAreFilteredBySubmitterAndParty() throws Exception {
        // when
        List<JsonNode> bosman = ofDossier(getJson("/api/moties?submitter=bos&dossier=27925&size=100"));
        List<JsonNode> vanOjikOfGroenLinks = ofDossier(getJson("/api/moties?submitter=van%20ojik&party=groenlinks&size=100"));
        List<JsonNode> vanOjikOfTheVvd = ofDossier(getJson("/api/moties?submitter=van%20ojik&party=VVD&size=100"));

        // then
        assertThat(bosman).extracting(m -> m.get("letter").get("letterId").asString()).containsExactly(may.letterId, november.letterId);
        assertThat(vanOjikOfGroenLinks).extracting(m -> m.get("motie").get("text").asString())
                .containsExactly("Kerstens/Van Ojik (Kamerstuk 27 925, nr. 697)");
        assertThat(vanOjikOfGroenLinks.get(0).get("motie").get("submitters")).hasSize(2);
        assertThat(vanOjikOfTheVvd).as("party and name must match the same submitter").isEmpty();
    }

    @Test
    void aMotieIsListedWithEveryLetterThatRefersToItOldestFirst() throws Exception {
        // when
        List<JsonNode> motie699 = ofDossier(getJson("/api/moties/27925/699?size=100"));
        List<JsonNode> motie697 = ofDossier(getJson("/api/moties/27925/697?size=100"));

        // then
        assertThat(motie699).extracting(m -> m.get("letter").get("letterId").asString()).containsExactly(november.letterId, may.letterId);
        assertEvidencePointsIntoText(motie699.get(1).get("motie").get("evidence"), may.text);
        assertThat(motie697).extracting(m -> m.get("letter").get("letterId").asString()).containsExactly(november.letterId);
        assertThat(get("/api/moties/27925/100000").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /api/letters?from=yesterday                      | from
            /api/letters?to=2025-02-30                       | to
            /api/letters?from=2025-02-01&to=2025-01-01       | from
            /api/letters?page=-1                             | page
            /api/letters?size=101                            | size
            /api/letters?size=0                              | size
            /api/letters?chamber=SENAAT                      | chamber
            /api/missions?activeOn=1-3-2025                  | activeOn
            /api/missions?dutchContribution=maybe            | dutchContribution
            /api/missions/by-name/nmi?page=-3                | page
            /api/budgets?min=10&max=5                        | min
            /api/budgets?min=-1                              | min
            /api/budgets?min=veel                            | min
            /api/budgets?recurrence=YEARLY                   | recurrence
            /api/moties?size=1000                            | size
            """)
    void anInvalidQueryIsAProblemOf400NamingTheParameter(String path, String parameter) throws Exception {
        // when
        HttpResponse<String> response = get(path);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Invalid query");
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void anUnknownEnumSymbolIsAnsweredWithTheSymbolsThatAreKnown() throws Exception {
        assertThat(json.readTree(get("/api/budgets?recurrence=YEARLY").body()).get("detail").asString())
                .contains("STRUCTURAL, INCIDENTAL, UNKNOWN").contains("YEARLY");
    }

    @Test
    void theApiIsDocumentedWithOpenApiAndSwaggerUi() throws Exception {
        // when
        JsonNode openApi = getJson("/v3/api-docs");
        HttpResponse<String> swaggerUi = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create(url("/swagger-ui.html"))).build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(openApi.get("paths").propertyNames()).contains("/api/letters", "/api/letters/{letterId}", "/api/missions",
                "/api/missions/by-name/{nameOrAcronym}", "/api/budgets", "/api/moties", "/api/moties/{dossier}/{number}",
                "/api/admin/reextract", "/api/admin/reextract/{jobId}");
        assertThat(swaggerUi.statusCode()).isEqualTo(200);
        assertThat(swaggerUi.body()).contains("swagger-ui");
    }

    // --- plumbing

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> letterIds(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("letterId").asString()).toList();
    }

    /** The items of a list that belong to this test's dossier: other tests' letters share the database. */
    private List<JsonNode> ofDossier(JsonNode page) {
        return page.get("items").valueStream().filter(item -> dossier.equals(item.get("letter").get("dossier").asString())).toList();
    }

    private List<Long> amounts(String path) throws Exception {
        return getJson(path).get("items").valueStream().map(item -> item.get("budget").get("amountEur").asLong()).toList();
    }

    private static void assertEvidencePointsIntoText(JsonNode evidence, String text) {
        assertThat(text.substring(evidence.get("start").asInt(), evidence.get("end").asInt()))
                .isEqualTo(evidence.get("quote").asString());
    }
}
