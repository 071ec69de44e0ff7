package nl.kamerstroom.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ExtractionBenchmark} under JMH with the GC profiler and prints letters/s, MB/s and allocation per
 * letter for each corpus; writes JMH's JSON and a Markdown summary to {@code benchmarks/results/}.
 * <p>
 * Options: {@code --corpus real,2k,25k,250k} {@code --warmup 3} {@code --iterations 5} {@code --time 2} (seconds per
 * iteration) {@code --forks 1} {@code --prof jfr} (any extra JMH profiler, repeatable) {@code --jvm-args "-Xmx512m"}.
 * {@code --cpu-time S} measures in thread CPU time instead ({@link ExtractionCpuTime}), S CPU-seconds per round.
 */
public final class ExtractionMain {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> profilers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: run-extraction.sh [--corpus real,2k,25k,250k] [--warmup N] [--iterations N] "
                        + "[--time S] [--forks N] [--prof NAME] [--jvm-args \"...\"] [--cpu-time SECONDS]; not understood: " + a);
            }
            if (a.equals("--prof")) {
                profilers.add(args[++i]);
            } else {
                opts.put(a.substring(2), args[++i]);
            }
        }
        String[] corpora = opts.getOrDefault("corpus", "real,2k,25k,250k").split(",");
        Path results = Results.dir();
        String stamp = Results.stamp();
        if (opts.containsKey("cpu-time")) {
            ExtractionCpuTime.Tables tables = ExtractionCpuTime.run(corpora, Double.parseDouble(opts.get("cpu-time")),
                    Integer.parseInt(opts.getOrDefault("iterations", "5")));
            String summary = "# Extraction engine (CPU time of one thread)\n\n" + Results.machine() + "\n\n" + tables.letters()
                    + "\nMB = 10^6 bytes of UTF-8 input; CPU time from ThreadMXBean, so other load on the machine hardly counts.\n"
                    + "\n## Where the time goes: CPU microseconds per letter by stage (one more round, each stage timed)\n\n"
                    + tables.stages()
                    + "\nThe stages of `LetterExtractor.extract` in the order they run; timing them adds about 1 µs per letter.\n";
            System.out.println(summary);
            Results.write("extraction-cpu-" + stamp + ".md", summary);
            Results.write("extraction-cpu-latest.md", summary);
            return;
        }
        Path json = results.resolve("extraction-" + stamp + ".json");
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include(ExtractionBenchmark.class.getName())
                .param("corpus", corpora)
                .warmupIterations(Integer.parseInt(opts.getOrDefault("warmup", "3")))
                .warmupTime(TimeValue.seconds(Long.parseLong(opts.getOrDefault("time", "2"))))
                .measurementIterations(Integer.parseInt(opts.getOrDefault("iterations", "5")))
                .measurementTime(TimeValue.seconds(Long.parseLong(opts.getOrDefault("time", "2"))))
                .forks(Integer.parseInt(opts.getOrDefault("forks", "1")))
                .threads(1)
                .jvmArgsAppend(opts.getOrDefault("jvm-args", "-Xmx512m -Xms512m").split("\\s+"))
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        for (String p : profilers) {
            String[] nameAndOptions = p.split(":", 2);
            if (nameAndOptions.length == 2) {
                builder.addProfiler(nameAndOptions[0], nameAndOptions[1]);
            } else {
                builder.addProfiler(p);
            }
        }
        Collection<RunResult> runs = new Runner(builder.build()).run();

        List<String> header = List.of("corpus", "mean letter (KB)", "letters/s per core", "MB/s per core", "± (99.9%)",
                "alloc per letter (KB)", "alloc per input byte");
        List<List<String>> rows = new ArrayList<>();
        for (RunResult run : runs) {
            String corpus = run.getParams().getParam("corpus");
            double bytes = ExtractionBenchmark.meanBytes(corpus);
            Result<?> primary = run.getPrimaryResult();
            double lettersPerSecond = primary.getScore();
            double error = primary.getScoreError();
            Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            double allocPerLetter = alloc == null ? Double.NaN : alloc.getScore();
            rows.add(List.of(corpus, fmt(bytes / 1024, 1), fmt(lettersPerSecond, 0), fmt(lettersPerSecond * bytes / 1e6, 1),
                    fmt(error * bytes / 1e6, 1), fmt(allocPerLetter / 1024, 0), fmt(allocPerLetter / bytes, 1)));
        }
        String table = Results.table(header, rows);
        String machine = Results.machine();
        String summary = "# Extraction engine (JMH, 1 thread)\n\n" + machine + "\n\n" + table
                + "\nMB = 10^6 bytes of UTF-8 input. JMH JSON: " + results.relativize(json) + "\n";
        System.out.println();
        System.out.println(summary);
        Results.write("extraction-" + stamp + ".md", summary);
        Results.write("extraction-latest.md", summary);
    }

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
