package nl.kamerstroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time used by each part of the stack between two samples, from the operating system's per-process accounting
 * ({@code ProcessHandle.Info.totalCpuDuration}, i.e. {@code /proc/<pid>/stat} on Linux). Processes are told apart by
 * their command line: the three services by the jar they run, the registry by Apicurio's runner jar, PostgreSQL by its binary
 * (the postmaster and every backend), this JVM (the embedded broker plus the load generator), and everything else on
 * the machine as "other" — so a neighbour's build shows up instead of silently slowing the run down. A PostgreSQL
 * process that exits between the samples (an autovacuum worker, a closed connection) is counted through the
 * postmaster, which is told the time of its ended children; any other process that exits loses its time.
 * <p>
 * For the JVMs it also tells how much of their time went to the JIT compiler and the garbage collector, from the
 * names of their threads in {@code /proc/<pid>/task} (Linux only; elsewhere those columns stay 0): a short run of a
 * freshly started stack mostly measures C2 compiling the extractor, which a backfill of many letters pays once.
 */
final class CpuUse {

    static final List<String> PARTS = List.of("ingest", "extract", "store", "broker + load generator", "registry", "postgresql",
            "postgresql for the load generator", "other");

    static final List<String> SERVICES = List.of("ingest", "extract", "store");

    /** The parts that are JVMs of the stack: the services, and the broker (which shares its JVM with the load generator). */
    static final List<String> JVMS = List.of("ingest", "extract", "store", "broker + load generator");

    private final Map<Long, Sample> processes;

    /**
     * CPU time of one process, and of its JIT compiler and garbage collector threads; for this JVM also of the load
     * generator's own threads (the rest of its time is the broker's, JIT and GC aside).
     */
    private record Sample(String part, long cpuNanos, long jitNanos, long gcNanos, long loadGeneratorNanos) {
    }

    /** CPU milliseconds of one part between two samples. */
    record Millis(double total, double jit, double gc) {

        Millis plus(Millis other) {
            return new Millis(total + other.total, jit + other.jit, gc + other.gc);
        }
    }

    private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ, 100 on every Linux we run on

    private CpuUse(Map<Long, Sample> processes) {
        this.processes = processes;
    }

    static CpuUse now() {
        long self = ProcessHandle.current().pid();
        Map<Long, Sample> processes = new TreeMap<>();
        ProcessHandle.allProcesses().forEach(p -> {
            ProcessHandle.Info info = p.info();
            long cpu = info.totalCpuDuration().map(Duration::toNanos).orElse(0L);
            String part = p.pid() == self ? "broker + load generator"
                    : Load.WATCHER_BACKENDS.contains(p.pid()) ? "postgresql for the load generator" : partOf(info);
            if (part.equals("postgresql") && p.parent().map(parent -> !partOf(parent.info()).equals("postgresql")).orElse(true)) {
                // the postmaster: with the time of its children that ended (autovacuum workers, closed connections)
                cpu += endedChildrenNanos(p.pid());
            }
            long[] byThread = part.equals("other") || part.startsWith("postgresql") ? new long[3] : nanosByThreadKind(p.pid());
            processes.put(p.pid(), new Sample(part, cpu, byThread[0], byThread[1], byThread[2]));
        });
        return new CpuUse(processes);
    }

    private static String partOf(ProcessHandle.Info info) {
        String jar = jarOf(info);
        for (String service : SERVICES) {
            if (jar.startsWith(service + "-service")) {
                return service;
            }
        }
        if (jar.startsWith("apicurio-registry")) {
            return "registry";
        }
        return info.command().orElse("").endsWith("/postgres") ? "postgresql" : "other";
    }

    /** The file name of the jar a JVM runs ({@code java ... -jar <jar>}), or "". */
    private static String jarOf(ProcessHandle.Info info) {
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-jar")) {
                return Path.of(arguments[i + 1]).getFileName().toString();
            }
        }
        return "";
    }

    /**
     * The CPU time of a JVM's JIT compiler threads, of its garbage collector threads, and of the load generator's
     * threads ({@link Load}'s "load-" threads, its HttpClient's selector, the main thread that paces the letters and
     * the wait-event sampler).
     */
    private static long[] nanosByThreadKind(long pid) {
        long[] byKind = new long[3];
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    int kind = name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") ? 0
                            : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") ? 1
                            : name.startsWith("load-") || name.startsWith("HttpClient-") || name.equals("pg-wait-events")
                            || name.equals("main") ? 2 : -1;
                    if (kind >= 0) {
                        String stat = Files.readString(task.resolve("stat"));
                        // the fields after the ")" that closes the thread's name: state is field 3, utime 14, stime 15
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        byKind[kind] += (long) ((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK);
                    }
                } catch (IOException | RuntimeException threadEnded) {
                    // a thread that ended while we looked: its time is lost, as a process's would be
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no /proc: the split stays 0
        }
        return byKind;
    }

    /** CPU time of this JVM so far. */
    static long ownNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The CPU time of the children a process has waited for ({@code cutime} and {@code cstime} in {@code /proc/<pid>/stat}); 0 off Linux. */
    static long endedChildrenNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (long) ((Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * NANOS_PER_TICK);
        } catch (IOException | RuntimeException notLinux) {
            return 0;
        }
    }

    /**
     * CPU milliseconds per part since {@code earlier}, in the order of {@link #PARTS}. A PostgreSQL process that ended
     * in between (an autovacuum worker, a closed connection) is counted by the postmaster, whose sample includes the
     * whole time of its ended children; what such a process had used before {@code earlier} is taken off again.
     */
    Map<String, Millis> millisSince(CpuUse earlier) {
        Map<String, Millis> byPart = new LinkedHashMap<>();
        PARTS.forEach(part -> byPart.put(part, new Millis(0, 0, 0)));
        earlier.processes.forEach((pid, before) -> {
            if (!processes.containsKey(pid) && before.part.startsWith("postgresql")) {
                byPart.merge("postgresql", new Millis(-before.cpuNanos / 1e6, 0, 0), Millis::plus);
            }
        });
        processes.forEach((pid, sample) -> {
            Sample before = earlier.processes.getOrDefault(pid, new Sample(sample.part, 0, 0, 0, 0));
            byPart.merge(sample.part, new Millis((sample.cpuNanos - before.cpuNanos) / 1e6, (sample.jitNanos - before.jitNanos) / 1e6,
                    (sample.gcNanos - before.gcNanos) / 1e6), Millis::plus);
        });
        return byPart;
    }

    /** CPU milliseconds of the load generator's own threads in this JVM since {@code earlier}. */
    double loadGeneratorMillisSince(CpuUse earlier) {
        long self = ProcessHandle.current().pid();
        Sample now = processes.get(self);
        Sample before = earlier.processes.get(self);
        return now == null || before == null ? 0 : (now.loadGeneratorNanos - before.loadGeneratorNanos) / 1e6;
    }
}
