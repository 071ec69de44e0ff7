package nl.kamerstroom.local;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The launcher behind {@code ./run-local.sh}: starts the infrastructure on fixed ports and the three services as
 * child processes, then either ingests {@code samples/} and serves until Ctrl-C, or ({@code --once FILE...})
 * pushes the given files through the pipeline, prints one JSON line per file on stdout and stops.
 * Everything but those JSON lines goes to stderr.
 */
public final class LocalStackMain {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STORE_TIMEOUT = Duration.ofSeconds(120);

    private final PrintStream out;
    private final PrintStream err;
    private final LaunchOptions options;
    private final Path root;
    private final Path runDir;
    private LocalInfrastructure infrastructure;
    private final List<ServiceProcess> services = new ArrayList<>();

    private LocalStackMain(PrintStream out, PrintStream err, LaunchOptions options, Path root) {
        this.out = out;
        this.err = err;
        this.options = options;
        this.root = root;
        this.runDir = root.resolve(".local-run");
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "kamerstroom-local-logback.xml");
        }
        // stdout carries results only: whatever a library prints goes to stderr
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = System.err;
        System.setOut(err);
        int status;
        try {
            LaunchOptions options = LaunchOptions.parse(args, System.getenv());
            if (options.help()) {
                out.print(LaunchOptions.USAGE);
                out.flush();
                System.exit(0);
            }
            status = new LocalStackMain(out, err, options, RepoRoot.find()).run();
        } catch (LaunchOptions.UsageException e) {
            err.println("run-local: " + e.getMessage());
            err.println();
            err.print(LaunchOptions.USAGE);
            status = 2;
        } catch (RuntimeException e) {
            err.println("run-local: " + e.getMessage());
            status = 1;
        }
        out.flush();
        err.flush();
        System.exit(status);
    }

    private int run() {
        if (options.once() && options.files().stream().map(Path::of).noneMatch(Files::isReadable)) {
            for (String file : options.files()) {
                printJson(PipelineClient.error(file, "cannot read " + file));
                err.println("run-local: cannot read " + file);
            }
            return 1;
        }
        ShutdownOrder.Entry atExit = null;
        try {
            requireServiceJars();
            requireFreePorts();
            prepareRunDir();
            String apiKey = options.apiKey() != null ? options.apiKey() : HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            if (options.apiKey() == null) {
                err.println("API key for this run (set KAMERSTROOM_API_KEY to choose one): " + apiKey);
            }
            startEverything(apiKey);
            // after the components' own entries, so that at Ctrl-C this runs first: services, then infrastructure
            atExit = ShutdownOrder.add("local stack", () -> {
                err.println();
                err.println("Shutting down ...");
                shutDown();
            });
            PipelineClient client = new PipelineClient(baseUrl(ServiceProcess.Service.INGEST), baseUrl(ServiceProcess.Service.STORE), apiKey);
            if (options.once()) {
                int status = once(client);
                shutDown();
                return status;
            }
            serve(client, apiKey);
            return 0;
        } catch (RuntimeException e) {
            err.println("run-local: " + e.getMessage());
            if (options.once()) {
                for (String file : options.files()) {
                    printJson(PipelineClient.error(file, "the local stack did not start: " + firstLine(e.getMessage())));
                }
            }
            shutDown();
            return 1;
        } finally {
            if (atExit != null) {
                atExit.remove();
            }
        }
    }

    private void requireServiceJars() {
        for (ServiceProcess.Service service : ServiceProcess.Service.values()) {
            Path jar = service.jar(root);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(root.relativize(jar) + " is missing: build the services first"
                        + " (./run-local.sh builds them; or ./mvnw -q -DskipTests install)");
            }
        }
    }

    private void startEverything(String apiKey) {
        long started = System.nanoTime();
        LaunchOptions.PortSet ports = options.ports();
        infrastructure = LocalInfrastructure.start(
                new LocalInfrastructure.Settings(ports.kafka(), ports.registry(), ports.postgres(), runDir));
        long infraMillis = millisSince(started);
        err.printf("Infrastructure up in %.1f s: Kafka %s, registry %s, PostgreSQL %s%n", infraMillis / 1000.0,
                infrastructure.kafka().bootstrapServers(), infrastructure.registry().confluentApiUrl(), infrastructure.postgres().jdbcUrl());

        long servicesStarted = System.nanoTime();
        Path logDir = runDir.resolve("logs");
        for (ServiceProcess.Service service : ServiceProcess.Service.values()) {
            Map<String, String> env = new LinkedHashMap<>(infrastructure.serviceEnvironment());
            env.put("KAMERSTROOM_API_KEY", apiKey);
            synchronized (services) {
                services.add(ServiceProcess.start(service.module(), service.jar(root), options.port(service), env,
                        logDir.resolve(service.module() + ".log"), root));
            }
        }
        err.println("Starting ingest-service, extract-service and store-service (logs in " + root.relativize(logDir) + "/) ...");
        List<CompletableFuture<Void>> ready = services.stream()
                .map(service -> CompletableFuture.runAsync(() -> {
                    long t = System.nanoTime();
                    service.awaitReady(READY_TIMEOUT);
                    err.printf("  %s ready on port %d after %.1f s%n", service.name(), service.port(), millisSince(t) / 1000.0);
                }))
                .toList();
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(cause.getMessage(), cause);
        }
        err.printf("Everything up in %.1f s (services %.1f s)%n", millisSince(started) / 1000.0, millisSince(servicesStarted) / 1000.0);
    }

    /** {@code --once}: every file through the pipeline, one JSON line each, in the order given. */
    private int once(PipelineClient client) {
        List<String> files = options.files();
        int total = files.size();
        String[] letterIds = new String[total];
        ObjectNode[] results = new ObjectNode[total];
        for (int i = 0; i < total; i++) {
            String file = files.get(i);
            try {
                letterIds[i] = client.ingest(Path.of(file));
            } catch (RuntimeException e) {
                results[i] = PipelineClient.error(file, e.getMessage());
            }
            if (total > 1) {
                err.printf("[%d/%d] uploaded %s%s%n", i + 1, total, file, letterIds[i] != null ? " as " + letterIds[i] : ": " + results[i].get("error").asText());
            }
        }
        int failed = 0;
        for (int i = 0; i < total; i++) {
            String file = files.get(i);
            if (results[i] == null) {
                try {
                    ObjectNode answer = client.awaitFinal(letterIds[i], STORE_TIMEOUT);
                    results[i] = PipelineClient.merge(file, answer);
                    if (!"STORED".equals(answer.path("status").asText())) {
                        results[i].put("error", "letter " + letterIds[i] + " FAILED: " + PipelineClient.failureReason(answer));
                    }
                } catch (RuntimeException e) {
                    results[i] = PipelineClient.error(file, e.getMessage());
                }
            }
            boolean ok = !results[i].has("error");
            if (!ok) {
                failed++;
                err.println("run-local: " + file + ": " + results[i].get("error").asText());
            }
            err.printf("[%d/%d] %s %s%n", i + 1, total, file, ok ? results[i].path("status").asText("STORED") : "FAILED");
            printJson(results[i]);
        }
        err.printf("%d of %d file(s) stored%s%n", total - failed, total, failed > 0 ? ", " + failed + " failed" : "");
        return failed == 0 ? 0 : 1;
    }

    /** Default mode: ingest samples/, say where to look, and wait for Ctrl-C. */
    private void serve(PipelineClient client, String apiKey) {
        List<Path> samples = samples();
        List<String> letterIds = new ArrayList<>();
        List<Path> uploaded = new ArrayList<>();
        for (Path sample : samples) {
            try {
                letterIds.add(client.ingest(sample));
                uploaded.add(sample);
            } catch (RuntimeException e) {
                err.println("run-local: " + root.relativize(sample) + " not ingested: " + e.getMessage());
            }
        }
        if (samples.isEmpty()) {
            err.println("No samples to ingest (put .txt .md .html .htm .xml .pdf files in " + root.resolve("samples") + ").");
        } else {
            err.printf("Ingested %d of %d sample(s) from samples/%n", letterIds.size(), samples.size());
            CompletableFuture.runAsync(() -> followSamples(client, uploaded, letterIds));
        }
        out.println();
        out.println("Kamerstroom runs locally:");
        out.println("  ingest-service   " + baseUrl(ServiceProcess.Service.INGEST)
                + "   POST /api/letters?fileName=<name> (raw bytes, header X-Api-Key)");
        out.println("  extract-service  " + baseUrl(ServiceProcess.Service.EXTRACT));
        out.println("  store-service    " + baseUrl(ServiceProcess.Service.STORE) + "   GET /api/letters/{letterId}");
        out.println("  store page       " + baseUrl(ServiceProcess.Service.STORE) + "/");
        out.println("  API key          " + apiKey);
        out.println("  Kafka            " + infrastructure.kafka().bootstrapServers());
        out.println("  schema registry  " + infrastructure.registry().confluentApiUrl());
        out.println("  PostgreSQL       " + infrastructure.postgres().jdbcUrl() + " (user " + infrastructure.postgres().username()
                + ", password " + infrastructure.postgres().password() + ")");
        out.println("  logs             " + runDir.resolve("logs") + "/");
        out.println("  try              curl -H 'X-Api-Key: " + apiKey + "' -H 'Content-Type: text/plain; charset=UTF-8' --data-binary @brief.txt '"
                + baseUrl(ServiceProcess.Service.INGEST) + "/api/letters?fileName=brief.txt'");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        try {
            forever.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void followSamples(PipelineClient client, List<Path> samples, List<String> letterIds) {
        int done = 0;
        for (int i = 0; i < letterIds.size(); i++) {
            String name = root.relativize(samples.get(i)).toString();
            try {
                ObjectNode letter = client.awaitFinal(letterIds.get(i), STORE_TIMEOUT);
                done++;
                String status = letter.path("status").asText();
                err.printf("[%d/%d] %s %s%s%n", done, letterIds.size(), name, status,
                        "FAILED".equals(status) ? ": " + PipelineClient.failureReason(letter) : "");
            } catch (RuntimeException e) {
                err.printf("[-/%d] %s: %s%n", letterIds.size(), name, e.getMessage());
            }
        }
    }

    private List<Path> samples() {
        Path dir = root.resolve("samples");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> ContentTypes.isIngestible(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            err.println("run-local: cannot list " + dir + ": " + e.getMessage());
            return List.of();
        }
    }

    /** Stops the services (in parallel, gracefully), then the infrastructure. Safe to call twice. */
    private void shutDown() {
        List<ServiceProcess> running;
        synchronized (services) {
            running = List.copyOf(services);
            services.clear();
        }
        if (!running.isEmpty()) {
            err.println("Stopping services ...");
            running.stream().map(s -> CompletableFuture.runAsync(s::stop)).toList().forEach(CompletableFuture::join);
        }
        LocalInfrastructure infra = infrastructure;
        infrastructure = null;
        if (infra != null) {
            err.println("Stopping infrastructure ...");
            infra.close();
        }
    }

    private void requireFreePorts() {
        LaunchOptions.PortSet ports = options.ports();
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("Kafka (KAFKA_PORT)", ports.kafka());
        wanted.put("schema registry (REGISTRY_PORT)", ports.registry());
        wanted.put("PostgreSQL (PG_PORT)", ports.postgres());
        for (ServiceProcess.Service service : ServiceProcess.Service.values()) {
            wanted.put(service.module() + " (" + service.portVariable() + ")", options.port(service));
        }
        List<String> problems = new ArrayList<>();
        Map<Integer, String> seen = new LinkedHashMap<>();
        wanted.forEach((what, port) -> {
            String other = seen.putIfAbsent(port, what);
            if (other != null) {
                problems.add(what + " and " + other + " both want port " + port);
            } else if (!Ports.isFree(port)) {
                problems.add(what + " wants port " + port + ", which is in use");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems)
                    + ". Is another run still going? Stop it, or choose other ports with the variables named.");
        }
    }

    private void prepareRunDir() {
        try {
            // a run killed hard may have left its database server behind (everything else dies with its JVM)
            Postgres.stopLeftOver(runDir.resolve("postgres"));
            if (!options.keepData() && Files.exists(runDir)) {
                ApicurioRegistry.deleteRecursively(runDir);
            }
            Files.createDirectories(runDir.resolve("logs"));
            // the run directory is never to be committed, whatever the repository's .gitignore says
            Files.writeString(runDir.resolve(".gitignore"), "*\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + runDir + ": " + e.getMessage(), e);
        }
    }

    private String baseUrl(ServiceProcess.Service service) {
        return "http://localhost:" + options.port(service);
    }

    private void printJson(ObjectNode node) {
        synchronized (out) {
            out.println(node.toString());
            out.flush();
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
