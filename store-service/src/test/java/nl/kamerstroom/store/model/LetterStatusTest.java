package nl.kamerstroom.store.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LetterStatusTest {

    @Test
    void aLetterNotExtractedIsReceivedWhateverEntitiesAreStored() {
        assertThat(LetterStatus.of(false, true, false)).isEqualTo(LetterStatus.RECEIVED);
        assertThat(LetterStatus.of(false, true, true)).isEqualTo(LetterStatus.RECEIVED);
    }

    @Test
    void anExtractedLetterIsStoredOnlyOnceAllListedEntitiesAre() {
        assertThat(LetterStatus.of(true, true, false)).isEqualTo(LetterStatus.EXTRACTED);
        assertThat(LetterStatus.of(true, true, true)).isEqualTo(LetterStatus.STORED);
    }

    @Test
    void anExtractedLetterIsStoredOnlyOnceItsTextIs() {
        // the store reads letters.received and letters.extracted independently: the extraction can come first
        assertThat(LetterStatus.of(true, false, true)).isEqualTo(LetterStatus.EXTRACTED);
    }

    @Test
    void aFailureAfterTheLastExtractionIsFailedWhateverIsStored() {
        assertThat(LetterStatus.of(true, true, true, true)).isEqualTo(LetterStatus.FAILED);
    }
}
