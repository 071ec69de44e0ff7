package nl.kamerstroom.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.kamerstroom.extract.extraction.LetterExtractor;

/**
 * Writes every extraction of the benchmark corpora (real letters and the synthetic 2k/25k/250k letters), one per
 * line, to a file: run it on the extractor before and after a performance change and diff the files, so a change
 * meant for speed provably changes no result. {@code java -cp ... ExtractionDump out.txt}
 */
public final class ExtractionDump {

    public static void main(String[] args) throws Exception {
        LetterExtractor extractor = new LetterExtractor();
        List<String> letters = new ArrayList<>();
        for (String corpus : List.of("real", "2k", "25k", "250k")) {
            letters.addAll(ExtractionBenchmark.corpusLetters(corpus));
        }
        Corpus c = Corpus.load();
        letters.addAll(c.letters("5k", 200, 99)); // more variety
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            for (String letter : letters) {
                out.println(extractor.extract(letter));
            }
        }
        System.out.println(letters.size() + " extractions written to " + args[0]);
    }
}
