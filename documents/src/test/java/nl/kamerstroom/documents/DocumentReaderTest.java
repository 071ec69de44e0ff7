package nl.kamerstroom.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentReaderTest {

    private final DocumentReader reader = new DocumentReader(DocumentLimits.defaults());

    private ReadDocument read(byte[] bytes, String contentType, String fileName) throws DocumentRejectedException {
        return reader.read(bytes, reader.identify(bytes, contentType, fileName));
    }

    @Test
    void plainTextIsKeptAsItIsApartFromBomLineEndingsAndNfc() throws Exception {
        String letter = Samples.text(Samples.EK_TXT);
        assertThat(read(Samples.bytes(Samples.EK_TXT), "text/plain", null).text()).isEqualTo(letter);

        byte[] crlf = ("\uFEFF" + letter.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        assertThat(read(crlf, null, null).text()).isEqualTo(letter);
    }

    @Test
    void footnoteMarkersAndLineBreaksStayForTheExtractor() throws Exception {
        String text = "veiligheidsinzet in Irak1 infor-\nmeren wij u\n\n1 Kamerbrief (Kamerstuk 27 925, nr. 943)\n";
        assertThat(read(text.getBytes(StandardCharsets.UTF_8), "text/plain", null).text()).isEqualTo(text);
    }

    @Test
    void windows1252IsRecognisedWhenTheBytesAreNotUtf8() throws Exception {
        ReadDocument document = read("Jezidi’s – geïntegreerd".getBytes(TextDecoder.WINDOWS_1252), "text/plain; charset=utf-8", null);
        assertThat(document.text()).isEqualTo("Jezidi’s – geïntegreerd");
        assertThat(document.mediaType()).isEqualTo("text/plain;charset=windows-1252");
    }

    @Test
    void aDeclaredLatin1CharsetIsReadAsWindows1252() throws Exception {
        assertThat(read("“citaat”".getBytes(TextDecoder.WINDOWS_1252), "text/plain; charset=ISO-8859-1", null).text())
                .isEqualTo("“citaat”");
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() throws Exception {
        assertThat(read("\uFEFFBrief".getBytes(StandardCharsets.UTF_16LE), null, null).text()).isEqualTo("Brief");
    }

    @Test
    void bytesThatAreNeitherUtf8NorWindows1252AreRefused() {
        byte[] bytes = {'a', (byte) 0xC3, '(', (byte) 0x81};
        assertThatThrownBy(() -> read(bytes, "text/plain", null))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.UNDECODABLE_TEXT))
                .hasMessageContaining("offset 1");
    }

    @Test
    void markdownIsRecognisedByTypeNameOrSyntax() throws Exception {
        assertThat(read("Brief".getBytes(), "text/markdown", null).format()).isEqualTo(Format.MARKDOWN);
        assertThat(read("Brief".getBytes(), null, "brief.md").format()).isEqualTo(Format.MARKDOWN);
        assertThat(read(Samples.bytes(Samples.TK_TXT), "text/plain", null).format()).isEqualTo(Format.MARKDOWN);
        assertThat(read(Samples.bytes(Samples.EK_TXT), "text/plain", null).format()).isEqualTo(Format.TEXT);
        assertThat(read("- punt een\n- punt twee\n".getBytes(), "text/plain", null).format()).isEqualTo(Format.TEXT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "%PDF-1.7 rest|PDF",
            "PK\u0003\u0004rest|ZIP",
            "<?xml version=\"1.0\"?><officiele-publicatie/>|XML",
            "<!-- c --><officiele-publicatie/>|XML",
            "<!DOCTYPE html><html><body>x</body></html>|HTML",
            "  <html lang=\"nl\">|HTML",
            "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>|HTML",
            "<p>Brief</p>|HTML",
            "Gewone brief met <tags> erin|TEXT"})
    void theBytesDecideWhatAnUndeclaredDocumentIs(String start, ContentKind expected) throws Exception {
        assertThat(reader.identify(start.getBytes(StandardCharsets.ISO_8859_1), null, null).content()).isEqualTo(expected);
        assertThat(reader.identify(start.getBytes(StandardCharsets.ISO_8859_1), "application/octet-stream", null).content()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text/plain|%PDF-1.4|MEDIA_TYPE_MISMATCH",
            "application/pdf|<html></html>|MEDIA_TYPE_MISMATCH",
            "application/xml|gewone tekst|MEDIA_TYPE_MISMATCH",
            "text/html|<?xml version=\"1.0\"?><officiele-publicatie/>|MEDIA_TYPE_MISMATCH",
            "image/png|\u0089PNG|UNSUPPORTED_MEDIA_TYPE",
            "application/msword|tekst|UNSUPPORTED_MEDIA_TYPE",
            "|GIF89a|UNSUPPORTED_MEDIA_TYPE"})
    void aDeclaredTypeMustAgreeWithTheBytes(String declared, String start, Rejection expected) {
        assertThatThrownBy(() -> reader.identify(start.getBytes(StandardCharsets.ISO_8859_1), declared, null))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(expected));
    }

    @Test
    void anHtmlFragmentDeclaredAsHtmlIsHtml() throws Exception {
        assertThat(read("Brief met <b>nadruk</b>".getBytes(), "text/html", null).text()).isEqualTo("Brief met nadruk");
    }

    @Test
    void anEmptyDocumentIsRefused() {
        assertThatThrownBy(() -> reader.identify(new byte[0], "text/plain", null))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.EMPTY_DOCUMENT));
    }
}
