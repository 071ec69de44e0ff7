package nl.kamerstroom.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apicurio Registry 2.6.13.Final as a child process on 127.0.0.1, serving the Confluent-compatible API at
 * {@link #confluentApiUrl()}. The distribution is unpacked once from the local Maven repository into
 * {@code ~/.cache/kamerstroom}. Its storage is an H2 database file in the work directory, so schemas and their ids
 * survive {@link #stop()} and {@link #start()} as they would in a real registry. The child's output goes to
 * {@code registry.log} in the work directory; the child never outlives this JVM.
 */
public final class ApicurioRegistry implements AutoCloseable {

    public static final String VERSION = "2.6.13.Final";
    private static final String RUNNER = "apicurio-registry-app-" + VERSION + "-runner.jar";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(Long.getLong("kamerstroom.registry.startup-timeout-seconds", 180));
    private static final Logger log = LoggerFactory.getLogger(ApicurioRegistry.class);

    private final int port;
    private final Path workDir;
    private final Path logFile;
    private final boolean persistent;
    private ChildProcess process;

    private ApicurioRegistry(int port, Path workDir, boolean persistent) {
        this.port = port;
        this.workDir = workDir.toAbsolutePath();
        this.logFile = this.workDir.resolve("registry.log");
        this.persistent = persistent;
    }

    /**
     * Starts the registry on {@code port} (0 = a free one, kept for restarts) and waits until it answers.
     * Schemas are kept in {@code workDir} across restarts.
     */
    public static ApicurioRegistry start(int port, Path workDir) {
        return start(port, workDir, true);
    }

    /** As {@link #start(int, Path)}; with {@code persistent = false} the registry keeps schemas in memory only. */
    public static ApicurioRegistry start(int port, Path workDir, boolean persistent) {
        ApicurioRegistry registry = new ApicurioRegistry(Ports.orFree(port), workDir, persistent);
        registry.start();
        return registry;
    }

    /** {@code http://127.0.0.1:<port>/apis/ccompat/v7}: what {@code schema.registry.url} should be. */
    public String confluentApiUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the registry again on the same port and storage, and waits until it answers. Does nothing while it runs. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        Ports.requireFree(port, "Apicurio Registry");
        Path home = distribution();
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                ChildProcess.javaExecutable(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.console.color=false",
                "-Dquarkus.banner.enabled=false",
                "-Dquarkus.datasource.jdbc.initial-size=2",
                "-Dquarkus.datasource.jdbc.min-size=2",
                "-Dquarkus.datasource.jdbc.max-size=20"));
        Map<String, String> environment = persistent
                ? Map.of("REGISTRY_DATASOURCE_URL", "jdbc:h2:file:" + workDir.resolve("registry-db") + ";WRITE_DELAY=0")
                : Map.of();
        command.addAll(List.of("-jar", home.resolve(RUNNER).toString()));
        process = ChildProcess.start("apicurio-registry", command, environment, workDir, logFile);
        try {
            awaitReady();
        } catch (RuntimeException e) {
            process.kill();
            process = null;
            throw e;
        }
        log.info("Apicurio Registry answering at {} after {} ms", confluentApiUrl(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Stops the registry (SIGTERM, then SIGKILL after 10 s). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ChildProcess running = process;
        process = null;
        running.stop(Duration.ofSeconds(10));
    }

    /** Ends the registry at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        ChildProcess running = process;
        process = null;
        running.kill();
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/subjects")).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with " + process.exitCode() + " while starting; see " + logFile);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Apicurio Registry", e);
            }
            pause(200);
        }
        throw new IllegalStateException("Apicurio Registry did not answer " + probe.uri() + " within " + STARTUP_TIMEOUT.toSeconds()
                + " s; see " + logFile);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The unpacked distribution, unpacking it from the local Maven repository the first time. */
    static Path distribution() {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "kamerstroom", "apicurio-registry-" + VERSION);
        if (Files.isRegularFile(cache.resolve(RUNNER))) {
            return cache;
        }
        Path archive = archive();
        long started = System.nanoTime();
        try {
            Files.createDirectories(cache.getParent());
            Path temp = Files.createTempDirectory(cache.getParent(), cache.getFileName() + ".unpacking-");
            try {
                unpack(archive, temp);
                try {
                    Files.move(temp, cache, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                    if (!Files.isRegularFile(cache.resolve(RUNNER))) {
                        throw e;
                    }
                    // another JVM unpacked it first
                }
            } finally {
                deleteRecursively(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive + " into " + cache, e);
        }
        log.info("Unpacked Apicurio Registry {} into {} in {} ms", VERSION, cache, Duration.ofNanos(System.nanoTime() - started).toMillis());
        return cache;
    }

    private static Path archive() {
        String repo = System.getProperty("maven.repo.local");
        Path repository = repo != null && !repo.isBlank()
                ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path archive = repository.resolve(Path.of("io", "apicurio", "apicurio-registry-app", VERSION,
                "apicurio-registry-app-" + VERSION + "-all.tar.gz"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the Apicurio Registry distribution is not in the local Maven repository: " + archive
                    + " is missing. Build the project once (./mvnw install -pl local-stack -am) to download it.");
        }
        return archive;
    }

    private static void unpack(Path archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else if (entry.isFile()) {
                    Files.createDirectories(destination.getParent());
                    Files.copy(tar, destination, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        try {
                            Set<PosixFilePermission> permissions = new java.util.HashSet<>(Files.getPosixFilePermissions(destination));
                            permissions.add(PosixFilePermission.OWNER_EXECUTE);
                            Files.setPosixFilePermissions(destination, permissions);
                        } catch (UnsupportedOperationException e) {
                            // not a POSIX file system
                        }
                    }
                }
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
