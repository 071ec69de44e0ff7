package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Whatever arrives on letters.received, the extractor answers: a letter cut off anywhere, with lines shuffled,
 * characters dropped or doubled, must never throw (an exception would send a real letter to the dead-letter topic).
 * Every held-out letter, mutated with fixed seeds so a failure can be replayed.
 */
class MutatedLettersTest {

    private static final int MUTATIONS_PER_LETTER = 40;

    @Test
    void givenMutatedHeldOutLetters_whenExtracted_thenNoneThrowsAndEveryEvidenceQuotesTheText() throws Exception {
        LetterExtractor extractor = new LetterExtractor();
        for (Path letter : heldOutLetters()) {
            String text = Files.readString(letter, StandardCharsets.UTF_8);
            for (int seed = 0; seed < MUTATIONS_PER_LETTER; seed++) {
                String mutated = mutate(text, new Random(seed * 31L + letter.getFileName().hashCode()));
                String where = letter.getFileName() + " seed " + seed;
                assertThatCode(() -> {
                    Extraction e = extractor.extract(mutated);
                    e.missions().forEach(m -> quotes(mutated, m.evidence()));
                    e.budgets().forEach(b -> quotes(mutated, b.evidence()));
                    e.moties().forEach(m -> quotes(mutated, m.evidence()));
                }).as(where).doesNotThrowAnyException();
            }
        }
    }

    private static void quotes(String text, Extraction.Evidence evidence) {
        if (!text.substring(evidence.start(), evidence.end()).equals(evidence.quote())) {
            throw new AssertionError("evidence does not quote the text at its offsets: " + evidence);
        }
    }

    private static String mutate(String text, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, random.nextInt(text.length() + 1)); // cut off
            case 1 -> {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                Collections.shuffle(lines, random);
                yield String.join("\n", lines);
            }
            case 2 -> {
                StringBuilder b = new StringBuilder(text);
                for (int k = 0; k < 1 + text.length() / 50 && b.length() > 0; k++) {
                    b.deleteCharAt(random.nextInt(b.length())); // characters dropped
                }
                yield b.toString();
            }
            default -> {
                StringBuilder b = new StringBuilder(text);
                String noise = "()¹.,;€ -\n\u00A00123456789";
                for (int k = 0; k < 1 + text.length() / 50; k++) {
                    b.insert(random.nextInt(b.length() + 1), noise.charAt(random.nextInt(noise.length())));
                }
                yield b.toString();
            }
        };
    }

    private static List<Path> heldOutLetters() throws Exception {
        Path dir = resourceDir("/heldout");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static Path resourceDir(String name) throws URISyntaxException {
        return Path.of(MutatedLettersTest.class.getResource(name).toURI());
    }
}
