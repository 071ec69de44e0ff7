package nl.kamerstroom.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.kamerstroom.avro.Budget;
import nl.kamerstroom.avro.LetterExtracted;
import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.avro.Mission;
import nl.kamerstroom.avro.Motie;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Every topic Kamerstroom publishes, with its key and value types. Keys are strings; values are Avro. */
public final class Topics {

    /** Letters accepted by ingest, keyed by letterId. Compacted: the durable source for re-extraction. */
    public static final Topic<String, LetterReceived> LETTERS_RECEIVED =
            new Topic<>("letters.received", String.class, LetterReceived.class, true);

    /** Metadata of each extracted letter with the ids of its entities, keyed by letterId. */
    public static final Topic<String, LetterExtracted> LETTERS_EXTRACTED =
            new Topic<>("letters.extracted", String.class, LetterExtracted.class, true);

    /** Missions, keyed by entityId; a null value retracts the entity. */
    public static final Topic<String, Mission> MISSIONS =
            new Topic<>("entities.missions", String.class, Mission.class, true);

    /** Budgets, keyed by entityId; a null value retracts the entity. */
    public static final Topic<String, Budget> BUDGETS =
            new Topic<>("entities.budgets", String.class, Budget.class, true);

    /** Moties, keyed by entityId; a null value retracts the entity. */
    public static final Topic<String, Motie> MOTIES =
            new Topic<>("entities.moties", String.class, Motie.class, true);

    /**
     * Largest record on {@code letters.received} (and its dead-letter topic): the text of a letter is rarely over a
     * megabyte, but ingest accepts documents up to 25 MB, and a plain-text one is its own text.
     */
    public static final int MAX_LETTER_BYTES = 32 * 1024 * 1024;

    public static final List<Topic<String, ?>> ALL = List.of(LETTERS_RECEIVED, LETTERS_EXTRACTED, MISSIONS, BUDGETS, MOTIES);

    /** The topics that carry extracted entities. */
    public static final List<Topic<String, ?>> ENTITIES = List.of(MISSIONS, BUDGETS, MOTIES);

    /**
     * Every topic and its dead-letter topic as they should exist on a broker. A dead-letter topic has as many
     * partitions as its topic, since a dead letter keeps its partition; it is not compacted, so every dead letter of
     * a key stays for inspection.
     */
    public static List<NewTopic> definitions(int partitions, short replicas) {
        List<NewTopic> definitions = new ArrayList<>();
        for (Topic<String, ?> topic : ALL) {
            String cleanup = topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE;
            Map<String, String> config = topic == LETTERS_RECEIVED
                    ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_LETTER_BYTES))
                    : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup);
            definitions.add(new NewTopic(topic.name(), partitions, replicas).configs(config));
            definitions.add(new NewTopic(topic.deadLetterTopic(), partitions, replicas).configs(
                    topic == LETTERS_RECEIVED ? Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_LETTER_BYTES)) : Map.of()));
        }
        return definitions;
    }

    private Topics() {
    }
}
