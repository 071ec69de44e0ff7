package nl.kamerstroom.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import nl.kamerstroom.documents.Format;
import nl.kamerstroom.documents.Samples;
import nl.kamerstroom.ingest.intake.LetterIds;
import nl.kamerstroom.ingest.intake.ReceivedLetter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

class LetterApiTest extends ApiTestSupport {

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = mvc();
    }

    private ResultActions upload(byte[] body, String contentType) throws Exception {
        var request = post("/api/letters").header("X-Api-Key", API_KEY).content(body);
        return mvc.perform(contentType == null ? request : request.contentType(contentType));
    }

    // ------------------------------------------------------------------ accepted documents

    @Test
    void aTextLetterIsAcceptedWithTheSha256OfItsBytesAsId() throws Exception {
        byte[] letter = Samples.bytes(Samples.EK_TXT);

        upload(letter, "text/plain; charset=UTF-8")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.letterId").value(LetterIds.of(letter)));

        ReceivedLetter published = publisher.published.get(0);
        assertThat(published.letterId()).matches("[0-9a-f]{64}");
        assertThat(published.text()).isEqualTo(Samples.text(Samples.EK_TXT));
        assertThat(published.format()).isEqualTo(Format.TEXT);
        assertThat(published.contentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(published.sizeBytes()).isEqualTo(letter.length);
    }

    @Test
    void theFileNameComesFromTheQuery() throws Exception {
        mvc.perform(post("/api/letters").queryParam("fileName", "brief.txt").header("X-Api-Key", "second-key")
                        .contentType(MediaType.TEXT_PLAIN).content("Den Haag, 1 juli 2024"))
                .andExpect(status().isAccepted());
        assertThat(publisher.published.get(0).fileName()).isEqualTo("brief.txt");
    }

    @Test
    void theSameBytesGetTheSameIdAndArePublishedAgain() throws Exception {
        byte[] letter = Samples.bytes(Samples.TK_TXT);
        String first = upload(letter, "text/plain").andReturn().getResponse().getContentAsString();
        String second = upload(letter, "text/plain").andReturn().getResponse().getContentAsString();
        assertThat(second).isEqualTo(first);
        assertThat(publisher.published).hasSize(2);
        assertThat(publisher.published.get(0).format()).isEqualTo(Format.MARKDOWN);
    }

    @Test
    void windows1252TextIsConvertedAndBomLineEndingsAndCompositionNormalised() throws Exception {
        byte[] windows1252 = "Geïntegreerd beleid – “citaat”\r\n".getBytes("windows-1252");
        byte[] utf8WithBomAndDecomposedLetters = "\uFEFFGei\u0308ntegreerd\r\nbeleid\rslot".getBytes(StandardCharsets.UTF_8);

        upload(windows1252, "text/plain").andExpect(status().isAccepted());
        upload(utf8WithBomAndDecomposedLetters, "text/plain; charset=UTF-8").andExpect(status().isAccepted());

        assertThat(publisher.published.get(0).text()).isEqualTo("Geïntegreerd beleid – “citaat”\n");
        assertThat(publisher.published.get(0).contentType()).isEqualTo("text/plain;charset=windows-1252");
        assertThat(publisher.published.get(1).text()).isEqualTo("Ge\u00EFntegreerd\nbeleid\nslot");
    }

    @Test
    void eachFormatIsRecognisedWithOrWithoutADeclaredType() throws Exception {
        upload(Samples.bytes(Samples.EK_PDF), "application/pdf").andExpect(status().isAccepted());
        upload(Samples.bytes(Samples.EK_PDF), null).andExpect(status().isAccepted());
        upload(Samples.bytes(Samples.TK_HTML), "text/html").andExpect(status().isAccepted());
        upload(Samples.bytes(Samples.TK_HTML), "application/octet-stream").andExpect(status().isAccepted());
        upload(Samples.bytes(Samples.TK_XML), "application/xml").andExpect(status().isAccepted());
        upload(Samples.bytes(Samples.TK_XML), "application/octet-stream").andExpect(status().isAccepted());

        assertThat(publisher.published).extracting(ReceivedLetter::format)
                .containsExactly(Format.PDF, Format.PDF, Format.HTML, Format.HTML, Format.XML, Format.XML);
        assertThat(publisher.published.get(0).text()).contains("18,3 miljoen euro").doesNotContain("vergaderjaar 2024–2025, 27 925");
        assertThat(publisher.published.get(2).text()).contains("de motie van het lid Van Nispen (SP)").doesNotContain("Naar boven");
        assertThat(publisher.published.get(4).text()).startsWith("Tweede Kamer der Staten-Generaal\nVergaderjaar 2023–2024");
    }

    // ------------------------------------------------------------------ authentication

    @Test
    void withoutAnApiKeyTheAnswerIs401AndNothingIsRead() throws Exception {
        mvc.perform(post("/api/letters").contentType(MediaType.TEXT_PLAIN).content("brief"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(containsString("X-Api-Key")));
        mvc.perform(post("/api/letters").header("X-Api-Key", "test-keyy").contentType(MediaType.TEXT_PLAIN).content("brief"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("not valid")));
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void healthAndMetricsAreOpenAndNoBrokerMeansNotReady() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        // no broker runs behind this test's fake publisher: alive, but not ready to accept letters
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void anEmptyBodyIs400() throws Exception {
        expectProblem(upload(new byte[0], "text/plain"), 400, "empty-document", "empty");
    }

    @Test
    void anUnsupportedTypeIs415() throws Exception {
        expectProblem(upload("a,b\n1,2".getBytes(), "text/csv"), 415, "unsupported-media-type", "text/csv");
        expectProblem(upload(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, null), 415,
                "unsupported-media-type", "PNG image");
    }

    @Test
    void aTypeThatContradictsTheBytesIs415() throws Exception {
        expectProblem(upload(Samples.bytes(Samples.EK_PDF), "text/plain"), 415, "media-type-mismatch", "content is a PDF");
        expectProblem(upload("gewone tekst".getBytes(), "application/pdf"), 415, "media-type-mismatch", "plain text");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        byte[] large = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        expectProblem(upload(large, "text/plain"), 413, "document-too-large", "at most 2097152 bytes");
    }

    @Test
    void invalidUtf8ThatIsNotWindows1252EitherIs422() throws Exception {
        byte[] bytes = {'B', 'r', 'i', 'e', 'f', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0x81, (byte) 0x8D};
        expectProblem(upload(bytes, "text/plain"), 422, "undecodable-text", "not valid UTF-8");
    }

    @Test
    void encryptedCorruptAndScannedPdfsAre422() throws Exception {
        expectProblem(upload(nl.kamerstroom.documents.PdfFixtures.encrypted(), "application/pdf"), 422, "encrypted-pdf", "password");
        expectProblem(upload(nl.kamerstroom.documents.PdfFixtures.withoutText(), "application/pdf"), 422, "pdf-without-text", "OCR");
        byte[] truncated = java.util.Arrays.copyOf(Samples.bytes(Samples.EK_PDF), 400);
        expectProblem(upload(truncated, "application/pdf"), 422, "corrupt-pdf", "cannot be read");
    }

    @Test
    void xmlWithADoctypeIs422() throws Exception {
        byte[] xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE officiele-publicatie [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <officiele-publicatie>&x;</officiele-publicatie>""".getBytes(StandardCharsets.UTF_8);
        expectProblem(upload(xxe, "application/xml"), 422, "unsafe-xml", "DOCTYPE");
    }

    private static void expectProblem(ResultActions result, int status, String code, String detail) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.type").value("urn:kamerstroom:problem:" + code))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
    }

    // ------------------------------------------------------------------ unavailable

    @Test
    void whenKafkaIsUnreachableTheAnswerIs503WithRetryAfter() throws Exception {
        publisher.unavailable = true;
        upload(Samples.bytes(Samples.EK_TXT), "text/plain")
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(jsonPath("$.code").value("publishing-unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString("same letter id")));
    }

    // ------------------------------------------------------------------ batches

    @Test
    void aMultipartBatchAcceptsTheGoodDocumentsAndReportsTheBadOnes() throws Exception {
        mvc.perform(multipart("/api/letters").header("X-Api-Key", API_KEY)
                        .file(new MockMultipartFile("file", "ek.pdf", "application/pdf", Samples.bytes(Samples.EK_PDF)))
                        .file(new MockMultipartFile("file", "leeg.txt", "text/plain", new byte[0]))
                        .file(new MockMultipartFile("file", "tk.html", "text/html", Samples.bytes(Samples.TK_HTML))))
                .andExpect(status().isMultiStatus())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.results[0].fileName").value("ek.pdf"))
                .andExpect(jsonPath("$.results[0].status").value(202))
                .andExpect(jsonPath("$.results[0].letterId").value(LetterIds.of(Samples.bytes(Samples.EK_PDF))))
                .andExpect(jsonPath("$.results[1].status").value(400))
                .andExpect(jsonPath("$.results[1].problem.code").value("empty-document"))
                .andExpect(jsonPath("$.results[2].status").value(202));
        assertThat(publisher.published).hasSize(2);
    }

    @Test
    void aZipIsABatchAndItsMetadataXmlFillsTheXmlHeader() throws Exception {
        byte[] xmlWithoutHeader = """
                <officiele-publicatie><kamerstuk><stuk><titel>BRIEF VAN DE MINISTER VAN DEFENSIE</titel>
                <algemeen><brief><al>Hierbij informeer ik u.</al></brief></algemeen></stuk></kamerstuk></officiele-publicatie>
                """.getBytes(StandardCharsets.UTF_8);
        byte[] metadata = """
                <metadata><meta name="OVERHEIDop.dossiernummer" content="27925"/><meta name="OVERHEIDop.ondernummer" content="AR"/>
                <meta name="OVERHEIDop.vergaderjaar" content="2024-2025"/></metadata>""".getBytes(StandardCharsets.UTF_8);
        byte[] zip = zip("brieven/ek.txt", Samples.bytes(Samples.EK_TXT), "kst/publicatie.xml", xmlWithoutHeader,
                "kst/metadata.xml", metadata, "__MACOSX/._ek.txt", new byte[]{0, 1}, "kapot.pdf", "%PDF-1.4 kapot".getBytes());

        upload(zip, "application/zip")
                .andExpect(status().isMultiStatus())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.results.length()").value(3))
                .andExpect(jsonPath("$.results[0].fileName").value("upload.zip!/brieven/ek.txt"))
                .andExpect(jsonPath("$.results[2].problem.code").value("corrupt-pdf"));
        assertThat(publisher.published.get(1).text()).startsWith("Vergaderjaar 2024–2025\n\n27 925\n\nAR BRIEF VAN DE MINISTER VAN DEFENSIE");
    }

    @Test
    void aZipWithTooManyEntriesOrThatExpandsLikeABombIs413() throws Exception {
        byte[] many = zip("1.txt", "a".getBytes(), "2.txt", "b".getBytes(), "3.txt", "c".getBytes(),
                "4.txt", "d".getBytes(), "5.txt", "e".getBytes(), "6.txt", "f".getBytes());
        expectProblem(upload(many, null), 413, "too-many-documents", "more than 5 documents");

        byte[] bomb = zip("bom.txt", new byte[20 * 1024 * 1024]);
        expectProblem(upload(bomb, "application/zip"), 413, "archive-too-large", "decompression bomb");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void anOfficeDocumentIsNotTakenForABatch() throws Exception {
        byte[] docx = zip("[Content_Types].xml", "<Types/>".getBytes(), "word/document.xml", "<w:document/>".getBytes());
        expectProblem(upload(docx, null), 415, "unsupported-media-type", "Save it as PDF");
    }

    static byte[] zip(Object... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
