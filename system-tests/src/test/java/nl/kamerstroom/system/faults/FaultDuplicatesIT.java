package nl.kamerstroom.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import nl.kamerstroom.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Fault 6: duplicates. The same upload twice; then a full replay of every topic from offset zero into the store, with
 * the consumer group rebalanced as the store joins and again while it is in the middle of its batches (another member
 * holds partitions, reading without processing or committing, and leaves). The database content is unchanged: the same row counts and checksum.
 */
@Order(6)
class FaultDuplicatesIT {

    static FaultStack stack;

    @BeforeAll
    static void healthyStack() {
        stack = FaultStack.get();
        stack.awaitHealthy();
    }

    @Test
    void the_same_upload_twice_and_a_full_replay_with_a_rebalance_leave_the_database_unchanged() throws Exception {
        // given: a letter stored, everything consumed
        AtomicInteger unavailable = new AtomicInteger();
        byte[] letter = Letters.letter(stack, "duplicate", 0);
        String letterId = Letters.ingestUntilAccepted(stack, letter, "duplicate-0.txt", Duration.ofSeconds(60), unavailable);
        stack.oracle.awaitStored(List.of(letterId), Duration.ofSeconds(60));
        stack.oracle.awaitDrained(Duration.ofSeconds(60));
        Oracle.Checksum before = stack.oracle.checksum();

        // when: the same upload twice
        String again = Letters.ingestUntilAccepted(stack, letter, "duplicate-0.txt", Duration.ofSeconds(60), unavailable);
        String andAgain = Letters.ingestUntilAccepted(stack, letter, "duplicate-0.txt", Duration.ofSeconds(60), unavailable);
        await("both uploads extracted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.oracle.countByKey(Topics.LETTERS_EXTRACTED.name(), true).getOrDefault(letterId, 0) == 3);
        stack.oracle.awaitDrained(Duration.ofSeconds(60));

        // then
        assertThat(List.of(again, andAgain)).containsOnly(letterId);
        Oracle.Checksum afterUploads = stack.oracle.checksum();
        assertThat(afterUploads).isEqualTo(before);

        // when: every topic replayed from offset zero, and the group rebalanced twice in the middle of it: another member
        // holds some partitions while the store starts, and leaves while the store is busy with its own
        stack.store.stop();
        long replayed = resetStoreGroupToZero();
        // the store reads every poison record again and dead-letters it again: a dead-letter topic is at-least-once too
        stack.ledger.expectedDeadLetters().stream().filter(d -> d.group().equals(Oracle.STORE_GROUP)).toList()
                .forEach(d -> stack.ledger.expectDeadLetter(d.topic(), d.partition(), d.offset(), d.group()));
        long started = System.nanoTime();
        long lagAtRebalance;
        try (IdleMember member = new IdleMember()) {
            await("the idle member holds partitions").atMost(Duration.ofSeconds(30)).until(() -> member.assigned() > 0);
            stack.store.start();
            stack.store.awaitReady(FaultStack.READY_TIMEOUT);
            await("the store has consumed part of the replay").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> stack.oracle.storeLag() < replayed);
            lagAtRebalance = stack.oracle.storeLag();
        }
        assertThat(lagAtRebalance).as("records left when the member left").isPositive();
        stack.oracle.awaitDrained(Duration.ofSeconds(120));
        Duration replay = Duration.ofNanos(System.nanoTime() - started);
        await("poison records dead-lettered again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.oracle.deadLetters().size() >= stack.ledger.expectedDeadLetters().size());

        // then
        Oracle.Checksum afterReplay = stack.oracle.checksum();
        assertThat(afterReplay).isEqualTo(before);
        Oracle.Count count = stack.oracle.verify(List.of(letterId));

        Figures.print("duplicates", "uploaded one letter 3 times; replayed all " + replayed + " records of 5 topics from offset 0"
                        + ", rebalancing the group as the store joined and again with " + lagAtRebalance + " records left",
                count.line() + " rows=" + before.rows() + " checksum-unchanged=" + afterReplay.md5().equals(before.md5())
                        + " replay-took=" + Figures.seconds(replay));
    }

    /**
     * A member of store-service's group that takes its share of the partitions and does nothing with them: it neither
     * processes nor commits. Its joining and leaving rebalance the group.
     */
    private static final class IdleMember implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger assigned = new AtomicInteger();
        private final Thread thread;

        IdleMember() {
            Map<String, Object> config = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, Oracle.STORE_GROUP,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
            thread = new Thread(() -> {
                try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                    consumer.subscribe(Oracle.STORE_TOPICS);
                    while (running.get()) {
                        consumer.poll(Duration.ofMillis(200));
                        assigned.set(consumer.assignment().size());
                        // never commits: whatever it read is read again by whoever gets the partition next
                        consumer.pause(consumer.assignment());
                    }
                }
            }, "idle-store-member");
            thread.start();
        }

        int assigned() {
            return assigned.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
        }
    }

    /** Sets the store's committed offsets to zero on every partition it reads; returns the records it will read again. */
    private static long resetStoreGroupToZero() throws Exception {
        try (Admin admin = stack.oracle.admin()) {
            await("store-service's group empty").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> members() == 0);
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            admin.describeTopics(Oracle.STORE_TOPICS).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> zero.put(new TopicPartition(name, p.partition()), new OffsetAndMetadata(0))));
            admin.alterConsumerGroupOffsets(Oracle.STORE_GROUP, zero).all().get(30, TimeUnit.SECONDS);
        }
        return stack.oracle.storeLag();
    }

    private static int members() {
        try (Admin admin = stack.oracle.admin()) {
            return admin.describeConsumerGroups(List.of(Oracle.STORE_GROUP)).all().get(10, TimeUnit.SECONDS)
                    .get(Oracle.STORE_GROUP).members().size();
        } catch (Exception e) {
            return -1;
        }
    }
}
