package nl.kamerstroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path dir;

    HttpServer server;
    String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void waitsUntilReadinessAnswers200() {
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/actuator/health/readiness", exchange -> {
            int status = calls.getAndIncrement() < 3 ? 503 : 200;
            PipelineClientTest.send(exchange, status, "{\"status\":\"" + (status == 200 ? "UP" : "OUT_OF_SERVICE") + "\"}", Map.of());
        });

        ServiceProcess.awaitReady(url, Duration.ofSeconds(10), () -> null, "store-service", dir.resolve("store.log"));

        assertThat(calls).hasValue(4);
    }

    @Test
    void fallsBackToHealthWhenThereIsNoReadinessGroup() {
        AtomicInteger health = new AtomicInteger();
        server.createContext("/actuator/health", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/readiness")) {
                PipelineClientTest.send(exchange, 404, "{}", Map.of());
            } else {
                health.incrementAndGet();
                PipelineClientTest.send(exchange, 200, "{\"status\":\"UP\"}", Map.of());
            }
        });

        ServiceProcess.awaitReady(url, Duration.ofSeconds(10), () -> null, "ingest-service", dir.resolve("ingest.log"));

        assertThat(health).hasValue(1);
    }

    @Test
    void aTimeoutNamesTheLogFileAndShowsItsEnd() throws IOException {
        Path log = Files.writeString(dir.resolve("extract-service.log"), "starting\nAPPLICATION FAILED TO START: no DB_URL\n");
        server.createContext("/actuator/health", exchange -> PipelineClientTest.send(exchange, 503, "{\"status\":\"DOWN\"}", Map.of()));

        assertThatThrownBy(() -> ServiceProcess.awaitReady(url, Duration.ofMillis(800), () -> null, "extract-service", log))
                .hasMessageContaining("extract-service was not ready within")
                .hasMessageContaining("503")
                .hasMessageContaining(log.toString())
                .hasMessageContaining("APPLICATION FAILED TO START: no DB_URL");
    }

    @Test
    void aDeadProcessEndsTheWaitAtOnce() {
        int unused = Ports.freePort();
        assertThatThrownBy(() -> ServiceProcess.awaitReady("http://127.0.0.1:" + unused, Duration.ofSeconds(30), () -> 1,
                "store-service", dir.resolve("store-service.log")))
                .hasMessageContaining("store-service exited with 1 before it was ready");
    }

    @Test
    void refusesAMissingJarWithAHowToBuildIt() {
        assertThatThrownBy(() -> ServiceProcess.start("store-service", dir.resolve("nope.jar"), Ports.freePort(), Map.of(),
                dir.resolve("store.log"), dir))
                .hasMessageContaining("does not exist").hasMessageContaining("mvnw");
    }

    @Test
    void aChildStopsOnSigtermAndItsOutputGoesToTheLogFile() {
        Path log = dir.resolve("child.log");
        ChildProcess child = ChildProcess.start("sleeper", List.of("/bin/sh", "-c", "echo hello from child; exec sleep 60"), Map.of(), dir, log);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log) && Files.readString(log).contains("hello from child"));

        child.stop(Duration.ofSeconds(10));

        assertThat(child.isAlive()).isFalse();
        assertThat(ProcessHandle.of(child.pid())).isEmpty();
    }

    @Test
    void stopIsGracefulTheChildSeesSigtermAndMayFinishItsWork() {
        Path log = dir.resolve("graceful.log");
        ChildProcess child = ChildProcess.start("graceful", List.of("/bin/sh", "-c",
                "trap 'echo cleaning up; exit 0' TERM; echo up; while :; do sleep 0.1; done"), Map.of(), dir, log);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log) && Files.readString(log).contains("up"));

        child.stop(Duration.ofSeconds(10));

        assertThat(child.exitCode()).isZero();
        assertThat(log).content().contains("cleaning up");
    }

    @Test
    void killIsHard() {
        Path log = dir.resolve("hard.log");
        ChildProcess child = ChildProcess.start("hard", List.of("/bin/sh", "-c",
                "trap 'echo cleaning up; exit 0' TERM; echo up; while :; do sleep 0.1; done"), Map.of(), dir, log);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log) && Files.readString(log).contains("up"));

        child.kill();

        assertThat(child.isAlive()).isFalse();
        assertThat(log).content().doesNotContain("cleaning up");
    }

    @Test
    void aChildDiesWhenItsParentsPipeCloses() {
        ChildProcess child = ChildProcess.start("orphan", List.of("sleep", "60"), Map.of(), dir, dir.resolve("orphan.log"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(child.pid()).map(p -> p.descendants().count() > 0).orElse(false));
        List<ProcessHandle> sleepers = ProcessHandle.of(child.pid()).orElseThrow().descendants().toList();

        child.closeStdin(); // what happens when this JVM dies, however it dies

        await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive() && sleepers.stream().noneMatch(ProcessHandle::isAlive));
    }
}
