package nl.kamerstroom.store.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.kamerstroom.avro.Budget;
import nl.kamerstroom.avro.LetterExtracted;
import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.avro.Mission;
import nl.kamerstroom.avro.Motie;
import nl.kamerstroom.schemas.Topic;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.store.model.ExtractedLetter;
import nl.kamerstroom.store.model.ReceivedLetter;
import nl.kamerstroom.store.persistence.EntityRepository;
import nl.kamerstroom.store.persistence.LetterRepository;

/**
 * Builds the read model from the five topics a letter arrives on ({@code letters.received}, {@code letters.extracted},
 * {@code entities.missions}, {@code entities.budgets}, {@code entities.moties}): one consumer reads all five, and each
 * poll is written in one database transaction.
 * <p>
 * One consumer rather than one per topic because a letter comes as records on all five. When letters arrive one at a
 * time, five consumers paid five polls, five database transactions and five offset commits for each letter, and
 * the letter showed up in the store in five steps; one consumer batches by itself (what arrives while it writes comes
 * in its next poll), and a letter whose records arrive in one poll is stored in one commit. The price is one writer
 * per partition: with one partition per topic the texts and the entities are no longer written side by side, which
 * costs a fifth of the letters per second at full speed on two cores (BENCHMARKS.md); more partitions and
 * {@code KAFKA_LISTENER_CONCURRENCY} give more writers.
 * <p>
 * Delivery is at-least-once: the offsets of a poll are committed after its records are stored, so a crash in between
 * delivers them again. It is effectively-once through idempotent upserts by letter id and by entity id, deletes by
 * entity id, and retractions that give the same result when repeated. Within a poll the last record of each letter or
 * entity id on each topic wins, so the order within a key is kept. Extractions are written after the entities, so an
 * extraction retracts what it no longer lists even when that arrived in the same poll. A tombstone on an entity topic
 * deletes the entity; on the letter topics it is ignored (the contract defines no retraction of letters, and a
 * re-extraction replaces the previous extraction instead). A record that cannot be read or stored is dead-lettered
 * alone to its topic's {@code -dlt} ({@link Batches}); while it is retried, the records after it wait, whatever their
 * topic. Only committed records are read ({@code isolation.level=read_committed}), as extract-service publishes
 * transactionally.
 */
@Component
class ReadModelListener {

    private static final Logger log = LoggerFactory.getLogger(ReadModelListener.class);

    private final LetterRepository letters;
    private final EntityRepository entities;
    private final TransactionTemplate transaction;

    ReadModelListener(LetterRepository letters, EntityRepository entities, PlatformTransactionManager transactionManager) {
        this.letters = letters;
        this.entities = entities;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @KafkaListener(topics = {
            "#{T(nl.kamerstroom.schemas.Topics).LETTERS_RECEIVED.name()}",
            "#{T(nl.kamerstroom.schemas.Topics).LETTERS_EXTRACTED.name()}",
            "#{T(nl.kamerstroom.schemas.Topics).MISSIONS.name()}",
            "#{T(nl.kamerstroom.schemas.Topics).BUDGETS.name()}",
            "#{T(nl.kamerstroom.schemas.Topics).MOTIES.name()}"}, containerFactory = "batchListenerContainerFactory")
    void onRecords(List<ConsumerRecord<String, SpecificRecord>> records) {
        Batches.store(records, ReadModelListener::rowKey,
                batch -> transaction.executeWithoutResult(status -> write(batch)),
                record -> write(List.of(record)));
    }

    /** The records' writes; each repository call joins the caller's transaction, or runs in one of its own. */
    private void write(List<ConsumerRecord<String, SpecificRecord>> records) {
        Map<String, List<ConsumerRecord<String, SpecificRecord>>> byTopic = new LinkedHashMap<>();
        for (ConsumerRecord<String, SpecificRecord> record : records) {
            byTopic.computeIfAbsent(record.topic(), topic -> new ArrayList<>()).add(record);
        }
        List<ReceivedLetter> received = values(byTopic, Topics.LETTERS_RECEIVED, AvroMapping::receivedLetter);
        if (!received.isEmpty()) {
            letters.writeReceived(received);
        }
        writeEntities(byTopic, Topics.MISSIONS, AvroMapping::mission, entities::writeMissions);
        writeEntities(byTopic, Topics.BUDGETS, AvroMapping::budget, entities::writeBudgets);
        writeEntities(byTopic, Topics.MOTIES, AvroMapping::motie, entities::writeMoties);
        List<ExtractedLetter> extracted = values(byTopic, Topics.LETTERS_EXTRACTED, AvroMapping::extractedLetter);
        if (!extracted.isEmpty()) {
            letters.writeExtracted(extracted);
        }
        for (Topic<String, ?> letterTopic : List.of(Topics.LETTERS_RECEIVED, Topics.LETTERS_EXTRACTED)) {
            tombstones(byTopic, letterTopic).forEach(key -> log.info("Ignoring tombstone for letter {} on {}", key, letterTopic.name()));
        }
    }

    /** Upserts an entity topic's records and deletes its tombstones' entities, when it has any. */
    private static <V extends SpecificRecord, T> void writeEntities(Map<String, List<ConsumerRecord<String, SpecificRecord>>> byTopic,
                                                                    Topic<String, V> topic, Function<V, T> mapping,
                                                                    BiConsumer<List<T>, List<String>> write) {
        List<T> upserts = values(byTopic, topic, mapping);
        List<String> retracted = tombstones(byTopic, topic);
        if (!upserts.isEmpty() || !retracted.isEmpty()) {
            write.accept(upserts, retracted);
        }
    }

    /**
     * The id of the row a record writes, with its topic: a letter's receipt and its extraction are different writes.
     * A tombstone writes the row of its key on an entity topic, and none on a letter topic (null: it is kept, and
     * ignored, whatever came before it for the key).
     */
    private static String rowKey(ConsumerRecord<String, SpecificRecord> record) {
        String id;
        if (record.value() instanceof LetterReceived letter) {
            id = letter.getLetterId();
        } else if (record.value() instanceof LetterExtracted extraction) {
            id = extraction.getLetterId();
        } else if (record.value() instanceof Mission mission) {
            id = mission.getEntityId();
        } else if (record.value() instanceof Budget budget) {
            id = budget.getEntityId();
        } else if (record.value() instanceof Motie motie) {
            id = motie.getEntityId();
        } else if (record.value() == null && isEntityTopic(record.topic())) {
            id = record.key();
        } else {
            return null;
        }
        return id == null ? null : record.topic() + '/' + id;
    }

    private static boolean isEntityTopic(String topic) {
        return Topics.ENTITIES.stream().anyMatch(entityTopic -> entityTopic.name().equals(topic));
    }

    private static <V extends SpecificRecord, T> List<T> values(Map<String, List<ConsumerRecord<String, SpecificRecord>>> byTopic,
                                                                Topic<String, V> topic, Function<V, T> mapping) {
        return byTopic.getOrDefault(topic.name(), List.of()).stream()
                .filter(record -> record.value() != null)
                .map(record -> mapping.apply(topic.valueType().cast(record.value())))
                .toList();
    }

    private static List<String> tombstones(Map<String, List<ConsumerRecord<String, SpecificRecord>>> byTopic, Topic<String, ?> topic) {
        return byTopic.getOrDefault(topic.name(), List.of()).stream()
                .filter(record -> record.value() == null && record.key() != null)
                .map(ConsumerRecord::key)
                .toList();
    }
}
