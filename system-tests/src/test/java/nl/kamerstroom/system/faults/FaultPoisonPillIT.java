package nl.kamerstroom.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.schemas.serde.KafkaAvroSerializer;
import nl.kamerstroom.schemas.serde.SchemaRegistryClient;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Fault 5: poison pills. Bytes that are not our wire format, a record with a schema id the registry does not know, and
 * a record of a schema-incompatible "Mission" that a rogue writer registered under {@code NONE} compatibility: each
 * goes to its dead-letter topic after one attempt (once per consumer group that reads it) with its original bytes, and
 * the records behind it on the same partition are processed.
 */
@Order(5)
class FaultPoisonPillIT {

    static FaultStack stack;

    @BeforeAll
    static void healthyStack() {
        stack = FaultStack.get();
        stack.awaitHealthy();
    }

    @Test
    void each_poison_record_is_dead_lettered_once_and_the_records_behind_it_are_processed() {
        // given
        String missions = Topics.MISSIONS.name();
        KafkaAvroSerializer serializer = AvroRecords.serializer(stack);
        SchemaRegistryClient registry = AvroRecords.registryClient(stack);
        String prefix = "fault-poison-" + stack.runId + "-";
        byte[] notOurWireFormat = "{\"entityId\": \"not Avro at all\"}".getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchemaId = ByteBuffer.allocate(8).put((byte) 0).putInt(987_654).put(new byte[] {2, 4, 6}).array();
        registry.setCompatibility(Topics.MISSIONS.valueSubject(), "NONE");
        GenericRecord rogue = new GenericData.Record(AvroRecords.rogueMission());
        rogue.put("entityId", 42);
        byte[] rogueBytes = serializer.serialize(missions, rogue);
        // left at NONE: the rogue schema is the subject's latest version now, so no stricter level could accept anything
        // after it; the fault stack's registry is thrown away with the run
        byte[] letterText = Letters.letter(stack, "poison-behind", 0);
        LetterReceived letter = AvroRecords.letter(letterText, "poison-behind.txt");

        // when: on one partition each, poison followed by a good record
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = AvroRecords.rawProducer(stack)) {
            for (int i = 0; i < 3; i++) {
                byte[] poison = List.of(notOurWireFormat, unknownSchemaId, rogueBytes).get(i);
                long offset = AvroRecords.send(producer, missions, 0, prefix + "poison-" + i, poison).offset();
                stack.ledger.expectDeadLetter(missions, 0, offset, Oracle.STORE_GROUP);
                AvroRecords.send(producer, missions, 0, prefix + "good-" + i,
                        serializer.serialize(missions, AvroRecords.mission(prefix + "good-" + i)));
            }
            long offset = AvroRecords.send(producer, Topics.LETTERS_RECEIVED.name(), 0, prefix + "poison-letter", notOurWireFormat).offset();
            stack.ledger.expectDeadLetter(Topics.LETTERS_RECEIVED.name(), 0, offset, Oracle.EXTRACT_GROUP, Oracle.STORE_GROUP);
            AvroRecords.send(producer, Topics.LETTERS_RECEIVED.name(), 0, letter.getLetterId(),
                    serializer.serialize(Topics.LETTERS_RECEIVED.name(), letter));
            stack.ledger.acknowledged.add(letter.getLetterId());
        }

        // then: the records behind the poison are processed
        await("the good missions behind the poison stored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> List.of(0, 1, 2).stream().allMatch(i -> stack.oracle.hasEntity("missions", prefix + "good-" + i)));
        stack.oracle.awaitStored(List.of(letter.getLetterId()), Duration.ofSeconds(60));
        Duration processed = Duration.ofNanos(System.nanoTime() - started);
        await("every poison record dead-lettered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.oracle.deadLetters().size() >= stack.ledger.expectedDeadLetters().size());
        stack.oracle.awaitDrained(Duration.ofSeconds(60));
        Oracle.Count count = stack.oracle.verify(List.of(letter.getLetterId()));
        assertThat(stack.oracle.deadLetterValues(Topics.MISSIONS.deadLetterTopic()))
                .as("dead letters keep their original bytes").contains(notOurWireFormat, unknownSchemaId, rogueBytes);
        assertThat(count.duplicates()).isZero();

        Figures.print("poison-pills", "3 poison records (not the wire format, unknown schema id 987654, rogue schema under NONE)"
                        + " on entities.missions and 1 on letters.received, each followed by a good record on its partition",
                count.line() + " good-records-behind-processed=4 all-processed-in=" + Figures.seconds(processed));
    }
}
