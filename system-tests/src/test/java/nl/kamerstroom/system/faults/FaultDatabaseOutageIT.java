package nl.kamerstroom.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Fault 3: PostgreSQL is down for a while during consumption. Ingest and extract do not need it and go on; the store's
 * lag grows, it is not ready, and nothing goes to a dead-letter topic; when the database is back the lag drains and the
 * store is ready again on its own.
 */
@Order(3)
class FaultDatabaseOutageIT {

    static final int LETTERS = 50;
    static final Duration OUTAGE = Duration.ofSeconds(10);
    static FaultStack stack;

    @BeforeAll
    static void healthyStack() {
        stack = FaultStack.get();
        stack.awaitHealthy();
    }

    @Test
    void the_store_waits_for_the_database_and_dead_letters_nothing() {
        // given: the database stops
        long stopped = System.nanoTime();
        stack.postgres.stop();

        // when: letters arrive meanwhile
        AtomicInteger unavailable = new AtomicInteger();
        List<String> letters = Letters.ingestAll(stack, "database", 0, LETTERS, 4, unavailable);
        // not ready: 503, or no answer within the probe's time-out while the health check waits for a connection
        await("store not ready without its database").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> FaultStack.readiness(stack.store) != 200);
        AtomicLong peakLag = new AtomicLong();
        await("lag grows to every record of the letters").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    peakLag.set(stack.oracle.storeLag());
                    return peakLag.get() >= LETTERS && stack.oracle.extractLag() == 0;
                });
        Duration left = OUTAGE.minus(Duration.ofNanos(System.nanoTime() - stopped));
        if (!left.isNegative()) {
            Letters.hold(left);
        }
        assertThat(stack.oracle.deadLetters()).as("dead letters during the outage")
                .containsExactlyInAnyOrderElementsOf(stack.ledger.expectedDeadLetters());
        Duration down = Duration.ofNanos(System.nanoTime() - stopped);
        stack.postgres.start();
        long restarted = System.nanoTime();

        // then
        stack.oracle.awaitStored(letters, Duration.ofSeconds(120));
        Duration recovered = Duration.ofNanos(System.nanoTime() - restarted);
        stack.oracle.awaitDrained(Duration.ofSeconds(60));
        await("store ready again on its own").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> FaultStack.readiness(stack.store) == 200);
        Oracle.Count count = stack.oracle.verify(letters);
        assertThat(count.duplicates()).isZero();

        Figures.print("database-outage", "stopped PostgreSQL for " + Figures.seconds(down) + " while " + LETTERS
                        + " letters were ingested and extracted",
                count.line() + " ingest-503s=" + unavailable.get() + " store-lag-peak=" + peakLag.get() + " recovered-in="
                        + Figures.seconds(recovered));
    }
}
