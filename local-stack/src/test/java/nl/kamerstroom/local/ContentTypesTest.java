package nl.kamerstroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "brief.txt          | text/plain; charset=UTF-8",
            "BRIEF.TXT          | text/plain; charset=UTF-8",
            "notes.md           | text/markdown; charset=UTF-8",
            "page.html          | text/html",
            "page.htm           | text/html",
            "dossier.xml        | application/xml",
            "/tmp/a.b/brief.pdf | application/pdf",
            "archive.zip        | application/octet-stream",
            "README             | application/octet-stream",
            ".txt               | application/octet-stream",
            "dir.txt/file       | application/octet-stream"})
    void guessesFromTheExtension(String fileName, String expected) {
        assertThat(ContentTypes.guess(fileName)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"a.txt,true", "a.md,true", "a.html,true", "a.htm,true", "a.xml,true", "a.PDF,true", "a.docx,false", "a,false"})
    void knowsWhichSamplesToIngest(String fileName, boolean ingestible) {
        assertThat(ContentTypes.isIngestible(fileName)).isEqualTo(ingestible);
    }
}
