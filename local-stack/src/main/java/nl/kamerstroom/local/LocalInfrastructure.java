package nl.kamerstroom.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The infrastructure the services need, all on 127.0.0.1: a Kafka broker in this JVM, Apicurio Registry as a
 * child process, and PostgreSQL. The registry (a separate JVM, the slowest to start) and PostgreSQL (a separate
 * process) start in the background while the broker starts in this thread.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);

    private final KafkaBroker kafka;
    private final ApicurioRegistry registry;
    private final Postgres postgres;

    private LocalInfrastructure(KafkaBroker kafka, ApicurioRegistry registry, Postgres postgres) {
        this.kafka = kafka;
        this.registry = registry;
        this.postgres = postgres;
    }

    /** Ports to bind (0 = a free one) and the directory that holds every component's data and logs. */
    public record Settings(int kafkaPort, int registryPort, int postgresPort, Path workDir) {

        /** Free ports, data under {@code workDir}. */
        public static Settings freePorts(Path workDir) {
            return new Settings(0, 0, 0, workDir);
        }
    }

    /** Starts all three on free ports with their data under {@code workDir}. */
    public static LocalInfrastructure start(Path workDir) {
        return start(Settings.freePorts(workDir));
    }

    public static LocalInfrastructure start(Settings settings) {
        long started = System.nanoTime();
        Path work = settings.workDir().toAbsolutePath();
        // chosen together: the three start side by side, and a port chosen alone could be chosen again by the next
        int[] ports = Ports.freeWhereZero(settings.kafkaPort(), 0, settings.registryPort(), settings.postgresPort());
        CompletableFuture<ApicurioRegistry> registry = CompletableFuture.supplyAsync(
                () -> ApicurioRegistry.start(ports[2], work.resolve("registry")));
        CompletableFuture<Postgres> postgres = CompletableFuture.supplyAsync(
                () -> Postgres.start(ports[3], work.resolve("postgres")));
        KafkaBroker kafka = null;
        try {
            kafka = KafkaBroker.start(ports[0], ports[1], work.resolve("kafka"), Map.of());
            LocalInfrastructure infrastructure = new LocalInfrastructure(kafka, registry.join(), postgres.join());
            log.info("Local infrastructure up after {} ms: Kafka {}, registry {}, PostgreSQL {}",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    kafka.bootstrapServers(), infrastructure.registry.confluentApiUrl(), infrastructure.postgres.jdbcUrl());
            return infrastructure;
        } catch (RuntimeException e) {
            closeQuietly(kafka);
            registry.thenAccept(ApicurioRegistry::close);
            postgres.thenAccept(Postgres::close);
            // wait for the background starts to finish and close, so nothing is left half-started
            try {
                CompletableFuture.allOf(registry, postgres).exceptionally(t -> null).join();
            } catch (CompletionException ignored) {
                // reported below
            }
            closeQuietly(registry.getNow(null));
            closeQuietly(postgres.getNow(null));
            throw unwrap(e);
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public ApicurioRegistry registry() {
        return registry;
    }

    public Postgres postgres() {
        return postgres;
    }

    /**
     * The environment variables the services read: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL},
     * {@code DB_URL} (a JDBC URL), {@code DB_USER}, {@code DB_PASSWORD}.
     */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", registry.confluentApiUrl());
        env.put("DB_URL", postgres.jdbcUrl());
        env.put("DB_USER", postgres.username());
        env.put("DB_PASSWORD", postgres.password());
        return env;
    }

    /** Stops all three; the broker last-but-one so the registry and database see no clients mid-way. */
    @Override
    public void close() {
        closeQuietly(registry);
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("cannot stop {}", closeable.getClass().getSimpleName(), e);
        }
    }

    private static RuntimeException unwrap(RuntimeException e) {
        if (e instanceof CompletionException && e.getCause() instanceof RuntimeException cause) {
            return cause;
        }
        return e;
    }
}
