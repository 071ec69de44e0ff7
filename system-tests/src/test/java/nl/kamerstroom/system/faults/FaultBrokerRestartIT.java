package nl.kamerstroom.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import nl.kamerstroom.local.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Fault 1: the broker stops while letters are being ingested and processed, and comes back on the same port and data
 * directory. Ingest answers 503 meanwhile (clients retry), every service is not ready while it is down and ready again
 * on its own afterwards, and every acknowledged letter is stored exactly once.
 */
@Order(1)
class FaultBrokerRestartIT {

    static final int LETTERS = Integer.getInteger("kamerstroom.faults.letters", 300);
    static FaultStack stack;

    @BeforeAll
    static void healthyStack() {
        stack = FaultStack.get();
        stack.awaitHealthy();
    }

    @Test
    void no_acknowledged_letter_is_lost_or_duplicated_when_the_broker_restarts_mid_stream() {
        // given: a few hundred letters being uploaded by four clients
        AtomicInteger unavailable = new AtomicInteger();
        CompletableFuture<List<String>> uploads = CompletableFuture.supplyAsync(
                () -> Letters.ingestAll(stack, "broker", 0, LETTERS, 4, unavailable));
        await().atMost(Duration.ofSeconds(120)).until(() -> stack.ledger.acknowledged.size() >= LETTERS / 3 || uploads.isDone());
        int acknowledgedBefore = stack.ledger.acknowledged.size();

        // when: the broker stops mid-stream, stays down until every service says it is not ready, and comes back
        long stopped = System.nanoTime();
        stack.kafka.stop();
        List<ServiceProcess> services = List.of(stack.ingest, stack.extract, stack.store);
        await("every service not ready without the broker").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> services.stream().allMatch(s -> FaultStack.readiness(s) == 503));
        long down = System.nanoTime() - stopped;
        stack.kafka.start();
        long restarted = System.nanoTime();

        // then
        await("every service ready again on its own").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> services.stream().allMatch(s -> FaultStack.readiness(s) == 200));
        List<String> letters = new ArrayList<>(uploads.join());
        assertThat(letters).hasSize(LETTERS);
        stack.oracle.awaitStored(letters, Duration.ofSeconds(180));
        Duration recovered = Duration.ofNanos(System.nanoTime() - restarted);
        stack.oracle.awaitDrained(Duration.ofSeconds(60));
        Oracle.Count count = stack.oracle.verify(letters);
        assertThat(count.duplicates()).isZero();

        Figures.print("broker-restart", "stopped the broker after " + acknowledgedBefore + " of " + LETTERS
                        + " letters were acknowledged, down " + Figures.seconds(Duration.ofNanos(down)) + ", restarted on the same port and data",
                count.line() + " ingest-503s=" + unavailable.get() + " recovered-in=" + Figures.seconds(recovered));
    }
}
