package nl.kamerstroom.store.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import nl.kamerstroom.store.model.LetterStatus;
import nl.kamerstroom.store.model.LetterSummary;
import org.junit.jupiter.api.Test;

class LetterRowTest {

    private static LetterSummary letter(LetterStatus status, String dossierTitle, Instant extractedAt) {
        return new LetterSummary("a1", status, null, dossierTitle, null, "TWEEDE_KAMER", null, LocalDate.of(2026, 11, 23),
                Instant.parse("2026-11-23T10:00:00Z"), extractedAt, 1, 1, 0);
    }

    @Test
    void givenAnExtractedLetterWithATitle_whenShownAsARow_thenTheTitleIsShown() {
        LetterRow row = LetterRow.of(letter(LetterStatus.STORED, "Vredesoperaties", Instant.parse("2026-11-23T10:00:01Z")));

        assertThat(row.title()).isEqualTo("Vredesoperaties");
    }

    @Test
    void givenAnExtractedLetterWhoseHeaderNamesNoDossier_whenShownAsARow_thenItSaysItHasNoTitleNotThatItWasNotExtracted() {
        LetterRow row = LetterRow.of(letter(LetterStatus.STORED, null, Instant.parse("2026-11-23T10:00:01Z")));

        assertThat(row.title()).isEqualTo("(zonder titel)");
        assertThat(row.missions()).isEqualTo(1);
    }

    @Test
    void givenALetterNotExtractedYet_whenShownAsARow_thenItSaysSo() {
        LetterRow row = LetterRow.of(letter(LetterStatus.RECEIVED, null, null));

        assertThat(row.title()).isEqualTo("(nog niet geëxtraheerd)");
    }
}
