package nl.kamerstroom.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two builds of the extractor, A and B, measured in CPU time in several JVMs each, in the order A B B A A B ...
 * One JVM is not enough to compare them: the JIT compiles the same code differently from one JVM to the next, and the
 * metadata stage measured 53–57 µs per letter in four JVMs and 72–79 in two others. Each JVM reports its best round;
 * the summary compares the medians over the JVMs and shows their spread.
 * <p>
 * Options: {@code --a DIR} {@code --b DIR} (classes of the extractor, each first on its JVM's class path; see
 * {@code run-extraction-ab.sh}), {@code --a-name}, {@code --b-name}, {@code --jvms 6}, {@code --corpus real,2k,25k},
 * {@code --cpu-time 3} (CPU-seconds per round), {@code --iterations 3} (rounds per JVM).
 */
public final class ExtractionAbMain {

    static final String RESULT_PREFIX = "ab-result ";

    private ExtractionAbMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Map<String, Path> sides = new LinkedHashMap<>();
        sides.put(o.getOrDefault("a-name", "A"), Path.of(required(o, "a")));
        sides.put(o.getOrDefault("b-name", "B"), Path.of(required(o, "b")));
        int jvms = Integer.parseInt(o.getOrDefault("jvms", "6"));
        String corpora = o.getOrDefault("corpus", "real,2k,25k");
        String seconds = o.getOrDefault("cpu-time", "3");
        String rounds = o.getOrDefault("iterations", "3");

        // side -> corpus -> best MB per CPU-s of each JVM
        Map<String, Map<String, List<Double>>> best = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(sides.keySet());
        for (int i = 0; i < jvms; i++) {
            List<String> order = new ArrayList<>(names);
            if (i % 2 == 1) {
                Collections.reverse(order);
            }
            for (String side : order) {
                Map<String, Double> measured = measure(sides.get(side), corpora, seconds, rounds);
                System.err.printf("JVM %d of %d, %s: %s%n", i + 1, jvms, side, measured);
                measured.forEach((corpus, mb) -> best.computeIfAbsent(side, s -> new LinkedHashMap<>())
                        .computeIfAbsent(corpus, c -> new ArrayList<>()).add(mb));
            }
        }

        String a = names.get(0);
        String b = names.get(1);
        List<List<String>> rows = new ArrayList<>();
        for (String corpus : corpora.split(",")) {
            List<Double> ofA = best.get(a).get(corpus);
            List<Double> ofB = best.get(b).get(corpus);
            double medianA = median(ofA);
            double medianB = median(ofB);
            rows.add(List.of(corpus, ExtractionMain.fmt(medianA, 2), spread(ofA), ExtractionMain.fmt(medianB, 2), spread(ofB),
                    (medianB >= medianA ? "+" : "") + ExtractionMain.fmt(100 * (medianB / medianA - 1), 1) + " %"));
        }
        String summary = "# Extraction A/B (CPU time of one thread, " + jvms + " JVMs per side)\n\n" + Results.machine() + "\n\n"
                + "A = " + a + ", B = " + b + "; " + rounds + " rounds of " + seconds + " CPU-s per JVM after a warm-up round.\n\n"
                + Results.table(List.of("corpus", "A: median MB per CPU-s", "A: JVMs min–max", "B: median MB per CPU-s",
                        "B: JVMs min–max", "B against A"), rows)
                + "\nEach JVM's best round; medians over the JVMs. A difference smaller than the spread within a side is not "
                + "established by this run.\n";
        System.out.println(summary);
        Results.write("extraction-ab-" + Results.stamp() + ".md", summary);
        Results.write("extraction-ab-latest.md", summary);
    }

    private static String required(Map<String, String> o, String key) {
        String value = o.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required: usage: run-extraction-ab.sh <git ref> [--jvms 6] "
                    + "[--corpus real,2k,25k] [--cpu-time 3] [--iterations 3]");
        }
        return value;
    }

    /** One JVM with {@code classes} first on its class path: corpus -> best MB per CPU-s. */
    private static Map<String, Double> measure(Path classes, String corpora, String seconds, String rounds) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms512m", "-Xmx512m",
                "-Dkamerstroom.home=" + System.getProperty("kamerstroom.home", "."),
                "-cp", classes + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                ExtractionCpuTime.class.getName(), corpora, seconds, rounds);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> result = new LinkedHashMap<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith(RESULT_PREFIX)) {
                    String[] f = line.substring(RESULT_PREFIX.length()).split(" ");
                    result.put(f[0], Double.parseDouble(f[1]));
                }
            }
        }
        if (process.waitFor() != 0 || result.isEmpty()) {
            throw new IllegalStateException("the measuring JVM failed:\n" + output);
        }
        return result;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String spread(List<Double> values) {
        return ExtractionMain.fmt(values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN), 2) + "–"
                + ExtractionMain.fmt(values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), 2);
    }
}
