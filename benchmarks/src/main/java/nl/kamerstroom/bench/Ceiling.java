package nl.kamerstroom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own {@code org.apache.kafka.tools.ProducerPerformance} (kafka-tools, same version as the broker) against
 * a broker, as a child JVM with this module's classpath: the ceiling the pipeline is measured against. Records of a
 * given size, {@code acks=all}, as fast as it can, on a fresh topic with the given number of partitions.
 */
final class Ceiling {

    /**
     * ProducerPerformance's closing line, parsed, and what the ceiling cost in CPU per record: the broker's (this JVM,
     * which hosts it, during the run) and the producer's (its JVM's whole life, start and JIT included, so a little
     * more than its steady state).
     */
    record Result(long records, double recordsPerSecond, double mbPerSecond, double avgLatencyMs, double maxLatencyMs,
                  double p50Ms, double p99Ms, int recordSize, String producerProps, String line,
                  double brokerCpuMsPerRecord, double producerCpuMsPerRecord) {

        double cpuMsPerRecord() {
            return brokerCpuMsPerRecord + producerCpuMsPerRecord;
        }

        /** Cores the ceiling kept busy: at about all of the machine's, the ceiling is what this machine's CPU allows. */
        double coresBusy() {
            return cpuMsPerRecord() * recordsPerSecond / 1000;
        }
    }

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, "
                    + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private Ceiling() {
    }

    static Result run(String bootstrapServers, int partitions, int recordSize, long records, String extraProducerProps, Path log)
            throws Exception {
        String topic = "bench.ceiling." + System.nanoTime();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                    .configs(Map.of("max.message.bytes", Integer.toString(Math.max(1_048_588, recordSize + 1024)))))).all().get(30, TimeUnit.SECONDS);
        }
        String props = ("acks=all bootstrap.servers=" + bootstrapServers + " max.request.size=" + Math.max(1_048_576, recordSize * 2)
                + " " + (extraProducerProps == null ? "" : extraProducerProps)).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props"));
        command.addAll(List.of(props.split("\\s+")));
        long brokerCpuBefore = CpuUse.ownNanos();
        long producerCpuBefore = CpuUse.endedChildrenNanos(ProcessHandle.current().pid());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                all.append(line).append('\n');
                if (SUMMARY.matcher(line).find()) {
                    last = line;
                }
            }
        }
        int exit = process.waitFor();
        double brokerCpuMs = (CpuUse.ownNanos() - brokerCpuBefore) / 1e6;
        // the producer's JVM has ended and been waited for: its time is in this process's time of ended children
        double producerCpuMs = (CpuUse.endedChildrenNanos(ProcessHandle.current().pid()) - producerCpuBefore) / 1e6;
        if (log != null) {
            Results.append(log, "==== " + String.join(" ", command) + "\n" + all);
        }
        if (exit != 0 || last == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + exit + "):\n" + all);
        }
        Matcher m = SUMMARY.matcher(last);
        m.find();
        long sent = Long.parseLong(m.group(1));
        return new Result(sent, Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)),
                Double.parseDouble(m.group(8)), recordSize, props.replace(bootstrapServers, "<broker>"), last,
                brokerCpuMs / sent, producerCpuMs / sent);
    }
}
