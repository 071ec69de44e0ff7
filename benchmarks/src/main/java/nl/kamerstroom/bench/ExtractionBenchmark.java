package nl.kamerstroom.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import nl.kamerstroom.extract.extraction.Extraction;
import nl.kamerstroom.extract.extraction.LetterExtractor;

/**
 * The extraction engine alone, one thread (so: per core). One operation is one letter; the letters of a corpus are
 * taken in turn, so ops/s are letters/s and MB/s is letters/s times the corpus's mean letter size
 * ({@link ExtractionMain} prints both, and the allocation per letter from {@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractionBenchmark {

    /** "real": the repository's real letters; otherwise synthetic letters of that size built from their paragraphs. */
    @Param({"real", "2k", "25k", "250k"})
    public String corpus;

    private LetterExtractor extractor;
    private String[] letters;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        extractor = new LetterExtractor();
        letters = corpusLetters(corpus).toArray(String[]::new);
    }

    /** The letters a corpus cycles through; the same for every run. */
    static List<String> corpusLetters(String corpus) {
        Corpus c = Corpus.load();
        if (corpus.equals("real")) {
            return c.realLetters();
        }
        int count = Corpus.parseSize(corpus) >= 200_000 ? 8 : 32;
        return c.letters(corpus, count, 42);
    }

    /** Mean UTF-8 size of a corpus's letters, in bytes. */
    static double meanBytes(String corpus) {
        return corpusLetters(corpus).stream().mapToInt(s -> s.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
    }

    @Benchmark
    public Extraction extract() {
        String letter = letters[next];
        next = next + 1 == letters.length ? 0 : next + 1;
        return extractor.extract(letter);
    }
}
