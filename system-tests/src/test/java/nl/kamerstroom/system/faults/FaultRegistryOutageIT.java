package nl.kamerstroom.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import nl.kamerstroom.local.ServiceProcess;
import nl.kamerstroom.local.ServiceProcess.Service;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.schemas.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Fault 4: the schema registry is down. Schemas the services already know keep flowing end to end; a fresh ingest
 * instance, which knows none, answers 503 and writes nothing; a record with a schema id the store has not seen yet
 * waits for the registry instead of going to a dead-letter topic. When the registry is back everything is ready again
 * on its own and the waiting record is stored.
 */
@Order(4)
class FaultRegistryOutageIT {

    static final int LETTERS = 20;
    static FaultStack stack;

    @BeforeAll
    static void healthyStack() {
        stack = FaultStack.get();
        stack.awaitHealthy();
    }

    @Test
    void known_schemas_keep_flowing_and_an_outage_is_never_a_dead_letter() {
        // given: every running service has read and written each schema once; a v2 mission is registered but unseen;
        // a fresh ingest instance is up but has published nothing yet
        ServiceProcess freshIngest = stack.startService(Service.INGEST, Map.of());
        AtomicInteger unavailable = new AtomicInteger();
        List<String> letters = new ArrayList<>(Letters.ingestAll(stack, "registry-warm-up", 0, 1, 1, unavailable));
        stack.oracle.awaitStored(letters, Duration.ofSeconds(60));
        String v2Mission = "fault-registry-v2-mission-" + stack.runId;
        KafkaAvroSerializer serializer = AvroRecords.serializer(stack);
        // a schema of its own, so no consumer has its id cached
        byte[] v2 = serializer.serialize(Topics.MISSIONS.name(),
                AvroRecords.missionV2(v2Mission, "registryOutageNote", "written while the registry was down"));

        freshIngest.awaitReady(FaultStack.READY_TIMEOUT);

        // when: the registry stops
        long stopped = System.nanoTime();
        stack.registry.stop();
        List<ServiceProcess> writers = List.of(stack.ingest, stack.extract);
        await("ingest and extract not ready without the registry").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> writers.stream().allMatch(s -> FaultStack.readiness(s) == 503));

        // then: letters of known schemas flow end to end
        letters.addAll(Letters.ingestAll(stack, "registry", 0, LETTERS, 4, unavailable));
        assertThat(unavailable.get()).as("503s from an ingest that knows its schema").isZero();
        stack.oracle.awaitStored(letters, Duration.ofSeconds(120));

        // and: a record of a schema the store has not seen waits, it is not a dead letter
        try (KafkaProducer<String, byte[]> producer = AvroRecords.rawProducer(stack)) {
            AvroRecords.send(producer, Topics.MISSIONS.name(), null, v2Mission, v2);
        }

        // and: a fresh ingest, which knows no schema, refuses with 503 and writes nothing
        try {
            assertThat(FaultStack.readiness(freshIngest)).as("fresh ingest readiness").isEqualTo(503);
            byte[] refusedLetter = Letters.letter(stack, "registry-refused", 0);
            assertThat(Letters.post(freshIngest, stack.apiKey, refusedLetter, "registry-refused.txt").status()).isEqualTo(503);
            stack.ledger.refused.add(AvroRecords.sha256(refusedLetter));
            Letters.hold(Duration.ofSeconds(3));
            assertThat(stack.oracle.hasEntity("missions", v2Mission)).as("v2 mission stored while the registry is down").isFalse();
            assertThat(stack.oracle.deadLetters()).as("dead letters during the outage")
                    .containsExactlyInAnyOrderElementsOf(stack.ledger.expectedDeadLetters());
            Duration down = Duration.ofNanos(System.nanoTime() - stopped);

            // when: the registry is back
            stack.registry.start();
            long restarted = System.nanoTime();

            // then
            await("the waiting v2 mission stored").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> stack.oracle.hasEntity("missions", v2Mission));
            Duration recovered = Duration.ofNanos(System.nanoTime() - restarted);
            List<ServiceProcess> all = List.of(stack.ingest, stack.extract, freshIngest);
            await("ready again on their own").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> all.stream().allMatch(s -> FaultStack.readiness(s) == 200));
            stack.oracle.awaitDrained(Duration.ofSeconds(60));
            Oracle.Count count = stack.oracle.verify(letters);
            assertThat(count.duplicates()).isZero();

            Figures.print("registry-outage", "stopped the registry for " + Figures.seconds(down) + ": " + LETTERS
                            + " letters through the running services, 1 upload to a fresh ingest, 1 record of an unseen schema id",
                    count.line() + " ingest-503s-known-schema=" + unavailable.get() + " fresh-ingest-503s=1 refused-stored=0"
                            + " unseen-schema-record-stored-after=" + Figures.seconds(recovered));
        } finally {
            freshIngest.stop();
        }
    }
}
