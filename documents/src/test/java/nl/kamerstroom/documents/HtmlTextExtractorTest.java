package nl.kamerstroom.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HtmlTextExtractorTest {

    private static final DocumentReader reader = new DocumentReader(DocumentLimits.defaults());
    private static ReadDocument document;

    @BeforeAll
    static void readSample() throws Exception {
        byte[] html = Samples.bytes(Samples.TK_HTML);
        document = reader.read(html, reader.identify(html, "text/html; charset=UTF-8", null));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/tk-from-html.txt"), document.text());
    }

    @Test
    void readsTheLetterBody() {
        assertThat(document.format()).isEqualTo(Format.HTML);
        assertThat(document.text()).startsWith("34843 Seksuele intimidatie en geweld\n\nNr. 111 Brief van de minister van Justitie en Veiligheid");
        assertThat(document.text()).contains("\n\nDen Haag, 19 juni 2024\n\nDe impact op slachtoffers van seksuele misdrijven");
        assertThat(document.text()).contains("De minister van Justitie en Veiligheid,\nD. Yeşilgöz-Zegerius");
    }

    @Test
    void dropsThePageChrome() {
        assertThat(document.text()).doesNotContain("Naar boven", "Direct naar de inhoud", "Zoeken", "Gerelateerde documenten",
                "Deel deze pagina", "Privacy", "gtag", "Script content", "font-family", "Overheid.nl");
    }

    @Test
    void keepsFootnoteMarkersAsSuperscriptsAndListsAsLines() {
        assertThat(document.text()).contains("over online seksueel misbruik;¹\n- bij de Tweede Kamer terug te komen op de verhouding");
        assertThat(document.text()).contains("\n\n¹ Toezegging gedaan tijdens het Commissiedebat Seksueel geweld en kindermisbruik op 6 maart 2024.");
        assertThat(document.text()).contains("de rol van enablers bij seksueel misbruik");
    }

    @Test
    void readsTheCharsetTheHtmlDeclares() throws Exception {
        byte[] latin = "<html><head><meta charset=\"windows-1252\"></head><body><p>Brief over geïntegreerde inzet</p></body></html>"
                .getBytes("windows-1252");
        assertThat(reader.read(latin, reader.identify(latin, null, null)).text()).isEqualTo("Brief over geïntegreerde inzet");
    }

    @Test
    void aPageWithoutTextIsRefused() {
        byte[] empty = "<html><body><nav>Home</nav><script>x()</script></body></html>".getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(empty, reader.identify(empty, "text/html", null)))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.NO_TEXT));
    }
}
