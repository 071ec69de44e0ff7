package nl.kamerstroom.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in the Confluent wire format: magic byte 0, the schema's 4-byte big-endian registry id, then
 * Avro binary. Configured with Confluent's keys ({@code schema.registry.url}, {@code auto.register.schemas},
 * {@code use.latest.version}, {@code basic.auth.*}, subject name strategies), so Confluent's
 * {@code KafkaAvroSerializer} can take its place by configuration alone, bytes unchanged.
 * A null value is written as null (a tombstone).
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    static final byte MAGIC_BYTE = 0;

    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private SerdeConfig config;
    private SchemaRegistryClient registry;
    private boolean isKey;

    public KafkaAvroSerializer() {
    }

    /** For callers that share one client across serializers. */
    public KafkaAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = SerdeConfig.from(configs, isKey);
        this.isKey = isKey;
        if (registry == null) {
            registry = config.newClient();
        }
    }

    @Override
    public byte[] serialize(String topic, Object record) {
        if (record == null) {
            return null;
        }
        if (!(record instanceof GenericContainer container)) {
            throw new SerializationException("cannot write " + record.getClass().getName() + " as Avro: not an Avro record");
        }
        if (config == null) {
            throw new IllegalStateException("serializer used before configure()");
        }
        Schema schema = container.getSchema();
        String subject = config.subject(topic, schema, isKey);
        int id;
        if (config.useLatestVersion()) {
            SchemaRegistryClient.RegisteredSchema latest = registry.latest(subject);
            id = latest.id();
            schema = latest.schema();
        } else if (config.autoRegisterSchemas()) {
            id = registry.register(subject, schema);
        } else {
            id = registry.lookup(subject, schema);
        }
        return write(id, schema, record);
    }

    private byte[] write(int id, Schema schema, Object record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, s -> new SpecificDatumWriter<>(s, SpecificData.getForSchema(s))).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write record with schema " + schema.getFullName() + " (id " + id + ")", e);
        }
        return out.toByteArray();
    }
}
