package nl.kamerstroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (zonky's embedded binaries) with a database {@code kamerstroom}, listening on
 * 127.0.0.1. Its port and data directory survive {@link #stop()} and {@link #start()}, and so does its data.
 */
public final class Postgres implements AutoCloseable {

    public static final String DATABASE = "kamerstroom";
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Logger log = LoggerFactory.getLogger(Postgres.class);

    private final int port;
    private final Path dataDir;
    private final Path logFile;
    private EmbeddedPostgres server;
    private ShutdownOrder.Entry atExit;
    private Optional<Process> watchdog = Optional.empty();

    private Postgres(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir.toAbsolutePath();
        this.logFile = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
    }

    /**
     * Starts PostgreSQL on {@code port} (0 = a free one, kept for restarts) with its cluster in {@code dataDir}
     * (created by initdb when empty, reused otherwise), and creates the database {@code kamerstroom} if missing.
     */
    public static Postgres start(int port, Path dataDir) {
        Postgres postgres = new Postgres(Ports.orFree(port), dataDir);
        postgres.start();
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the server's own output goes. */
    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the server again on the same port and data directory. Does nothing while it runs. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        QuietLogging.postgres();
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            killLeftOverServer();
            Ports.requireFree(port, "PostgreSQL");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (TRACK_STATEMENTS) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            EmbeddedPostgres postgres = builder
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            server = postgres;
            atExit = ShutdownOrder.add("PostgreSQL", this::stop);
            // zonky's postmaster is a daemon: should this JVM be killed hard, a fast shutdown (SIGINT) still reaches it
            watchdog = postmasterPid(dataDir).flatMap(pid -> ChildProcess.signalOnExit(pid, "INT"));
            createDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port + " in " + dataDir + " (see " + logFile + ")", e);
        }
        log.info("PostgreSQL listening on {} after {} ms", jdbcUrl(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Stops the server (fast shutdown), keeping its data. Does nothing when it is stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        EmbeddedPostgres running = server;
        server = null;
        atExit.remove();
        watchdog.ifPresent(ChildProcess::disarm);
        watchdog = Optional.empty();
        try {
            running.close();
        } catch (IOException e) {
            log.warn("PostgreSQL did not stop cleanly", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void createDatabase() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + DATABASE + " on " + jdbcUrl(), e);
        }
        if (TRACK_STATEMENTS) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), password());
                 Statement statement = connection.createStatement()) {
                statement.execute("create extension if not exists pg_stat_statements");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create pg_stat_statements on " + jdbcUrl(), e);
            }
        }
    }

    /**
     * With {@code -Dkamerstroom.postgres.track-statements=true} the server loads {@code pg_stat_statements}, so a
     * benchmark can tell where PostgreSQL's time goes.
     */
    private static final boolean TRACK_STATEMENTS = Boolean.getBoolean("kamerstroom.postgres.track-statements");

    /**
     * A JVM that was killed hard may leave its postmaster running on our data directory and port; the data
     * directory is ours, so that server is ours to end (fast shutdown, then SIGKILL after 10 s).
     */
    private void killLeftOverServer() throws IOException {
        stopLeftOver(dataDir);
    }

    /** Ends a postmaster still running on {@code dataDir}, if there is one. */
    static void stopLeftOver(Path dataDir) throws IOException {
        Optional<ProcessHandle> postmaster = postmasterPid(dataDir).flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle p = postmaster.get();
        log.warn("ending PostgreSQL (pid {}) left running on {} by an earlier run", p.pid(), dataDir);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> p).join();
        }
    }

    private static Optional<Long> postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
