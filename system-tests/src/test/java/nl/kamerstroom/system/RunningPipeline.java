package nl.kamerstroom.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.kamerstroom.local.PipelineClient;
import nl.kamerstroom.local.Ports;
import nl.kamerstroom.local.ServiceProcess;
import nl.kamerstroom.local.ServiceProcess.Service;

/**
 * The three services as real processes from their executable jars, on free ports, wired to the infrastructure
 * described by an environment: what a system test drives through HTTP only.
 */
final class RunningPipeline implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    final ServiceProcess ingest;
    final ServiceProcess extract;
    final ServiceProcess store;
    final PipelineClient client;

    private RunningPipeline(List<ServiceProcess> services, String apiKey) {
        this.ingest = services.get(0);
        this.extract = services.get(1);
        this.store = services.get(2);
        this.client = new PipelineClient(ingest.baseUrl(), store.baseUrl(), apiKey);
    }

    static RunningPipeline start(Map<String, String> infrastructureEnvironment, Path logDir) {
        String apiKey = "system-test-" + UUID.randomUUID();
        List<ServiceProcess> started = new ArrayList<>();
        try {
            Files.createDirectories(logDir);
            for (Service service : List.of(Service.INGEST, Service.EXTRACT, Service.STORE)) {
                started.add(ServiceProcess.start(service, Ports.freePort(), infrastructureEnvironment, apiKey, logDir));
            }
            for (ServiceProcess service : started) {
                service.awaitReady(READY_TIMEOUT);
            }
            return new RunningPipeline(started, apiKey);
        } catch (IOException e) {
            started.forEach(ServiceProcess::close);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            started.forEach(ServiceProcess::close);
            throw e;
        }
    }

    @Override
    public void close() {
        ingest.close();
        extract.close();
        store.close();
    }
}
