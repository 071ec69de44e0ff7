package nl.kamerstroom.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), running in this JVM.
 * It keeps its ports and data directory across {@link #stop()} and {@link #start()}, so a test can restart it
 * mid-stream and clients reconnect to the same address and find their data.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;
    private ShutdownOrder.Entry atExit;

    private KafkaBroker(int port, int controllerPort, Path dataDir, Map<String, String> overrides) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir.toAbsolutePath();
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * Formats {@code dataDir} if it is new and starts the broker.
     *
     * @param port    the PLAINTEXT port on 127.0.0.1, or 0 for a free one (kept for restarts)
     * @param dataDir where the logs and metadata live; an existing, formatted directory is reused
     */
    public static KafkaBroker start(int port, Path dataDir) {
        return start(port, dataDir, Map.of());
    }

    /** As {@link #start(int, Path)}, with extra broker properties that override the defaults. */
    public static KafkaBroker start(int port, Path dataDir, Map<String, String> overrides) {
        int[] ports = Ports.freeWhereZero(port, 0);
        return start(ports[0], ports[1], dataDir, overrides);
    }

    /** As {@link #start(int, Path, Map)}, on ports chosen by the caller (both given, none 0). */
    public static KafkaBroker start(int port, int controllerPort, Path dataDir, Map<String, String> overrides) {
        if (port == 0 || controllerPort == 0 || port == controllerPort) {
            throw new IllegalArgumentException("two different ports needed, got " + port + " and " + controllerPort);
        }
        KafkaBroker broker = new KafkaBroker(port, controllerPort, dataDir, overrides);
        broker.start();
        return broker;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the broker again on the same ports and data directory. Does nothing while it runs. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        QuietLogging.broker();
        long started = System.nanoTime();
        Ports.requireFree(port, "Kafka broker");
        Properties props = properties();
        try {
            Files.createDirectories(dataDir);
            format(props);
            KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            try {
                raftServer.startup();
            } catch (RuntimeException e) {
                shutDown(raftServer);
                throw e;
            }
            server = raftServer;
            atExit = ShutdownOrder.add("Kafka broker", this::stop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker in " + dataDir, e);
        }
        log.info("Kafka broker listening on {} (data in {}) after {} ms", bootstrapServers(), dataDir,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Stops the broker (controlled shutdown), keeping its data. Does nothing when it is stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer running = server;
        server = null;
        atExit.remove();
        long started = System.nanoTime();
        shutDown(running);
        log.info("Kafka broker on {} stopped after {} ms", bootstrapServers(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Override
    public void close() {
        stop();
    }

    private static void shutDown(KafkaRaftServer raftServer) {
        try {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Kafka broker did not shut down cleanly", e);
        }
    }

    private Properties properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("controlled.shutdown.enable", "true");
        p.putAll(overrides);
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }

    /** Formats the log directory once; later starts find meta.properties there and skip this. */
    private void format(Properties props) throws IOException {
        Path logs = dataDir.resolve("logs");
        if (Files.exists(logs.resolve("meta.properties"))) {
            return;
        }
        Path config = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "written by KafkaBroker for kafka-storage format");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[] {
                    "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(), "--ignore-formatted"}, print);
        }
        if (status != 0) {
            throw new IllegalStateException("formatting " + logs + " failed (" + status + "): " + output.toString(StandardCharsets.UTF_8));
        }
    }
}
