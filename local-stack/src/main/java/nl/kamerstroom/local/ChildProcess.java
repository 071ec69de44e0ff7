package nl.kamerstroom.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output goes to a log file and which does not outlive this JVM.
 * <p>
 * On Unix the command runs under a small {@code /bin/sh} guard that holds a pipe from this JVM: when this JVM
 * ends in any way, even {@code kill -9}, the pipe closes and the guard kills the child. The guard passes SIGTERM on
 * to the child, so {@link #stop(Duration)} is a graceful shutdown. When the JVM exits normally, whatever is still
 * running is stopped gracefully (see {@link ShutdownOrder}).
 */
final class ChildProcess {

    private static final String GUARD = """
            exec 3<&0
            "$@" <&- 3<&- &
            child=$!
            trap 'kill -TERM $child 2>/dev/null' TERM INT HUP
            ( cat <&3 >/dev/null 2>&1; kill -KILL $child 2>/dev/null ) &
            exec 3<&-
            watcher=$!
            rc=0
            while kill -0 $child 2>/dev/null; do wait $child; rc=$?; done
            kill $watcher 2>/dev/null
            exit $rc
            """;

    private final String name;
    private final Process process;
    private final Path logFile;
    private ShutdownOrder.Entry atExit;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command} in {@code workDir} with {@code environment} added to this JVM's environment,
     * appending its stdout and stderr to {@code logFile}.
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir, Path logFile) {
        List<String> full = new ArrayList<>();
        boolean guarded = Files.isExecutable(Path.of("/bin/sh"));
        if (guarded) {
            // its own session: a Ctrl-C in the terminal reaches this JVM, whose shutdown hook stops children in order
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                full.add("/usr/bin/setsid");
            }
            full.addAll(List.of("/bin/sh", "-c", GUARD, "kamerstroom-guard"));
        }
        full.addAll(command);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true);
            if (!guarded) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
            }
            builder.environment().putAll(environment);
            ChildProcess child = new ChildProcess(name, builder.start(), logFile);
            child.atExit = ShutdownOrder.add(name, () -> child.stop(Duration.ofSeconds(10)));
            child.process.onExit().thenRun(() -> {
                child.atExit.remove();
                child.closeStdin();
            });
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code, or -1 while running. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, then SIGKILL after {@code grace}. Returns when the process and its children are gone. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        // not process.destroy(): that also closes our end of the guard's pipe, and the guard takes that for our death
        process.toHandle().destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        closeStdin();
    }

    /** SIGKILL to the child and the guard, at once. Returns when they are gone. */
    void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle descendant : descendants) {
                descendant.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // gone or not, nothing more to do
        }
        closeStdin();
    }

    void closeStdin() {
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /**
     * A dead man's switch for a process this JVM did not start itself (PostgreSQL's postmaster, started through
     * pg_ctl): a small guard that sends {@code signal} to {@code pid} when this JVM ends in any way. Returns the
     * guard; {@link #disarm(Process)} it once the process has been stopped the ordinary way. Empty where there is no
     * {@code /bin/sh}.
     */
    static java.util.Optional<Process> signalOnExit(long pid, String signal) {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return java.util.Optional.empty();
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of("/bin/sh", "-c", "cat >/dev/null 2>&1; kill -" + signal + " \"$1\" 2>/dev/null",
                "kamerstroom-watchdog", Long.toString(pid)));
        try {
            return java.util.Optional.of(new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Ends a guard from {@link #signalOnExit} without it sending its signal. */
    static void disarm(Process guard) {
        guard.toHandle().destroyForcibly();
        try {
            guard.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            guard.getOutputStream().close();
        } catch (IOException e) {
            // closed already
        }
    }

    /** The path of the java launcher of this JVM. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
