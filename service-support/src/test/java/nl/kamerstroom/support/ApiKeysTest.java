package nl.kamerstroom.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void requiresAtLeastOneKey() {
        assertThatThrownBy(() -> new ApiKeys(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
