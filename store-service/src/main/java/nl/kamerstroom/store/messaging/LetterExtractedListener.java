package nl.kamerstroom.store.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.kamerstroom.avro.LetterExtracted;
import nl.kamerstroom.store.persistence.LetterRepository;

/**
 * Stores the extractions from {@code letters.extracted}, a poll at a time, and retracts each letter's entities its
 * extraction no longer lists.
 * <p>
 * Delivery is at-least-once: the offsets of a poll are committed after its records are stored, so a crash in between
 * delivers them again. It is effectively-once through idempotent upserts by letter id and retractions that give the
 * same result when repeated. One database transaction per batch (poll): one multi-row upsert and one retraction per
 * entity table, the last extraction of each letter id in the batch winning (the retraction of an earlier one in the
 * same batch removes a subset of what the last one removes). A record that cannot be read or stored is dead-lettered
 * alone ({@link Batches}). Only committed records are read ({@code isolation.level=read_committed}), as
 * extract-service publishes transactionally.
 */
@Component
class LetterExtractedListener {

    private static final Logger log = LoggerFactory.getLogger(LetterExtractedListener.class);

    private final LetterRepository letters;

    LetterExtractedListener(LetterRepository letters) {
        this.letters = letters;
    }

    @KafkaListener(topics = "#{T(nl.kamerstroom.schemas.Topics).LETTERS_EXTRACTED.name()}", containerFactory = "batchListenerContainerFactory")
    void onLettersExtracted(List<ConsumerRecord<String, LetterExtracted>> records) {
        Batches.store(records,
                // a tombstone has no row of its own: it is skipped, whatever came before it for the key
                record -> record.value() == null ? null : record.value().getLetterId(),
                batch -> letters.writeExtracted(batch.stream()
                        .filter(LetterExtractedListener::isExtraction)
                        .map(record -> AvroMapping.extractedLetter(record.value()))
                        .toList()),
                record -> {
                    if (isExtraction(record)) {
                        letters.saveExtracted(AvroMapping.extractedLetter(record.value()));
                    }
                });
    }

    private static boolean isExtraction(ConsumerRecord<String, LetterExtracted> record) {
        if (record.value() == null) {
            // the contract defines no retraction of extractions; a re-extraction replaces the previous one instead
            log.info("Ignoring tombstone for letter {} on {}", record.key(), record.topic());
            return false;
        }
        return true;
    }
}
