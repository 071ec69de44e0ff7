package nl.kamerstroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.kamerstroom.local.KafkaBroker;

/**
 * Kafka's producer ceiling on its own: the embedded broker (as the end-to-end run uses it, in this JVM) and
 * {@code ProducerPerformance} with records of each size, {@code acks=all}. The end-to-end benchmark measures the same
 * in its own run; this is for looking at the broker alone.
 * Options: {@code --sizes 2k,25k,250k} {@code --partitions 1} {@code --mb 200} (data per size)
 * {@code --ceiling-props "batch.size=1048576 linger.ms=10"}.
 */
public final class CeilingMain {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String[] sizes = o.getOrDefault("sizes", "2k,25k,250k").split(",");
        int partitions = Integer.parseInt(o.getOrDefault("partitions", "1"));
        long mb = Long.parseLong(o.getOrDefault("mb", "200"));
        String props = o.get("ceiling-props");
        Path dir = Files.createTempDirectory("kamerstroom-ceiling-");
        String stamp = Results.stamp();
        List<List<String>> rows = new ArrayList<>();
        KafkaBroker broker = KafkaBroker.start(0, dir.resolve("kafka"));
        try {
            for (String size : sizes) {
                int bytes = Corpus.parseSize(size);
                long records = Math.max(100, mb * 1_000_000 / bytes);
                Ceiling.Result r = Ceiling.run(broker.bootstrapServers(), partitions, bytes, records, props,
                        Results.dir().resolve("ceiling-" + stamp + ".log"));
                rows.add(List.of(size, Integer.toString(bytes), Long.toString(records), EndToEndMain.fmt(r.recordsPerSecond(), 0),
                        EndToEndMain.fmt(r.mbPerSecond(), 1), EndToEndMain.fmt(r.p50Ms(), 0), EndToEndMain.fmt(r.p99Ms(), 0),
                        EndToEndMain.fmt(r.brokerCpuMsPerRecord(), 3), EndToEndMain.fmt(r.producerCpuMsPerRecord(), 3),
                        EndToEndMain.fmt(r.coresBusy(), 2)));
            }
        } finally {
            broker.close();
        }
        String summary = "# Kafka producer ceiling (ProducerPerformance, acks=all" + (props == null ? ", producer defaults" : ", " + props)
                + ", " + partitions + " partition(s))\n\n" + Results.machine() + "\n\n"
                + Results.table(List.of("size", "record bytes", "records", "records/s", "MB/s", "p50 ms", "p99 ms",
                        "broker CPU ms per record", "producer CPU ms per record", "cores busy"), rows)
                + "\nCPU from /proc: the broker's is this JVM's during the run, the producer's its JVM's whole life (start and JIT "
                + "included). Cores busy = both × records/s.\n";
        System.out.println(summary);
        Results.write("ceiling-" + stamp + ".md", summary);
        Results.write("ceiling-latest.md", summary);
        System.exit(0);
    }
}
