package nl.kamerstroom.schemas;

import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka topic of the public contract: its name, the type of its keys and values, and how it is cleaned up.
 *
 * @param name      topic name
 * @param keyType   type of record keys (serialised as UTF-8 strings)
 * @param valueType Avro type of record values, registered under the subject {@code <name>-value}
 * @param compacted whether the topic keeps the latest value per key forever (tombstones retract a key)
 */
public record Topic<K, V extends SpecificRecord>(String name, Class<K> keyType, Class<V> valueType, boolean compacted) {

    /** Suffix of the dead-letter topic that holds records this topic's consumers could not process. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    /** Subject the value schema is registered under (Confluent's TopicNameStrategy). */
    public String valueSubject() {
        return name + "-value";
    }

    /** Name of this topic's dead-letter topic. */
    public String deadLetterTopic() {
        return name + DEAD_LETTER_SUFFIX;
    }
}
