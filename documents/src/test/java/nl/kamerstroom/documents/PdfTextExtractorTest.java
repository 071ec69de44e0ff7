package nl.kamerstroom.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfTextExtractorTest {

    private static final DocumentReader reader = new DocumentReader(DocumentLimits.defaults());
    private static String text;

    @BeforeAll
    static void readSample() throws Exception {
        byte[] pdf = Samples.bytes(Samples.EK_PDF);
        text = reader.read(pdf, reader.identify(pdf, "application/pdf", null)).text();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/ek-from-pdf.txt"), text);
    }

    @Test
    void keepsTheLetterInReadingOrder() {
        assertThat(text).startsWith("Eerste Kamer der Staten-Generaal 1\nVergaderjaar 2024–2025\n\n27 925 Bestrijding internationaal terrorisme");
        assertThat(text).contains("Aan de Voorzitter van de Eerste Kamer der Staten-Generaal\n\nDen Haag, 22 november 2024");
        assertThat(text).contains("De additionele uitgaven van deze verlenging worden geraamd op\n18,3 miljoen euro.");
        assertThat(text).endsWith("De Minister voor Buitenlandse Handel en Ontwikkelingshulp,\nR.J. Klever");
        assertThat(text.indexOf("Contextanalyse")).isLessThan(text.indexOf("Veiligheidssituatie"));
    }

    @Test
    void removesRunningHeadersAndFooters() {
        assertThat(text).doesNotContain("Eerste Kamer, vergaderjaar").doesNotContain("ISSN").doesNotContain("’s-Gravenhage 2024");
        assertThat(text.lines()).noneMatch(line -> line.strip().matches("\\d{1,2}"));
    }

    @Test
    void separatesParagraphsByABlankLineAndKeepsLineBreaks() {
        assertThat(text).contains("\n\nNMI is een militaire non-combat missie die de Iraakse autoriteiten\nadviseert over");
    }

    @Test
    void joinsWordsHyphenatedAtTheEndOfALine() {
        assertThat(text).contains("veiligheidsinzet in Irak¹ informeren\nwij u met deze aanvullende artikel 100-brief over het kabinetsbesluit\n")
                .contains("Door de force protection-inzet");
        assertThat(text).doesNotContain("aanvul-\nlende");
    }

    @Test
    void marksFootnotesAndKeepsThemAtTheEndOfTheirPage() {
        assertThat(text).contains("veiligheidsinzet in Irak¹");
        assertThat(text).contains("\n\n¹ Kamerbrief over de bredere veiligheidsinzet in Irak d.d. 7 juli 2023 (Kamerstuk 27 925, nr. 943)\n");
        int footnote = text.indexOf("¹ Kamerbrief");
        assertThat(footnote).isBetween(text.indexOf("zijn grotendeels nog"), text.indexOf("van toepassing op deze aanvullende inzet"));
        assertThat(text).contains("\n³ Kamerbrief over de bredere veiligheidsinzet").contains("\n⁴ Kamerstuk 27 925, nr. 943.");
    }

    @Test
    void refusesAnEncryptedPdf() throws IOException {
        byte[] encrypted = pdfWithText("Geheime brief", true);
        assertThatThrownBy(() -> reader.read(encrypted, reader.identify(encrypted, "application/pdf", null)))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.ENCRYPTED_PDF))
                .hasMessageContaining("encrypted");
    }

    @Test
    void refusesAPdfWithoutTextLayerAsNeedingOcr() throws IOException {
        byte[] scan = pdfWithText(null, false);
        assertThatThrownBy(() -> reader.read(scan, reader.identify(scan, null, null)))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.PDF_WITHOUT_TEXT))
                .hasMessageContaining("OCR");
    }

    @Test
    void refusesACorruptPdf() {
        byte[] corrupt = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage".getBytes();
        assertThatThrownBy(() -> reader.read(corrupt, reader.identify(corrupt, "application/pdf", null)))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.CORRUPT_PDF));
    }

    static byte[] pdfWithText(String line, boolean encrypt) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                out.addRect(50, 50, 200, 200); // a "scan": only graphics
                out.fill();
                if (line != null) {
                    out.beginText();
                    out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    out.newLineAtOffset(72, 700);
                    out.showText(line);
                    out.endText();
                }
            }
            if (encrypt) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }
}
