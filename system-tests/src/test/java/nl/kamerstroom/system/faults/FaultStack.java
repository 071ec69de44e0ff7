package nl.kamerstroom.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import nl.kamerstroom.local.ApicurioRegistry;
import nl.kamerstroom.local.KafkaBroker;
import nl.kamerstroom.local.Ports;
import nl.kamerstroom.local.Postgres;
import nl.kamerstroom.local.RepoRoot;
import nl.kamerstroom.local.ServiceProcess;
import nl.kamerstroom.local.ServiceProcess.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault tests' own pipeline: a Kafka broker, Apicurio Registry and PostgreSQL of their own (the same embedded
 * classes as every other test, but not {@code SharedTestInfrastructure}, since these tests stop them), and the three
 * services as processes. One per JVM, shared by the fault test classes, each of which leaves it healthy; it is torn down
 * when the JVM exits. The broker aborts timed-out transactions every second instead of every ten, so a crashed
 * extract-service's open transaction is cleaned up quickly.
 */
final class FaultStack {

    private static final Logger log = LoggerFactory.getLogger(FaultStack.class);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static FaultStack instance;

    final Path workDir;
    final Path logDir;
    final String apiKey = "fault-test-" + UUID.randomUUID();
    final String runId = Long.toString(System.currentTimeMillis(), 36);
    final KafkaBroker kafka;
    final ApicurioRegistry registry;
    final Postgres postgres;
    final Ledger ledger = new Ledger();
    final Oracle oracle;
    volatile ServiceProcess ingest;
    volatile ServiceProcess extract;
    volatile ServiceProcess store;
    private int instances;

    private FaultStack(Path workDir) {
        this.workDir = workDir;
        this.logDir = workDir.resolve("logs");
        long started = System.nanoTime();
        CompletableFuture<ApicurioRegistry> registryStart = CompletableFuture.supplyAsync(
                () -> ApicurioRegistry.start(0, workDir.resolve("registry")));
        CompletableFuture<Postgres> postgresStart = CompletableFuture.supplyAsync(
                () -> Postgres.start(0, workDir.resolve("postgres")));
        this.kafka = KafkaBroker.start(0, workDir.resolve("kafka"),
                Map.of("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000"));
        this.registry = registryStart.join();
        this.postgres = postgresStart.join();
        this.oracle = new Oracle(this);
        this.ingest = startService(Service.INGEST, Map.of());
        this.extract = startService(Service.EXTRACT, Map.of());
        this.store = startService(Service.STORE, Map.of());
        ingest.awaitReady(READY_TIMEOUT);
        extract.awaitReady(READY_TIMEOUT);
        store.awaitReady(READY_TIMEOUT);
        log.info("Fault stack up after {} s in {}", Duration.ofNanos(System.nanoTime() - started).toSeconds(), workDir);
    }

    /** The JVM's fault stack, started on first use (infrastructure and three services: about a minute on two cores). */
    static synchronized FaultStack get() {
        if (instance == null) {
            try {
                Path dir = Path.of("target", "faults", "run-" + System.currentTimeMillis()).toAbsolutePath();
                Files.createDirectories(dir);
                instance = new FaultStack(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /**
     * Stops the stack, services first; the next {@link #get()} starts a new one. Called after the last fault test so the
     * test classes that follow in the JVM do not share the machine with an idle stack.
     */
    static synchronized void shutdown() {
        if (instance == null) {
            return;
        }
        FaultStack stack = instance;
        instance = null;
        for (ServiceProcess service : List.of(stack.ingest, stack.extract, stack.store)) {
            service.stop();
        }
        stack.registry.close();
        stack.kafka.close();
        stack.postgres.close();
    }

    /** What the services read: the infrastructure's addresses. */
    Map<String, String> infrastructureEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", registry.confluentApiUrl());
        env.put("DB_URL", postgres.jdbcUrl());
        env.put("DB_USER", postgres.username());
        env.put("DB_PASSWORD", postgres.password());
        return env;
    }

    /** A new instance of {@code service} on a free port, with its own log file; does not wait for it. */
    synchronized ServiceProcess startService(Service service, Map<String, String> extraEnvironment) {
        Map<String, String> env = new LinkedHashMap<>(infrastructureEnvironment());
        env.put("KAMERSTROOM_API_KEY", apiKey);
        env.putAll(extraEnvironment);
        Path root = RepoRoot.find();
        String name = service.module() + "-" + (++instances);
        return ServiceProcess.start(name, jar(service, root), Ports.freePort(), env, logDir.resolve(name + ".log"), root);
    }

    /**
     * A copy of the service's jar taken at its first start: every instance of the run runs the same build, and a
     * rebuild of the module while the tests run (another build on the same machine) cannot pull classes from under a
     * running service.
     */
    private Path jar(Service service, Path root) {
        Path copy = workDir.resolve("jars").resolve(service.module() + ".jar");
        try {
            if (!Files.exists(copy)) {
                Files.createDirectories(copy.getParent());
                Files.copy(service.jar(root), copy);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the jar of " + service.module(), e);
        }
    }

    /** {@code GET /actuator/health/readiness} of a service: 200 ready, 503 not ready, -1 not answering. */
    static int readiness(ServiceProcess service) {
        try {
            HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code GET /actuator/health/liveness}: whether the process serves HTTP at all. */
    static boolean live(ServiceProcess service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Brings everything back to the state each test starts from: infrastructure running, one ready instance of each
     * service, nothing left to consume. Restarts what an earlier, failed test left stopped.
     */
    void awaitHealthy() {
        kafka.start();
        if (!registry.isRunning()) {
            registry.start();
        }
        postgres.start();
        for (Service service : Service.values()) {
            ServiceProcess current = switch (service) {
                case INGEST -> ingest;
                case EXTRACT -> extract;
                case STORE -> store;
            };
            if (!current.isAlive()) {
                current.start();
            }
            current.awaitReady(READY_TIMEOUT);
        }
        oracle.awaitDrained(Duration.ofSeconds(120));
    }
}
