package nl.kamerstroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Kamerstroom service (its executable jar) as a child process on 127.0.0.1, with its output in a log file.
 * It never outlives this JVM. Typical use in a system test:
 *
 * <pre>{@code
 * ServiceProcess store = ServiceProcess.start(ServiceProcess.Service.STORE, Ports.freePort(), infra.serviceEnvironment(), apiKey, logDir);
 * store.awaitReady(Duration.ofSeconds(120));
 * ...
 * store.kill();   // a crash; or store.stop() for a graceful shutdown
 * }</pre>
 */
public final class ServiceProcess implements AutoCloseable {

    /** The three services, with the module each is built in and its default port. */
    public enum Service {
        INGEST("ingest-service", 8081, "INGEST_PORT"),
        EXTRACT("extract-service", 8082, "EXTRACT_PORT"),
        STORE("store-service", 8083, "STORE_PORT");

        private final String module;
        private final int defaultPort;
        private final String portVariable;

        Service(String module, int defaultPort, String portVariable) {
            this.module = module;
            this.defaultPort = defaultPort;
            this.portVariable = portVariable;
        }

        public String module() {
            return module;
        }

        public int defaultPort() {
            return defaultPort;
        }

        /** The environment variable that overrides the launcher's port for this service. */
        public String portVariable() {
            return portVariable;
        }

        /** {@code <repo>/<module>/target/<module>-0.1.0-SNAPSHOT-exec.jar}. */
        public Path jar(Path repoRoot) {
            return repoRoot.resolve(module).resolve("target").resolve(module + "-" + PROJECT_VERSION + "-exec.jar");
        }
    }

    public static final String PROJECT_VERSION = "0.1.0-SNAPSHOT";
    /** JVM options every service gets. */
    public static final List<String> JVM_OPTIONS = List.of("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=nl.kamerstroom.avro");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Path workDir;
    private ChildProcess process;

    private ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile, Path workDir) {
        this.name = name;
        this.jar = jar.toAbsolutePath();
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile.toAbsolutePath();
        this.workDir = workDir.toAbsolutePath();
    }

    /**
     * Starts a service of this checkout ({@link RepoRoot#find()}) with the infrastructure environment plus
     * {@code SERVER_PORT} and {@code KAMERSTROOM_API_KEY}, logging to {@code <logDir>/<module>.log}.
     * Does not wait for it: call {@link #awaitReady(Duration)}.
     */
    public static ServiceProcess start(Service service, int port, Map<String, String> infrastructureEnvironment, String apiKey, Path logDir) {
        Map<String, String> env = new LinkedHashMap<>(infrastructureEnvironment);
        env.put("KAMERSTROOM_API_KEY", apiKey);
        Path root = RepoRoot.find();
        return start(service.module(), service.jar(root), port, env, logDir.resolve(service.module() + ".log"), root);
    }

    /**
     * Starts {@code java <JVM_OPTIONS> -jar <jar>} with {@code environment} plus {@code SERVER_PORT=<port>} (and
     * readiness probes switched on), output appended to {@code logFile}, in {@code workDir}. Extra JVM options can be
     * given in the environment variable {@code KAMERSTROOM_SERVICE_JAVA_OPTS}.
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path logFile, Path workDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " does not exist; build it first (./mvnw -q -DskipTests install)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        env.putAll(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        ServiceProcess service = new ServiceProcess(name, jar, port, env, logFile, workDir);
        service.start();
        return service;
    }

    /** Starts the service again (after {@link #stop()} or {@link #kill()}) with the same port and environment. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Ports.requireFree(port, name);
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(JVM_OPTIONS);
        String extra = System.getenv("KAMERSTROOM_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "==== starting " + name + " on port " + port + ": " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + logFile, e);
        }
        process = ChildProcess.start(name, command, environment, workDir, logFile);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>}. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Waits until {@code GET /actuator/health/readiness} (or, where that does not exist, {@code /actuator/health})
     * answers 200. Fails with a message naming the log file, and the log's last lines, when the process exits or
     * {@code timeout} passes first.
     */
    public void awaitReady(Duration timeout) {
        awaitReady(baseUrl(), timeout, this::exitCodeIfDead, name, logFile);
    }

    private Integer exitCodeIfDead() {
        ChildProcess running;
        synchronized (this) {
            running = process;
        }
        return running == null ? Integer.valueOf(-1) : running.isAlive() ? null : running.exitCode();
    }

    /** The readiness wait on its own, for any Spring Boot service at {@code baseUrl}. */
    static void awaitReady(String baseUrl, Duration timeout, java.util.function.Supplier<Integer> exitCodeIfDead, String name, Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String path = "/actuator/health/readiness";
        String last = "no answer";
        while (true) {
            Integer exitCode = exitCodeIfDead.get();
            if (exitCode != null) {
                throw new IllegalStateException(name + " exited" + (exitCode >= 0 ? " with " + exitCode : "") + " before it was ready; see "
                        + logFile + tail(logFile));
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                if (answer.statusCode() == 404 && path.endsWith("/readiness")) {
                    path = "/actuator/health";
                    continue;
                }
                last = "GET " + path + " answered " + answer.statusCode() + " " + abbreviate(answer.body());
            } catch (IOException e) {
                last = "not listening on " + baseUrl + " yet";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s (" + last + "); see "
                        + logFile + tail(logFile));
            }
            ApicurioRegistry.pause(250);
        }
    }

    /** Graceful stop: SIGTERM, then SIGKILL after 20 s. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }

    /** Hard stop: SIGKILL at once, as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public void close() {
        stop();
    }

    static String tail(Path logFile) {
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - 16_384);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            List<String> last = lines.subList(Math.max(0, lines.size() - 25), lines.size());
            return last.isEmpty() ? "" : System.lineSeparator() + "---- last lines of " + logFile.getFileName() + " ----"
                    + System.lineSeparator() + String.join(System.lineSeparator(), last);
        } catch (IOException e) {
            return "";
        }
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
