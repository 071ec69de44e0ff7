package nl.kamerstroom.system.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.kamerstroom.avro.DocumentFormat;
import nl.kamerstroom.avro.Evidence;
import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.avro.LetterSource;
import nl.kamerstroom.avro.Mission;
import nl.kamerstroom.schemas.serde.KafkaAvroSerializer;
import nl.kamerstroom.schemas.serde.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records the fault tests write themselves, as a producer we do not control would: valid ones in our wire format,
 * poison, a compatible v2 of {@code Mission}, and what a rogue writer registers.
 */
final class AvroRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroRecords() {
    }

    /** A valid v1 mission of a letter no one uploaded. */
    static Mission mission(String entityId) {
        return Mission.newBuilder()
                .setEntityId(entityId)
                .setLetterId("fault-test-no-such-letter")
                .setExtractorVersion("fault-test")
                .setConfidence(0.5)
                .setEvidence(Evidence.newBuilder().setQuote("NMI").setStart(0).setEnd(3).build())
                .setName("NAVO Missie Irak")
                .setAcronym("NMI")
                .setDutchContribution(true)
                .build();
    }

    /** {@code Mission} plus an optional {@code note} with a default: a compatible evolution. */
    static Schema missionV2() {
        return missionV2("note");
    }

    /** {@code Mission} plus an optional string field {@code field} with a default. */
    static Schema missionV2(String field) {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(Mission.getClassSchema().toString());
            ((ArrayNode) schema.get("fields")).addObject().put("name", field)
                    .put("doc", "added in v2").putNull("default").putArray("type").add("null").add("string");
            return new Schema.Parser().parse(schema.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Mission} v2 plus a required {@code priority} without a default: breaks readers of v2 data. */
    static Schema missionBreaking() {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(missionV2().toString());
            ((ArrayNode) schema.get("fields")).addObject().put("name", "priority").put("type", "int");
            return new Schema.Parser().parse(schema.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A v2 mission: the v1 one read through the v2 schema (its note defaulting to null), with a note set. */
    static GenericRecord missionV2(String entityId, String note) {
        return missionV2(entityId, "note", note);
    }

    /** A mission of {@link #missionV2(String)} with {@code field} set. */
    static GenericRecord missionV2(String entityId, String field, String value) {
        GenericRecord record = convert(mission(entityId), Mission.getClassSchema(), missionV2(field));
        record.put(field, value);
        return record;
    }

    /** Reads {@code record}, written with {@code writer}, as {@code reader}: Avro schema resolution. */
    static GenericRecord convert(Object record, Schema writer, Schema reader) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<>(writer, GenericData.get()).write(record, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(writer, reader)
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a rogue writer registers under a subject set to NONE: a "Mission" whose entityId is a number. */
    static Schema rogueMission() {
        return new Schema.Parser().parse("""
                {"type": "record", "name": "Mission", "namespace": "nl.kamerstroom.avro",
                 "fields": [{"name": "entityId", "type": "int"}]}""");
    }

    /** A letter on {@code letters.received} as ingest would write it, keyed by its id. */
    static LetterReceived letter(byte[] text, String fileName) {
        return LetterReceived.newBuilder()
                .setLetterId(sha256(text))
                .setReceivedAt(Instant.now())
                .setSource(LetterSource.newBuilder().setFileName(fileName).setContentType("text/plain")
                        .setFormat(DocumentFormat.TEXT).setSizeBytes(text.length).build())
                .setText(new String(text, StandardCharsets.UTF_8))
                .build();
    }

    /** Ingest's letter id: hex SHA-256 of the uploaded bytes. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Our serializer against the stack's registry, registering what it writes. */
    static KafkaAvroSerializer serializer(FaultStack stack) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", stack.registry.confluentApiUrl(), "auto.register.schemas", true), false);
        return serializer;
    }

    static SchemaRegistryClient registryClient(FaultStack stack) {
        return new SchemaRegistryClient(java.util.List.of(java.net.URI.create(stack.registry.confluentApiUrl())), null,
                Duration.ofSeconds(10));
    }

    /** A plain producer of bytes, acks=all. */
    static KafkaProducer<String, byte[]> rawProducer(FaultStack stack) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends and waits for the broker's acknowledgement. */
    static RecordMetadata send(KafkaProducer<String, byte[]> producer, String topic, Integer partition, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("sending to " + topic + " failed", e);
        }
    }
}
