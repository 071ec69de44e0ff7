package nl.kamerstroom.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * The one line each fault test prints: what it did and what it counted. Also appended to
 * {@code system-tests/target/fault-figures.txt}, where RELIABILITY.md's figures come from.
 */
final class Figures {

    static final Path FILE = Path.of("target", "fault-figures.txt");

    private Figures() {
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static void print(String test, String did, String counted) {
        String line = String.format(Locale.ROOT, "FAULT %-18s | %s | %s", test, did, counted);
        System.out.println(line);
        try {
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
