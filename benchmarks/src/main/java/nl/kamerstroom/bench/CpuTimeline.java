package nl.kamerstroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The CPU of each part of the stack over time during a load phase, one row per interval, written as CSV next to
 * {@code latencies.csv}: when latency builds up and drains again, it says which part was busy while it did. Each
 * sample walks {@code /proc} once, a few milliseconds every interval, which counts as the load generator's.
 */
final class CpuTimeline implements AutoCloseable {

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "load-cpu-timeline");
        thread.setDaemon(true);
        return thread;
    });
    private final StringBuilder csv = new StringBuilder("seconds," + String.join(",", CpuUse.PARTS) + "\n");
    private final Path file;
    private final long startNanos = System.nanoTime();
    private CpuUse previous = CpuUse.now();

    private CpuTimeline(Path file) {
        this.file = file;
    }

    /** Samples every {@code interval} until {@link #close()}, which writes the file. */
    static CpuTimeline start(Path file, Duration interval) {
        CpuTimeline timeline = new CpuTimeline(file);
        timeline.sampler.scheduleAtFixedRate(timeline::sample, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return timeline;
    }

    private synchronized void sample() {
        CpuUse now = CpuUse.now();
        Map<String, CpuUse.Millis> used = now.millisSince(previous);
        previous = now;
        csv.append(String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9));
        CpuUse.PARTS.forEach(part -> csv.append(',').append(Math.round(used.get(part).total())));
        csv.append('\n');
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdown();
        sampler.awaitTermination(10, TimeUnit.SECONDS);
        synchronized (this) {
            try {
                Files.writeString(file, csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
