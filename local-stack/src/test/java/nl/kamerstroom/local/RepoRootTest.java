package nl.kamerstroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTest {

    @TempDir
    Path dir;

    @Test
    void walksUpToTheDirectoryWithMvnwAndSchemas() throws IOException {
        Files.createFile(dir.resolve("mvnw"));
        Files.createDirectories(dir.resolve("schemas"));
        Path deep = Files.createDirectories(dir.resolve("store-service/src/main"));

        assertThat(RepoRoot.findFrom(deep)).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void failsClearlyOutsideACheckout() {
        assertThatThrownBy(() -> RepoRoot.findFrom(dir)).hasMessageContaining("kamerstroom.home");
    }

    @Test
    void findsThisCheckoutFromTheModuleDirectory() {
        assertThat(RepoRoot.find().resolve("local-stack")).isDirectory();
    }
}
