package nl.kamerstroom.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import nl.kamerstroom.extract.extraction.LetterExtractor;
import nl.kamerstroom.extract.extraction.LetterExtractor.Stage;

/**
 * The extraction engine measured in CPU time of the extracting thread instead of wall-clock time: on a machine
 * shared with other work (the 2-core CI and dev machines) wall-clock throughput mostly measures the neighbours,
 * while CPU seconds per letter stay comparable between runs. MB per CPU-second is MB/s per core with the core to
 * ourselves (cache and SMT effects of the neighbours remain). Also counts allocated bytes per letter.
 * Run with {@code run-extraction.sh --cpu-time [--seconds 10] [--corpus real,2k,25k,250k]}.
 */
public final class ExtractionCpuTime {

    private ExtractionCpuTime() {
    }

    /** The rounds' table, and per corpus one more round with each stage of the extractor timed. */
    record Tables(String letters, String stages) {
    }

    /**
     * One side of an A/B ({@link ExtractionAbMain}) in a JVM of its own: {@code <corpora> <seconds> <rounds>}; prints
     * per corpus {@code corpus <best MB per CPU-s> <mean MB per CPU-s>}. Only {@link LetterExtractor#extract(String)}
     * is used, so any version of the extractor can be measured.
     */
    public static void main(String[] args) {
        LetterExtractor extractor = new LetterExtractor();
        for (String corpus : args[0].split(",")) {
            Rounds r = rounds(extractor, corpus, Double.parseDouble(args[1]), Integer.parseInt(args[2]));
            System.out.println(ExtractionAbMain.RESULT_PREFIX + corpus + " " + r.meanBytes() / r.bestNanos() * 1e3
                    + " " + r.meanBytes() / r.meanNanos() * 1e3);
        }
    }

    /** CPU nanoseconds per letter (best round, mean of the rounds), bytes allocated per letter, mean letter size in bytes. */
    private record Rounds(String[] letters, double bestNanos, double meanNanos, double allocatedPerLetter, double meanBytes) {
    }

    /** {@code rounds} rounds of {@code seconds} CPU-seconds each over a corpus, after a warm-up as long as a round. */
    private static Rounds rounds(LetterExtractor extractor, String corpus, double seconds, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean sunThreads = (com.sun.management.ThreadMXBean) threads;
        String[] letters = ExtractionBenchmark.corpusLetters(corpus).toArray(String[]::new);
        long bytes = 0;
        for (String l : letters) {
            bytes += l.getBytes(StandardCharsets.UTF_8).length;
        }
        spin(extractor, letters, seconds, threads);
        double best = Double.MAX_VALUE;
        double sum = 0;
        double allocPerLetter = 0;
        for (int r = 0; r < rounds; r++) {
            long alloc0 = sunThreads.getCurrentThreadAllocatedBytes();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long n = spin(extractor, letters, seconds, threads);
            double nsPerLetter = (double) (threads.getCurrentThreadCpuTime() - cpu0) / n;
            allocPerLetter = (double) (sunThreads.getCurrentThreadAllocatedBytes() - alloc0) / n;
            best = Math.min(best, nsPerLetter);
            sum += nsPerLetter;
        }
        return new Rounds(letters, best, sum / rounds, allocPerLetter, (double) bytes / letters.length);
    }

    static Tables run(String[] corpora, double seconds, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LetterExtractor extractor = new LetterExtractor();
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> stageRows = new ArrayList<>();
        for (String corpus : corpora) {
            Rounds r = rounds(extractor, corpus, seconds, rounds);
            double mean = r.meanNanos();
            double meanBytes = r.meanBytes();
            rows.add(List.of(corpus, ExtractionMain.fmt(meanBytes / 1024, 1), ExtractionMain.fmt(mean / 1e6, 3),
                    ExtractionMain.fmt(1e9 / mean, 0), ExtractionMain.fmt(meanBytes / mean * 1e3, 1),
                    ExtractionMain.fmt(meanBytes / r.bestNanos() * 1e3, 1), ExtractionMain.fmt(r.allocatedPerLetter() / 1024, 0),
                    ExtractionMain.fmt(r.allocatedPerLetter() / meanBytes, 1)));
            stageRows.add(stageRow(corpus, stageMicros(extractor, r.letters(), seconds, threads)));
        }
        List<String> stageHeader = new ArrayList<>(List.of("corpus"));
        for (Stage stage : Stage.values()) {
            stageHeader.add(stage.name().toLowerCase(Locale.ROOT));
        }
        stageHeader.add("all");
        return new Tables(Results.table(List.of("corpus", "mean letter (KB)", "CPU ms per letter", "letters per CPU-s",
                "MB per CPU-s (mean)", "MB per CPU-s (best round)", "alloc per letter (KB)", "alloc per input byte"), rows),
                Results.table(stageHeader, stageRows));
    }

    private static List<String> stageRow(String corpus, double[] micros) {
        double all = 0;
        for (double m : micros) {
            all += m;
        }
        List<String> row = new ArrayList<>(List.of(corpus));
        for (double m : micros) {
            row.add(ExtractionMain.fmt(m, 0) + " (" + ExtractionMain.fmt(100 * m / all, 0) + " %)");
        }
        row.add(ExtractionMain.fmt(all, 0));
        return row;
    }

    /** Extracts letters in turn for {@code seconds} of CPU time, timing each stage: CPU microseconds per letter by stage. */
    private static double[] stageMicros(LetterExtractor extractor, String[] letters, double seconds, ThreadMXBean threads) {
        long[] nanos = new long[Stage.values().length];
        long[] stageStart = new long[1];
        Consumer<Stage> clock = stage -> {
            long now = threads.getCurrentThreadCpuTime();
            nanos[stage.ordinal()] += now - stageStart[0];
            stageStart[0] = now;
        };
        long until = threads.getCurrentThreadCpuTime() + (long) (seconds * 1e9);
        long n = 0;
        do {
            stageStart[0] = threads.getCurrentThreadCpuTime();
            extractor.extract(letters[(int) (n % letters.length)], clock);
            n++;
        } while (stageStart[0] < until);
        double[] micros = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            micros[i] = nanos[i] / 1e3 / n;
        }
        return micros;
    }

    /** Extracts letters in turn until {@code seconds} of this thread's CPU time are used; returns how many. */
    private static long spin(LetterExtractor extractor, String[] letters, double seconds, ThreadMXBean threads) {
        long until = threads.getCurrentThreadCpuTime() + (long) (seconds * 1e9);
        long n = 0;
        int i = 0;
        long sink = 0;
        do {
            sink += extractor.extract(letters[i]).budgets().size();
            i = i + 1 == letters.length ? 0 : i + 1;
            n++;
        } while ((n & 7) != 0 || threads.getCurrentThreadCpuTime() < until);
        if (sink == 42) {
            System.out.print("");
        }
        return n;
    }
}
