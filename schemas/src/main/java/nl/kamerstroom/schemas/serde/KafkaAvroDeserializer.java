package nl.kamerstroom.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary), resolving the writer's
 * schema by id from the registry. With {@code specific.avro.reader=true} it returns the generated class for the
 * writer schema's full name, read through that class's schema (Avro schema resolution applies, so records written
 * with an older or newer compatible schema are read), otherwise a {@code GenericRecord}. A null payload reads as null.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private SerdeConfig config;
    private SchemaRegistryClient registry;

    public KafkaAvroDeserializer() {
    }

    /** For callers that share one client across deserializers. */
    public KafkaAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = SerdeConfig.from(configs, isKey);
        if (registry == null) {
            registry = config.newClient();
        }
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("deserializer used before configure()");
        }
        if (data.length < 5 || data[0] != KafkaAvroSerializer.MAGIC_BYTE) {
            throw new SerializationException("record on " + topic + " is not in the schema registry wire format"
                    + " (expected magic byte 0 and a 4-byte schema id, got " + data.length + " bytes"
                    + (data.length > 0 ? " starting with " + data[0] : "") + ")");
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        DatumReader<Object> reader = readers.computeIfAbsent(id, this::newReader);
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read record on " + topic + " with schema id " + id, e);
        }
    }

    private DatumReader<Object> newReader(int id) {
        Schema writer = registry.byId(id);
        if (!config.specificAvroReader()) {
            return new GenericDatumReader<>(writer);
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null) {
            throw new SerializationException("no generated class for " + writer.getFullName()
                    + " (schema id " + id + ") on the class path; use specific.avro.reader=false to read it generically");
        }
        SpecificData model = SpecificData.getForClass(generated);
        return new SpecificDatumReader<>(writer, model.getSchema(generated), model);
    }
}
