package nl.kamerstroom.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.kamerstroom.local.LocalInfrastructure;
import nl.kamerstroom.local.Ports;
import nl.kamerstroom.local.RepoRoot;
import nl.kamerstroom.local.ServiceProcess;

/**
 * End to end on the local stack: starts the embedded infrastructure (Kafka in this JVM, the registry, PostgreSQL) and
 * {@code --instances} of each service as child JVMs (heap from {@code KAMERSTROOM_SERVICE_JAVA_OPTS}, 512 MB by
 * default via the script), warms up, measures Kafka's own producer ceiling on the same broker for records of the
 * letters' size, then posts {@code --letters} unique letters over HTTP and reports sustained letters/s until all are
 * stored, the ratio to the ceiling, and the latency from each 202 to the moment the store answers STORED.
 * <p>
 * Options (defaults in brackets): {@code --letters N} [1000], {@code --rate R} letters/s, 0 = full speed [0],
 * {@code --size 2k|25k|250k|real} [25k], {@code --partitions P} [1], {@code --instances I} [= P], {@code --concurrency C}
 * consumer threads per listener in extract and store [1], {@code --window W}
 * requests in flight [64], {@code --warmup-chunk N} [400] and {@code --warmup-max N} [20000] (after 100 letters sent
 * gently, chunks at full speed until the stack's JIT compilers are nearly idle, see {@link #warmUntilCompiled}),
 * {@code --rate-warmup-s S} [240] with {@code --rate}: up to S seconds more at the rate, in rounds of 15 s until the JIT
 * compilers are nearly idle again, before measuring, {@code --ceiling-records N} [about 200 MB worth,
 * at least letters], {@code --ceiling-props "k=v ..."} extra producer properties for the ceiling [none: producer
 * defaults plus acks=all], {@code --no-ceiling}, {@code --poll-ms M} [5], {@code --timeout-s S} [900],
 * {@code --summary FILE} a Markdown table the result row is appended to [results/end-to-end-summary.md],
 * {@code --label TEXT}.
 */
public final class EndToEndMain {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = parse(args);
        int letters = Integer.parseInt(o.getOrDefault("letters", "1000"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        String size = o.getOrDefault("size", "25k");
        int partitions = Integer.parseInt(o.getOrDefault("partitions", "1"));
        int instances = Integer.parseInt(o.getOrDefault("instances", Integer.toString(partitions)));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "1"));
        int window = Integer.parseInt(o.getOrDefault("window", "64"));
        // the warm-up: 100 letters gently, then chunks at full speed until the JIT is done, at most warmup-max (see warmUntilCompiled)
        int warmup = 100;
        int warmupChunk = Integer.parseInt(o.getOrDefault("warmup-chunk", "400"));
        int warmupMax = Integer.parseInt(o.getOrDefault("warmup-max", "20000"));
        int warmedUp;
        // at a fixed rate, up to this many seconds more at that rate, in rounds of RATE_WARMUP_ROUND_S, until the JIT
        // compilers are quiet again: after the full-speed warm-up and the ceiling they still had the rate mode's paths
        // to compile (7.6 ms of JIT per letter in the first 30 s at 50/s, 4.2 in the broker + load generator JVM)
        double rateWarmupSeconds = rate > 0 ? Double.parseDouble(o.getOrDefault("rate-warmup-s", "240")) : 0;
        int pollMs = Integer.parseInt(o.getOrDefault("poll-ms", "5"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("timeout-s", "900")));
        String stamp = Results.stamp();
        Path results = Results.dir();
        Path summaryFile = Path.of(o.getOrDefault("summary", results.resolve("end-to-end-summary.md").toString()));
        String label = o.getOrDefault("label", (rate > 0 ? "rate " + fmt(rate, 0) + "/s" : "full speed"));
        String machine = Results.machine();
        String javaOpts = String.valueOf(System.getenv("KAMERSTROOM_SERVICE_JAVA_OPTS"));

        Corpus corpus = Corpus.load();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        List<String> texts = corpus.letters(size, warmup + letters, 7);
        List<byte[]> warmupBodies = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        long totalBytes = 0;
        for (int i = 0; i < texts.size(); i++) {
            byte[] b = Corpus.unique(texts.get(i), runId, i).getBytes(StandardCharsets.UTF_8);
            if (i < warmup) {
                warmupBodies.add(b);
            } else {
                bodies.add(b);
                totalBytes += b.length;
            }
        }
        int meanBytes = (int) (totalBytes / Math.max(1, bodies.size()));
        long ceilingRecords = Long.parseLong(o.getOrDefault("ceiling-records",
                Long.toString(Math.max(letters, Math.min(200_000L, 200_000_000L / Math.max(1, meanBytes))))));

        Path work = Files.createTempDirectory("kamerstroom-bench-");
        Path logs = results.resolve("logs-" + stamp);
        Files.createDirectories(logs);
        System.err.printf("%s%nend to end: %d letters of %s (mean %d B), %s, %d partitions, %d instances per service, window %d, "
                + "service JVM options %s; logs in %s%n", machine, letters, size, meanBytes, label, partitions, instances, window,
                javaOpts, logs);

        String apiKey = "bench-" + runId;
        List<ServiceProcess> services = new ArrayList<>();
        System.setProperty("kamerstroom.postgres.track-statements", "true");
        try (LocalInfrastructure infra = LocalInfrastructure.start(work)) {
            Map<String, String> env = new LinkedHashMap<>(infra.serviceEnvironment());
            env.put("KAMERSTROOM_TOPIC_PARTITIONS", Integer.toString(partitions));
            env.put("KAFKA_LISTENER_CONCURRENCY", Integer.toString(concurrency));
            // the store's five topic listeners each hold a connection per thread while writing, queries need a few more
            env.put("DB_POOL_SIZE", Integer.toString(Math.max(10, 5 * concurrency + 5)));
            env.put("KAMERSTROOM_API_KEY", apiKey);
            Path root = RepoRoot.find();
            List<String> ingestUrls = new ArrayList<>();
            List<String> storeUrls = new ArrayList<>();
            // the store first (it migrates the schema), then extract and ingest; one after the other, so topic creation does not race
            for (ServiceProcess.Service service : List.of(ServiceProcess.Service.STORE, ServiceProcess.Service.EXTRACT, ServiceProcess.Service.INGEST)) {
                List<ServiceProcess> started = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    String name = service.module() + "-" + i;
                    Path dir = work.resolve(name);
                    Files.createDirectories(dir);
                    ServiceProcess p = ServiceProcess.start(name, service.jar(root), Ports.freePort(), env, logs.resolve(name + ".log"), dir);
                    services.add(p);
                    started.add(p);
                }
                for (ServiceProcess p : started) {
                    p.awaitReady(Duration.ofSeconds(300));
                    (service == ServiceProcess.Service.INGEST ? ingestUrls : service == ServiceProcess.Service.STORE ? storeUrls : new ArrayList<String>())
                            .add(p.baseUrl());
                }
            }
            // each phase gets a fresh load generator (its own counters and watcher)
            java.util.function.Supplier<Load> loads = () -> new Load(ingestUrls, storeUrls, apiKey, infra.postgres().jdbcUrl(), infra.postgres().username(), infra.postgres().password());
            Load load = loads.get();

            System.err.printf("warm-up: %d letters gently, then up to %d in chunks of %d until the JIT is done%n", warmup, warmupMax, warmupChunk);
            // One letter alone first: concurrent first registrations of a schema race in the registry (Apicurio answers
            // 409 "already exists" to all but one, and ingest turns that into a 500), so the schemas are registered once here.
            Load.Outcome first = load.run(warmupBodies.subList(0, 1), 0, 1, pollMs, timeout);
            load.close();
            if (first.rejected() > 0 || first.timedOut()) {
                throw new IllegalStateException("the first letter failed: " + first.firstError() + "; see " + logs);
            }
            load = loads.get();
            // gently while the services are cold, then at full speed until the JIT compilers are (nearly) done
            requireStored("warm-up", load.run(warmupBodies.subList(1, warmup), 0, Math.min(window, 8), pollMs, timeout), logs);
            load.close();
            warmedUp = warmup + warmUntilCompiled(corpus, size, runId, 0, warmupChunk, warmupMax, window, pollMs, timeout,
                    loads, logs);
            load = loads.get();

            Ceiling.Result ceiling = null;
            if (!o.containsKey("no-ceiling")) {
                System.err.printf("ceiling: ProducerPerformance, %d records of %d B, acks=all, %d partitions%n", ceilingRecords, meanBytes, partitions);
                ceiling = Ceiling.run(infra.kafka().bootstrapServers(), partitions, meanBytes, ceilingRecords, o.get("ceiling-props"),
                        logs.resolve("ceiling.log"));
            }
            int rateWarmupRound = (int) Math.round(rate * RATE_WARMUP_ROUND_S);
            int atRate = (int) Math.round(rate * rateWarmupSeconds);
            double rateWarmedSeconds = 0;
            if (atRate > 0) {
                System.err.printf("warm-up at the measured rate: up to %d letters at %s/s until the JIT is done%n", atRate, fmt(rate, 0));
                load.close();
                int sentAtRate = warmUntilCompiled(corpus, size, runId + "-rate", rate, rateWarmupRound, atRate, window, pollMs,
                        timeout, loads, logs);
                load = loads.get();
                warmedUp += sentAtRate;
                rateWarmedSeconds = sentAtRate / rate;
            }
            double loadAverage = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.err.printf("load: %d letters, %s%n", bodies.size(), label);
            StatementStats statements = new StatementStats(infra.postgres().jdbcUrl(), infra.postgres().username(), infra.postgres().password());
            statements.reset();
            CpuUse cpuBefore = CpuUse.now();
            long cpuWindowStart = System.nanoTime();
            WaitEvents waits = WaitEvents.start(infra.postgres().jdbcUrl(), infra.postgres().username(), infra.postgres().password(), 50);
            CpuTimeline timeline = CpuTimeline.start(logs.resolve("cpu-timeline.csv"), Duration.ofSeconds(2));
            Load.Outcome run = load.run(bodies, rate, window, pollMs, timeout);
            writeLatencies(logs.resolve("latencies.csv"), run);
            CpuUse cpuAfter = CpuUse.now();
            Map<String, CpuUse.Millis> cpuMillis = cpuAfter.millisSince(cpuBefore);
            double loadGeneratorMillis = cpuAfter.loadGeneratorMillisSince(cpuBefore);
            timeline.close();
            waits.close();
            load.close();
            double cpuWindowSeconds = (System.nanoTime() - cpuWindowStart) / 1e9;
            List<String> dead = services.stream().filter(s -> !s.isAlive()).map(ServiceProcess::name).toList();

            List<Load.Tracked> done = run.letters().stream().filter(t -> t.stored > 0).toList();
            long[] toStored = done.stream().mapToLong(t -> t.stored - t.acked).toArray();
            long[] toAck = run.letters().stream().filter(t -> t.acked > 0).mapToLong(t -> t.acked - t.sent).toArray();
            double[] lat = Load.percentiles(toStored);
            double[] post = Load.percentiles(toAck);
            double seconds = (run.lastStored() - run.firstSent()) / 1e9;
            double ingestSeconds = (run.lastAcked() - run.firstSent()) / 1e9;
            double storedPerSecond = done.size() / seconds;
            double ingestPerSecond = (letters - run.rejected()) / ingestSeconds;
            double ratio = ceiling == null ? Double.NaN : storedPerSecond / ceiling.recordsPerSecond();

            List<String> header = List.of("run", "size", "letters", "offered", "P×I", "ingest 202/s", "stored letters/s", "MB/s",
                    "ceiling rec/s", "ceiling MB/s", "ratio", "202→stored p50 ms", "p99 ms", "max ms", "POST p50 ms", "POST p99 ms",
                    "errors", "load avg");
            List<String> row = List.of(label, fmt(meanBytes / 1024.0, 1) + " KB", Integer.toString(letters),
                    rate > 0 ? fmt(rate, 0) + "/s" : "max (window " + window + ")",
                    partitions + "×" + instances + (concurrency > 1 ? " (" + concurrency + " threads)" : ""),
                    fmt(ingestPerSecond, 1), fmt(storedPerSecond, 1), fmt(storedPerSecond * meanBytes / 1e6, 1),
                    ceiling == null ? "-" : fmt(ceiling.recordsPerSecond(), 0), ceiling == null ? "-" : fmt(ceiling.mbPerSecond(), 1),
                    ceiling == null ? "-" : fmt(100 * ratio, 1) + " %",
                    fmt(lat[0], 0), fmt(lat[2], 0), fmt(lat[3], 0), fmt(post[0], 0), fmt(post[2], 0),
                    (run.rejected() + (letters - run.rejected() - done.size())) + (load.retried.get() > 0 ? " (" + load.retried.get() + " 503s retried)" : "")
                            + (dead.isEmpty() ? "" : " (dead: " + dead + ")"),
                    fmt(loadAverage, 1));
            String table = Results.table(header, List.of(row));
            StringBuilder report = new StringBuilder("# End to end\n\n").append(machine).append("\n\n")
                    .append("Service JVM options: `").append(javaOpts).append("`; ").append(instances).append(" instance(s) of each service; ")
                    .append(partitions).append(" partition(s) per topic. Warm-up: ").append(warmedUp)
                    .append(" letters: at full speed until the stack's JIT compilers used less than ").append(fmt(100 * JIT_QUIET, 0))
                    .append(" % of its JVMs' CPU (at most ").append(warmupMax).append(")")
                    .append(rateWarmedSeconds > 0 ? ", then " + fmt(rateWarmedSeconds, 0) + " s at the measured rate until they did again (at most "
                            + fmt(rateWarmupSeconds, 0) + " s)" : "")
                    .append(".\n\n").append(table).append('\n');
            if (ceiling != null) {
                report.append("Ceiling: `ProducerPerformance --num-records ").append(ceiling.records()).append(" --record-size ")
                        .append(ceiling.recordSize()).append(" --throughput -1 --producer-props ").append(ceiling.producerProps())
                        .append("`\n→ ").append(ceiling.line()).append("\n\n")
                        .append("The ceiling's CPU per record: broker ").append(fmt(ceiling.brokerCpuMsPerRecord(), 3))
                        .append(" ms, producer ").append(fmt(ceiling.producerCpuMsPerRecord(), 3))
                        .append(" ms (its JVM's start included); ").append(fmt(ceiling.coresBusy(), 2))
                        .append(" cores busy. Per stored letter the pipeline used ").append(fmt(stackMillisPerLetter(cpuMillis, done.size()), 1))
                        .append(" ms of CPU (all parts but \"other\"): ")
                        .append(fmt(stackMillisPerLetter(cpuMillis, done.size()) / ceiling.cpuMsPerRecord(), 1))
                        .append(" times the ceiling's per record.\n\n");
            }
            report.append(cpuTable(cpuMillis, done.size(), cpuWindowSeconds));
            report.append("Of the broker + load generator's JVM, the load generator's own threads (posting, pacing, the watcher, the "
                    + "GETs and the wait-event sampler) used ").append(fmt(loadGeneratorMillis / Math.max(1, done.size()), 2))
                    .append(" ms per stored letter; the rest is the broker's, JIT and GC aside.\n\n");
            report.append(statements.top(12, done.size()));
            report.append(waits.top(12));
            report.append("Latency: from the 202 to the first GET /api/letters/{id} answering STORED (the watcher polls PostgreSQL every ")
                    .append(pollMs).append(" ms, or ten times its last query's time when that is longer, at most 50 ms; ")
                    .append(run.pollQueries()).append(" queries). Throughput: letters / (last stored − first sent).\n");
            if (run.firstError() != null) {
                report.append("\nFirst error: ").append(run.firstError()).append('\n');
            }
            if (run.timedOut()) {
                report.append("\nTIMED OUT after ").append(timeout.toSeconds()).append(" s: ").append(done.size()).append(" of ")
                        .append(letters).append(" stored.\n");
            }
            System.out.println();
            System.out.println(report);
            Results.write("end-to-end-" + stamp + ".md", report.toString());
            Results.write("end-to-end-latest.md", report.toString());
            if (!Files.exists(summaryFile)) {
                Results.append(summaryFile, "# End-to-end runs\n\n" + machine + "\n\nService JVM options: `" + javaOpts + "`\n\n"
                        + Results.table(header, List.of()));
            }
            Results.append(summaryFile, Results.table(header, List.of(row)).lines().skip(2).findFirst().orElse("") + "\n");
        } finally {
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).stop();
            }
            keepRecordingsAndDelete(work, logs);
        }
        System.exit(0);
    }

    /**
     * Warms the stack up, {@code chunk} letters at a time at {@code rate} letters/s (0: full speed), until the JIT
     * compilers of the stack's JVMs (the services, and the broker with the load generator) used less than
     * {@link #JIT_QUIET} of those JVMs' CPU during a chunk, or {@code max} letters were sent. Without this a run of a
     * freshly started stack mostly measures C2 compiling the extractor: that takes about 30 CPU-seconds, paid once per
     * start, which a backfill of many letters does not notice and a 30-second measurement does. A fixed rate needs its
     * own round: letters one at a time take other paths than batches (the broker compiled 100 methods per 10 s for
     * minutes after switching from full speed to 50/s).
     *
     * @return the letters sent
     */
    private static int warmUntilCompiled(Corpus corpus, String size, String runId, double rate, int chunk, int max, int window,
                                         int pollMs, Duration timeout, java.util.function.Supplier<Load> loads, Path logs) throws Exception {
        String mode = rate > 0 ? "at " + fmt(rate, 0) + "/s" : "at full speed";
        int sent = 0;
        for (int round = 1; sent < max; round++) {
            int sentBefore = sent;
            List<byte[]> bodies = uniqueBodies(corpus.letters(size, Math.min(chunk, max - sent), 1000 + round), runId,
                    i -> -(sentBefore + i + 1));
            CpuUse before = CpuUse.now();
            Map<String, CpuUse.Millis> used;
            try (Load load = loads.get()) {
                requireStored("warm-up", load.run(bodies, rate, window, pollMs, timeout), logs);
                used = CpuUse.now().millisSince(before);
            }
            sent += bodies.size();
            CpuUse.Millis jvms = CpuUse.JVMS.stream().map(used::get).reduce(new CpuUse.Millis(0, 0, 0), CpuUse.Millis::plus);
            double jitShare = jvms.jit() / Math.max(1, jvms.total());
            System.err.printf("warm-up %s: %d letters, the JIT compilers used %.0f %% of the stack's JVMs' CPU in the last %d%n",
                    mode, sent, 100 * jitShare, bodies.size());
            if (jitShare < JIT_QUIET) {
                break;
            }
        }
        return sent;
    }

    private static final double RATE_WARMUP_ROUND_S = 15;

    private static final double JIT_QUIET = 0.05;

    private static void requireStored(String phase, Load.Outcome outcome, Path logs) {
        if (outcome.timedOut() || outcome.rejected() > 0 || outcome.letters().stream().anyMatch(t -> t.stored == 0)) {
            throw new IllegalStateException(phase + " failed: " + outcome.rejected() + " rejected, timed out " + outcome.timedOut()
                    + ", first error " + outcome.firstError() + "; see " + logs);
        }
    }

    /**
     * Where the CPU went during the load phase: per part of the stack, CPU seconds, milliseconds per stored letter and
     * the share of the machine's cores; the sum says what one letter costs the whole stack.
     */
    /** CPU milliseconds per stored letter of the stack: every part but what else ran on the machine. */
    private static double stackMillisPerLetter(Map<String, CpuUse.Millis> cpuMillis, int stored) {
        double total = 0;
        for (Map.Entry<String, CpuUse.Millis> part : cpuMillis.entrySet()) {
            if (!part.getKey().equals("other")) {
                total += part.getValue().total();
            }
        }
        return total / Math.max(1, stored);
    }

    private static String cpuTable(Map<String, CpuUse.Millis> cpuMillis, int stored, double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        List<List<String>> rows = new ArrayList<>();
        CpuUse.Millis total = new CpuUse.Millis(0, 0, 0);
        for (Map.Entry<String, CpuUse.Millis> part : cpuMillis.entrySet()) {
            total = total.plus(part.getValue());
            rows.add(cpuRow(part.getKey(), part.getValue(), stored, seconds, cores));
        }
        rows.add(cpuRow("**all**", total, stored, seconds, cores));
        return "CPU during the load phase (" + fmt(seconds, 1) + " s, " + cores + " cores; from /proc per process, JIT and GC from the "
                + "JVMs' thread names):\n\n" + Results.table(List.of("part", "CPU s", "CPU ms per stored letter", "of which JIT ms",
                        "of which GC ms", "share of the cores"), rows) + "\n";
    }

    private static List<String> cpuRow(String part, CpuUse.Millis millis, int stored, double seconds, int cores) {
        double perLetter = 1.0 / Math.max(1, stored);
        return List.of(part, fmt(millis.total() / 1e3, 1), fmt(millis.total() * perLetter, 2), fmt(millis.jit() * perLetter, 2),
                fmt(millis.gc() * perLetter, 2), fmt(100 * millis.total() / 1e3 / (seconds * cores), 0) + " %");
    }

    /** The texts as request bodies, each made unique by a Kenmerk line with the run id and {@code sequence(i)}. */
    private static List<byte[]> uniqueBodies(List<String> texts, String runId, java.util.function.IntUnaryOperator sequence) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            bodies.add(Corpus.unique(texts.get(i), runId, sequence.applyAsInt(i)).getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /** Per letter of the load phase: when it was sent (ms after the first), POST→202 and 202→stored (ms, -1: never). */
    private static void writeLatencies(Path file, Load.Outcome run) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("sequence,sent_ms,post_ms,stored_ms\n");
        for (Load.Tracked t : run.letters()) {
            csv.append(t.sequence).append(',').append((t.sent - run.firstSent()) / 1_000_000).append(',')
                    .append(t.acked > 0 ? (t.acked - t.sent) / 1_000_000 : -1).append(',')
                    .append(t.acked > 0 && t.stored > 0 ? (t.stored - t.acked) / 1_000_000 : -1).append('\n');
        }
        Files.writeString(file, csv);
    }

    /**
     * Flight recordings a service wrote into its working directory (KAMERSTROOM_SERVICE_JAVA_OPTS with
     * {@code -XX:StartFlightRecording=filename=service.jfr,...}) go to the log directory; the rest of the stack's data
     * (broker logs, database) is deleted.
     */
    private static void keepRecordingsAndDelete(Path work, Path logs) {
        try (var dirs = Files.list(work)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                try (var files = Files.list(dir)) {
                    for (Path jfr : files.filter(f -> f.toString().endsWith(".jfr")).toList()) {
                        Files.copy(jfr, logs.resolve(dir.getFileName() + ".jfr"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("cannot keep recordings: " + e);
        }
        try (var paths = Files.walk(work)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("cannot delete " + work + ": " + e);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("not an option: " + a);
            }
            if (a.equals("--no-ceiling")) {
                o.put("no-ceiling", "true");
            } else if (i + 1 < args.length) {
                o.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return o;
    }

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
