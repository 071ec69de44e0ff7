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
final class ExtractionCpuTime {

    private ExtractionCpuTime() {
    }

    /** The rounds' table, and per corpus one more round with each stage of the extractor timed. */
    record Tables(String letters, String stages) {
    }

    static Tables run(String[] corpora, double seconds, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean sunThreads = (com.sun.management.ThreadMXBean) threads;
        LetterExtractor extractor = new LetterExtractor();
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> stageRows = new ArrayList<>();
        for (String corpus : corpora) {
            String[] letters = ExtractionBenchmark.corpusLetters(corpus).toArray(String[]::new);
            long bytesPerRound = 0;
            for (String l : letters) {
                bytesPerRound += l.getBytes(StandardCharsets.UTF_8).length;
            }
            // warm-up: as long as a measurement
            spin(extractor, letters, seconds, threads);
            double best = Double.MAX_VALUE;
            double sum = 0;
            double allocPerLetter = 0;
            for (int r = 0; r < rounds; r++) {
                long alloc0 = sunThreads.getCurrentThreadAllocatedBytes();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long n = spin(extractor, letters, seconds, threads);
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long alloc = sunThreads.getCurrentThreadAllocatedBytes() - alloc0;
                double nsPerLetter = (double) cpu / n;
                best = Math.min(best, nsPerLetter);
                sum += nsPerLetter;
                allocPerLetter = (double) alloc / n;
            }
            double mean = sum / rounds;
            double meanBytes = (double) bytesPerRound / letters.length;
            rows.add(List.of(corpus, ExtractionMain.fmt(meanBytes / 1024, 1), ExtractionMain.fmt(mean / 1e6, 3),
                    ExtractionMain.fmt(1e9 / mean, 0), ExtractionMain.fmt(meanBytes / mean * 1e3, 1),
                    ExtractionMain.fmt(meanBytes / best * 1e3, 1), ExtractionMain.fmt(allocPerLetter / 1024, 0),
                    ExtractionMain.fmt(allocPerLetter / meanBytes, 1)));
            stageRows.add(stageRow(corpus, stageMicros(extractor, letters, seconds, threads)));
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
