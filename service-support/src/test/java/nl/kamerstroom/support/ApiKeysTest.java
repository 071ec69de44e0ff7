package nl.kamerstroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(List.of("first-key", "second-key"));

    @Test
    void acceptsEveryConfiguredKeyAndNothingElse() {
        assertThat(keys.matches("first-key")).isTrue();
        assertThat(keys.matches("second-key")).isTrue();
        assertThat(keys.matches("first-ke")).isFalse();
        assertThat(keys.matches("first-keyy")).isFalse();
        assertThat(keys.matches("")).isFalse();
        assertThat(keys.matches(null)).isFalse();
    }

    @Test
    void blankEntriesAreNoKeysAndWithoutKeysNothingMatches() {
        ApiKeys none = new ApiKeys(List.of(" ", ""));

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.matches("")).isFalse();
        assertThat(none.matches(" ")).isFalse();
    }

    @Test
    void surroundingSpacesOfAConfiguredKeyDoNotCount() {
        assertThat(new ApiKeys(List.of(" first-key ")).matches("first-key")).isTrue();
    }
}
