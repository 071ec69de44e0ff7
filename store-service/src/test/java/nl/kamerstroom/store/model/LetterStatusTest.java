package nl.kamerstroom.store.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LetterStatusTest {

    @Test
    void aLetterNotExtractedIsReceivedWhateverEntitiesAreStored() {
        assertThat(LetterStatus.of(false, false)).isEqualTo(LetterStatus.RECEIVED);
        assertThat(LetterStatus.of(false, true)).isEqualTo(LetterStatus.RECEIVED);
    }

    @Test
    void anExtractedLetterIsStoredOnlyOnceAllListedEntitiesAre() {
        assertThat(LetterStatus.of(true, false)).isEqualTo(LetterStatus.EXTRACTED);
        assertThat(LetterStatus.of(true, true)).isEqualTo(LetterStatus.STORED);
    }
}
