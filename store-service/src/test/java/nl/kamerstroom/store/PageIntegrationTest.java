package nl.kamerstroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import nl.kamerstroom.avro.Recurrence;

/** The page over plain HTTP, where no browser is needed: what comes from letters is escaped. */
class PageIntegrationTest extends IntegrationTestSupport {

    @Test
    void everythingFromALetterIsEscaped() throws Exception {
        // given a letter whose text and facts hold markup
        String dossier = TestLetter.uniqueDossier();
        TestLetter letter = new TestLetter("<script>alert('brief')</script> Er is <b>5 miljoen euro</b> beschikbaar.", dossier,
                LocalDate.of(2025, 1, 1))
                .budget("5 miljoen euro</b>", 5_000_000L, Recurrence.UNKNOWN, null, "<img src=x onerror=alert(1)>");
        letter.dossierTitle = "<i>Titel</i>";
        letter.publish();
        awaitLetter(letter.letterId, "STORED");

        // when
        HttpResponse<String> letterPage = get("/letters/" + letter.letterId);
        HttpResponse<String> list = get("/?dossier=" + dossier);
        HttpResponse<String> dossierPage = get("/dossiers/" + dossier);

        // then
        assertThat(letterPage.statusCode()).isEqualTo(200);
        assertThat(letterPage.body()).contains("&lt;script&gt;alert(", "&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert", "<img src=x", "<b>5 miljoen", "<i>Titel");
        assertThat(list.body()).contains("&lt;i&gt;Titel&lt;/i&gt;").doesNotContain("<i>Titel");
        assertThat(dossierPage.body()).contains("&lt;img src=x").doesNotContain("<img src=x");
    }

    @Test
    void anInvalidSearchIsExplainedOnThePageAndUnknownLettersAndDossiersAre404() throws Exception {
        // when
        HttpResponse<String> badDate = get("/?from=gisteren");

        // then
        assertThat(badDate.statusCode()).isEqualTo(200);
        assertThat(badDate.body()).contains("is geen datum");
        assertThat(get("/letters/" + "cd".repeat(32)).statusCode()).isEqualTo(404);
        assertThat(get("/dossiers/" + TestLetter.uniqueDossier()).statusCode()).isEqualTo(404);
    }
}
