package nl.kamerstroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void defaultsToServingOnTheFixedPorts() {
        LaunchOptions options = LaunchOptions.parse(new String[0], Map.of());

        assertThat(options.once()).isFalse();
        assertThat(options.keepData()).isFalse();
        assertThat(options.apiKey()).isNull();
        assertThat(options.ports()).isEqualTo(new LaunchOptions.PortSet(9092, 8085, 5433, 8081, 8082, 8083));
    }

    @Test
    void takesEveryArgumentAfterOnceAsAFile() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--keep-data", "--once", "/a/b.txt", "c d.pdf"}, Map.of());

        assertThat(options.once()).isTrue();
        assertThat(options.keepData()).isTrue();
        assertThat(options.files()).containsExactly("/a/b.txt", "c d.pdf");
    }

    @Test
    void acceptsOptionsAfterTheFilesAndFilesThatLookLikeOptionsAfterDoubleDash() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--once", "a.txt", "--keep-data", "--", "--odd.md"}, Map.of());

        assertThat(options.files()).containsExactly("a.txt", "--odd.md");
        assertThat(options.keepData()).isTrue();
    }

    @Test
    void refusesOnceWithoutFilesUnknownOptionsAndStrayArguments() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--once"}, Map.of()))
                .isInstanceOf(LaunchOptions.UsageException.class).hasMessageContaining("at least one file");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--verbose"}, Map.of()))
                .isInstanceOf(LaunchOptions.UsageException.class).hasMessageContaining("unknown option: --verbose");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"a.txt"}, Map.of()))
                .isInstanceOf(LaunchOptions.UsageException.class).hasMessageContaining("after --once");
    }

    @Test
    void readsPortsAndApiKeyFromTheEnvironment() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--help"}, Map.of(
                "KAFKA_PORT", "19092", "REGISTRY_PORT", "18085", "PG_PORT", "15433",
                "INGEST_PORT", "18081", "EXTRACT_PORT", "18082", "STORE_PORT", "18083",
                "KAMERSTROOM_API_KEY", "secret"));

        assertThat(options.help()).isTrue();
        assertThat(options.ports()).isEqualTo(new LaunchOptions.PortSet(19092, 18085, 15433, 18081, 18082, 18083));
        assertThat(options.port(ServiceProcess.Service.STORE)).isEqualTo(18083);
        assertThat(options.apiKey()).isEqualTo("secret");
    }

    @Test
    void refusesAPortThatIsNoPort() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[0], Map.of("PG_PORT", "postgres")))
                .isInstanceOf(LaunchOptions.UsageException.class).hasMessageContaining("PG_PORT=postgres");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[0], Map.of("KAFKA_PORT", "70000")))
                .isInstanceOf(LaunchOptions.UsageException.class);
    }
}
