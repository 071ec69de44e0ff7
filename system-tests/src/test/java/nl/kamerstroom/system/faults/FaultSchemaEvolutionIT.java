package nl.kamerstroom.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import nl.kamerstroom.avro.Mission;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.schemas.serde.KafkaAvroSerializer;
import nl.kamerstroom.schemas.serde.SchemaRegistryClient;
import nl.kamerstroom.schemas.serde.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Fault 7: schema evolution at run time (the build's {@code SchemaCompatibilityTest} covers the released schemas). A v2
 * {@code Mission} that adds an optional field with a default is read by the running v1 store, and the v1 records on
 * the topic are read by a v2 reader; a breaking v2 (a required field without a default) is refused by the registry
 * with 409 under BACKWARD compatibility.
 */
@Order(7)
class FaultSchemaEvolutionIT {

    static FaultStack stack;

    @BeforeAll
    static void healthyStack() {
        stack = FaultStack.get();
        stack.awaitHealthy();
    }

    /** The last fault test (see {@code @Order}): the stack is not needed any more. */
    @AfterAll
    static void stopStack() {
        FaultStack.shutdown();
    }

    @Test
    void a_compatible_v2_is_read_both_ways_and_a_breaking_one_is_refused() throws Exception {
        // given: the topic holds v1 missions, as the pipeline wrote them
        List<String> letters = Letters.ingestAll(stack, "evolution", 0, 1, 1, new java.util.concurrent.atomic.AtomicInteger());
        stack.oracle.awaitStored(letters, Duration.ofSeconds(60));
        SchemaRegistryClient registry = AvroRecords.registryClient(stack);
        Schema v1 = Mission.getClassSchema();
        Schema v2 = AvroRecords.missionV2();

        // when: a v2 writer publishes a mission
        String entityId = "fault-evolution-v2-" + stack.runId;
        KafkaAvroSerializer serializer = AvroRecords.serializer(stack);
        try (KafkaProducer<String, byte[]> producer = AvroRecords.rawProducer(stack)) {
            AvroRecords.send(producer, Topics.MISSIONS.name(), null, entityId,
                    serializer.serialize(Topics.MISSIONS.name(), AvroRecords.missionV2(entityId, "a v2 note")));
        }

        // then: the v1 store reads it
        await("v2 mission stored by the v1 store").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> stack.oracle.hasEntity("missions", entityId));

        // and: a v2 reader reads every v1 mission on the topic, the new field at its default
        int v1Records = 0;
        for (ConsumerRecord<String, byte[]> record : stack.oracle.readAll(Topics.MISSIONS.name(), true)) {
            byte[] bytes = record.value();
            if (bytes == null || bytes.length < 5 || bytes[0] != 0) {
                continue;
            }
            Schema writer;
            try {
                writer = registry.byId(ByteBuffer.wrap(bytes, 1, 4).getInt());
            } catch (SchemaRegistryException unknownId) {
                continue; // a poison record of FaultPoisonPillIT
            }
            if (!writer.equals(v1)) {
                continue;
            }
            GenericRecord read = new GenericDatumReader<GenericRecord>(writer, v2)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            assertThat(read.get("note")).isNull();
            assertThat(read.get("entityId").toString()).isEqualTo(record.key());
            v1Records++;
        }
        assertThat(v1Records).as("v1 missions read as v2").isPositive();

        // and: under BACKWARD compatibility the registry takes the compatible v2 and refuses a breaking one with 409
        String subject = "fault-evolution-" + stack.runId + "-value";
        registry.setCompatibility(subject, "BACKWARD");
        registry.register(subject, v1);
        assertThat(registry.isCompatibleWithLatest(subject, v2)).isTrue();
        registry.register(subject, v2);
        assertThat(registry.isCompatibleWithLatest(subject, AvroRecords.missionBreaking())).isFalse();
        SchemaRegistryException refused = catchThrowableOfType(SchemaRegistryException.class,
                () -> registry.register(subject, AvroRecords.missionBreaking()));
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(409);

        stack.oracle.awaitDrained(Duration.ofSeconds(60));
        Oracle.Count count = stack.oracle.verify(letters);
        Figures.print("schema-evolution", "published a v2 Mission (optional field with default) among v1 ones; registered a breaking v2"
                        + " under BACKWARD",
                count.line() + " v2-records-read-by-v1-store=1 v1-records-read-by-v2-reader=" + v1Records
                        + " breaking-v2-registration=" + refused.status());
    }
}
