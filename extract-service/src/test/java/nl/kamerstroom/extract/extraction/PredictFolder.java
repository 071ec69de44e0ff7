package nl.kamerstroom.extract.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Development tool, not a test: extracts every {@code *.txt} of a folder and writes {@code NAME.json} predictions in
 * the shape score.py reads, so a new set of letters can be scored in seconds without starting the pipeline:
 * <pre>
 * ./mvnw -o -q -pl extract-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp extract-service/target/classes:extract-service/target/test-classes:$(cat extract-service/target/cp.txt) \
 *     nl.kamerstroom.extract.extraction.PredictFolder LETTERS_DIR PRED_DIR
 * python3 ../shared/eval/score.py LETTERS_DIR PRED_DIR
 * </pre>
 */
public final class PredictFolder {

    private PredictFolder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PredictFolder LETTERS_DIR PRED_DIR");
            System.exit(2);
        }
        Path letters = Path.of(args[0]);
        Path predictions = Files.createDirectories(Path.of(args[1]));
        LetterExtractor extractor = new LetterExtractor();
        List<Path> texts;
        try (Stream<Path> files = Files.list(letters)) {
            texts = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        for (Path text : texts) {
            String name = text.getFileName().toString().replaceFirst("\\.txt$", "");
            Extraction extraction = extractor.extract(Files.readString(text, StandardCharsets.UTF_8));
            Files.writeString(predictions.resolve(name + ".json"), PredictionJson.toPrettyJson(extraction),
                    StandardCharsets.UTF_8);
        }
        System.out.println(texts.size() + " letters → " + predictions);
    }
}
