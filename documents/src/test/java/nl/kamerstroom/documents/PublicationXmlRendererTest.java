package nl.kamerstroom.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PublicationXmlRendererTest {

    private static final DocumentReader reader = new DocumentReader(DocumentLimits.defaults());
    private static ReadDocument document;

    @BeforeAll
    static void readSample() throws Exception {
        byte[] xml = Samples.bytes(Samples.TK_XML);
        document = reader.read(xml, reader.identify(xml, "application/xml", null));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/tk-from-xml.txt"), document.text());
    }

    @Test
    void rendersTheKamerstukHeaderLikeTheSampleLetters() {
        assertThat(document.format()).isEqualTo(Format.XML);
        assertThat(document.text()).startsWith("""
                Tweede Kamer der Staten-Generaal
                Vergaderjaar 2023–2024

                34 843 Seksuele intimidatie en geweld

                Nr. 111 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID

                Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

                Den Haag, 19 juni 2024

                De impact op slachtoffers""");
    }

    @Test
    void rendersBodyListsSignatureAndFootnotes() {
        assertThat(document.text()).contains("\n\n9) Extreem pornokijkgedrag jongeren\n\n");
        assertThat(document.text()).contains("over online seksueel misbruik;¹\n- bij de Tweede Kamer terug te komen op de verhouding");
        assertThat(document.text()).contains("\n\nDe minister van Justitie en Veiligheid,\nD. Yeşilgöz-Zegerius\n\n¹ Toezegging gedaan");
        assertThat(document.text()).contains("\n\n⁴⁷ Kamerstukken II 2022/23, 34 843, nr. 79.");
        assertThat(document.text()).endsWith("⁴⁷ Kamerstukken II 2022/23, 34 843, nr. 79.");
    }

    @Test
    void takesHeaderValuesFromMetadataWhenTheElementsAreMissing() throws Exception {
        byte[] xml = """
                <officiele-publicatie><kamerstuk><stuk><titel>BRIEF VAN DE MINISTER VAN DEFENSIE</titel>
                <algemeen><brief><al>Hierbij informeer ik u.</al></brief></algemeen></stuk></kamerstuk></officiele-publicatie>
                """.getBytes(StandardCharsets.UTF_8);
        Map<String, String> metadata = Map.of("OVERHEIDop.dossiernummer", "27925", "OVERHEIDop.ondernummer", "AR",
                "OVERHEIDop.vergaderjaar", "2024-2025", "DC.creator", "Eerste Kamer der Staten-Generaal");
        assertThat(reader.read(xml, reader.identify(xml, null, null), metadata).text()).isEqualTo("""
                Eerste Kamer der Staten-Generaal
                Vergaderjaar 2024–2025

                27 925

                AR BRIEF VAN DE MINISTER VAN DEFENSIE

                Hierbij informeer ik u.""");
    }

    @Test
    void refusesADoctypeSoExternalEntitiesCannotBeRead() {
        byte[] xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE officiele-publicatie [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <officiele-publicatie><al>&secret;</al></officiele-publicatie>
                """.getBytes(StandardCharsets.UTF_8);
        assertRejected(xxe, Rejection.UNSAFE_XML);
    }

    @Test
    void refusesEntityExpansion() {
        byte[] billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <lolz>&lol3;</lolz>
                """.getBytes(StandardCharsets.UTF_8);
        assertRejected(billionLaughs, Rejection.UNSAFE_XML);
    }

    @Test
    void refusesMalformedAndForeignXml() {
        assertRejected("<officiele-publicatie><al>open".getBytes(StandardCharsets.UTF_8), Rejection.MALFORMED_XML);
        assertRejected("<?xml version=\"1.0\"?><invoice><total>3</total></invoice>".getBytes(StandardCharsets.UTF_8), Rejection.UNSUPPORTED_XML);
        assertRejected("<?xml version=\"1.0\"?><metadata><meta name=\"OVERHEIDop.dossiernummer\" content=\"1\"/></metadata>"
                .getBytes(StandardCharsets.UTF_8), Rejection.UNSUPPORTED_XML);
    }

    private static void assertRejected(byte[] xml, Rejection reason) {
        assertThatThrownBy(() -> reader.read(xml, reader.identify(xml, "application/xml", null)))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
