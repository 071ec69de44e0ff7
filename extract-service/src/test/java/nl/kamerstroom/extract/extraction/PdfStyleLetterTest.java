package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same letter as it arrives from a PDF (lines wrapped, words hyphenated across lines, running page headers
 * mid-paragraph, footnote markers as plain digits glued to words, footnote blocks interrupting sentences) or
 * from a web page (lines broken mid-sentence, non-breaking spaces in numbers) yields the same entities.
 */
class PdfStyleLetterTest {

    private static final String TK = "tk-34843-111-seksueel-geweld";
    private static final String EK = "ek-27925-AR-nmi-force-protection";
    private static LetterExtractor extractor;

    @BeforeAll
    static void buildExtractor() {
        extractor = new LetterExtractor();
    }

    @Test
    void givenCleanLetterRenderedAsPdfText_whenExtracted_thenSameEntitiesAndExactEvidence() throws IOException {
        String clean = GoldLettersTest.resource("/letters/" + TK + ".txt");
        String pdf = pdfStyle(clean, "Tweede Kamer, vergaderjaar 2023–2024, 34 843, nr. 111", true);
        assertThat(pdf).contains("-\n").contains("vergaderjaar 2023–2024").doesNotContain("¹");

        Extraction expected = extractor.extract(clean);
        Extraction actual = extractor.extract(pdf);

        assertSameEntities(actual, expected);
        assertThat(actual.letter().dossier()).isEqualTo(expected.letter().dossier());
        assertThat(actual.letter().documentNumber()).isEqualTo(expected.letter().documentNumber());
        assertThat(actual.letter().chamber()).isEqualTo(expected.letter().chamber());
        assertThat(actual.letter().date()).isEqualTo(expected.letter().date());
        assertThat(actual.letter().senders()).isEqualTo(expected.letter().senders());
        assertThat(actual.letter().sessionYear()).as("the running header states the vergaderjaar").isEqualTo("2023-2024");
        GoldLettersTest.assertEvidenceExact(pdf, actual);
    }

    @Test
    void givenEersteKamerPdfTextWithExtraRunningHeadersAndPageNumbers_whenExtracted_thenSameEntities() throws IOException {
        String original = GoldLettersTest.resource("/letters/" + EK + ".txt");
        String withHeaders = insertRunningHeaders(original, "Eerste Kamer, vergaderjaar 2024–2025, 27 925, AR", 23);

        Extraction expected = extractor.extract(original);
        Extraction actual = extractor.extract(withHeaders);

        assertSameEntities(actual, expected);
        assertThat(actual.letter()).isEqualTo(expected.letter());
        GoldLettersTest.assertEvidenceExact(withHeaders, actual);
    }

    @Test
    void givenLetterAsWebPageWithBrokenLinesAndNonBreakingSpaces_whenExtracted_thenSameEntities() throws IOException {
        String clean = GoldLettersTest.resource("/letters/" + TK + ".txt");
        String web = wrap(clean, 62, false).replace("36 377", "36\u00A0377").replace("34 843, nr. 79", "34\u00A0843, nr.\u00A079");

        Extraction expected = extractor.extract(clean);
        Extraction actual = extractor.extract(web);

        assertSameEntities(actual, expected);
        assertThat(actual.letter()).isEqualTo(expected.letter());
        GoldLettersTest.assertEvidenceExact(web, actual);
    }

    @Test
    void givenLetterWithWindowsLineEnds_whenExtracted_thenSameEntitiesAndMetadata() throws IOException {
        for (String name : List.of(TK, EK)) {
            String original = GoldLettersTest.resource("/letters/" + name + ".txt");
            String crlf = original.replace("\n", "\r\n");

            Extraction expected = extractor.extract(original);
            Extraction actual = extractor.extract(crlf);

            assertSameEntities(actual, expected);
            assertThat(actual.letter()).isEqualTo(expected.letter());
            GoldLettersTest.assertEvidenceExact(crlf, actual);
        }
    }

    private static void assertSameEntities(Extraction actual, Extraction expected) {
        assertThat(missionFacts(actual)).isEqualTo(missionFacts(expected));
        assertThat(actual.budgets()).extracting(b -> b.amountEur() + " " + b.recurrence() + " " + b.year() + " " + b.text())
                .isEqualTo(expected.budgets().stream().map(b -> b.amountEur() + " " + b.recurrence() + " " + b.year() + " " + b.text()).toList());
        assertThat(motieFacts(actual)).isEqualTo(motieFacts(expected));
    }

    private static List<String> missionFacts(Extraction e) {
        return e.missions().stream().map(m -> String.join("|", m.naturalKey(), String.valueOf(m.organisation()),
                String.valueOf(m.country()), String.valueOf(m.personnel()), String.valueOf(m.start()), String.valueOf(m.end()),
                String.valueOf(m.dutchContribution()))).toList();
    }

    private static List<String> motieFacts(Extraction e) {
        return e.moties().stream().map(m -> m.naturalKey() + " " + m.submitters().stream()
                .map(Extraction.Submitter::name).collect(Collectors.joining("/"))).toList();
    }

    /** Wraps long paragraphs, hyphenates long words at line ends, inserts running headers, plain-digit markers. */
    static String pdfStyle(String clean, String runningHeader, boolean plainMarkers) {
        String text = plainMarkers ? plainDigits(clean) : clean;
        return insertRunningHeaders(wrap(text, 75, true), runningHeader, 37);
    }

    static String wrap(String text, int width, boolean hyphenate) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n\n", -1)) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            if (paragraph.length() <= 120) {
                out.append(paragraph);
                continue;
            }
            StringBuilder line = new StringBuilder();
            List<String> lines = new ArrayList<>();
            for (String word : paragraph.replace('\n', ' ').split(" ")) {
                if (line.length() + word.length() + 1 > width && line.length() > 0) {
                    if (hyphenate && word.length() >= 10 && word.chars().allMatch(Character::isLowerCase)
                            && line.length() + 6 < width) {
                        int cut = Math.min(width - line.length() - 2, word.length() - 4);
                        if (cut >= 4) {
                            line.append(' ').append(word, 0, cut).append('-');
                            lines.add(line.toString());
                            line = new StringBuilder(word.substring(cut));
                            continue;
                        }
                    }
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    if (line.length() > 0) {
                        line.append(' ');
                    }
                    line.append(word);
                }
            }
            lines.add(line.toString());
            out.append(String.join("\n", lines));
        }
        return out.toString();
    }

    static String insertRunningHeaders(String text, String header, int every) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int page = 2;
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]);
            if (i + 1 < lines.length) {
                out.append('\n');
            }
            if (i > 10 && i % every == 0 && i + 1 < lines.length) {
                out.append(header).append(' ').append(page++).append('\n');
            }
        }
        return out.toString();
    }

    static String plainDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(switch (c) {
                case '¹' -> '1';
                case '²' -> '2';
                case '³' -> '3';
                default -> c >= '⁴' && c <= '⁹' || c == '⁰' ? (char) ('0' + (c - '⁰')) : c;
            });
        }
        return out.toString();
    }
}
