package nl.kamerstroom.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import nl.kamerstroom.local.ServiceProcess;
import nl.kamerstroom.local.ServiceProcess.Service;
import nl.kamerstroom.schemas.Topic;
import nl.kamerstroom.schemas.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Fault 2: extract-service dies in the middle of a Kafka transaction, after it sent some entities and before the
 * commit (the test hook {@code kamerstroom.extract.fault.halt-after-entity-sends} halts its JVM), and a new instance
 * takes over. {@code read_committed} readers never see the dead instance's records: no partial letter, no duplicate
 * entity; the new instance extracts every letter once.
 */
@Order(2)
class FaultExtractCrashIT {

    static final int LETTERS = 40;
    static final int HALT_AFTER_ENTITY_SENDS = 60;
    static FaultStack stack;

    @BeforeAll
    static void healthyStack() {
        stack = FaultStack.get();
        stack.awaitHealthy();
    }

    @Test
    void a_crash_mid_transaction_leaves_no_partial_letter_and_no_duplicate_entity() {
        // given: extract-service stopped while letters pile up, so the next instance reads many in one poll
        stack.extract.stop();
        AtomicInteger unavailable = new AtomicInteger();
        List<String> letters = Letters.ingestAll(stack, "crash", 0, LETTERS, 4, unavailable);
        Map<String, Integer> entitiesBefore = entityRecords(false);

        // when: an instance that halts after sending some entities, mid-transaction
        ServiceProcess crashing = stack.startService(Service.EXTRACT, Map.of(
                "KAMERSTROOM_EXTRACT_FAULT_HALT_AFTER_ENTITY_SENDS", Integer.toString(HALT_AFTER_ENTITY_SENDS),
                // so the dead member and its open transaction are noticed within seconds rather than a minute
                "SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\": 6000,"
                        + " \"spring.kafka.consumer.properties.heartbeat.interval.ms\": 1000,"
                        + " \"spring.kafka.producer.properties.transaction.timeout.ms\": 10000}"));
        await("the instance up").atMost(FaultStack.READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> !crashing.isAlive() || FaultStack.readiness(crashing) == 200);
        // the new instance starts now (a JVM takes far longer to start than the other to reach its halt), so its start-up
        // overlaps the crash; it joins the group after the crash
        ServiceProcess replacement = stack.startService(Service.EXTRACT, Map.of());
        await("the instance halted").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() -> !crashing.isAlive());
        long crashed = System.nanoTime();
        boolean replacementReadyBeforeTheCrash = FaultStack.readiness(replacement) == 200;
        int sent = difference(entityRecords(false), entitiesBefore);
        assertThat(sent).as("entity records the dead instance sent").isGreaterThanOrEqualTo(HALT_AFTER_ENTITY_SENDS);
        Map<String, Integer> committed = entityRecords(true);
        int uncommitted = difference(entityRecords(false), committed);
        assertThat(uncommitted).as("entity records of the transaction the dead instance left open").isPositive();
        // no partial letter: every committed entity it sent is listed by a committed extraction, which lists only committed entities
        Set<String> listed = new HashSet<>();
        stack.oracle.extractions().forEach(e -> List.of(e.getMissionIds(), e.getBudgetIds(), e.getMotieIds()).forEach(listed::addAll));
        Set<String> committedByTheDeadInstance = new HashSet<>(committed.keySet());
        committedByTheDeadInstance.removeIf(id -> committed.get(id) <= entitiesBefore.getOrDefault(id, 0));
        assertThat(difference(committedByTheDeadInstance, listed)).as("committed entities of no committed extraction").isEmpty();
        assertThat(difference(listed, committed.keySet())).as("listed entities not committed").isEmpty();
        long lettersCommittedBeforeTheCrash = stack.oracle.extractions().stream().filter(e -> letters.contains(e.getLetterId())).count();

        // then: a new instance extracts every letter exactly once
        stack.extract = replacement;
        stack.extract.awaitReady(FaultStack.READY_TIMEOUT);
        stack.oracle.awaitStored(letters, Duration.ofSeconds(120));
        Duration recovered = Duration.ofNanos(System.nanoTime() - crashed);
        stack.oracle.awaitDrained(Duration.ofSeconds(60));
        Oracle.Count count = stack.oracle.verify(letters);
        assertThat(count.duplicates()).isZero();
        assertThat(replacementReadyBeforeTheCrash).as("the new instance was ready before the crash").isFalse();
        int aborted = difference(entityRecords(false), entityRecords(true));

        Figures.print("extract-crash", "halted extract-service after " + HALT_AFTER_ENTITY_SENDS + " entity sends mid-transaction with "
                        + LETTERS + " letters waiting, then started a new instance",
                count.line() + " letters-committed-before-the-crash=" + lettersCommittedBeforeTheCrash
                        + " entity-records-in-the-open-transaction=" + uncommitted + " aborted-records-never-visible=" + aborted
                        + " recovered-in=" + Figures.seconds(recovered));
    }

    /** Entity records per entity id on the three entity topics. */
    private static Map<String, Integer> entityRecords(boolean committedOnly) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (Topic<String, ?> topic : Topics.ENTITIES) {
            stack.oracle.countByKey(topic.name(), committedOnly).forEach((id, n) -> counts.merge(id, n, Integer::sum));
        }
        return counts;
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        Set<String> result = new HashSet<>(from);
        result.removeAll(minus);
        return result;
    }

    /** Records in {@code more} beyond those in {@code fewer}. */
    private static int difference(Map<String, Integer> more, Map<String, Integer> fewer) {
        Set<String> ids = new HashSet<>(more.keySet());
        return ids.stream().mapToInt(id -> more.get(id) - fewer.getOrDefault(id, 0)).sum();
    }
}
