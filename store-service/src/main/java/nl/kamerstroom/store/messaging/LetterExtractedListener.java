package nl.kamerstroom.store.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.kamerstroom.avro.LetterExtracted;
import nl.kamerstroom.store.persistence.LetterRepository;

/**
 * Stores each extraction from {@code letters.extracted} and retracts the letter's entities it no longer lists.
 * <p>
 * Delivery is at-least-once: the offset is committed after the record is stored, so a crash in between delivers it
 * again. The upsert by letter id and the retraction run in one database transaction per record and give the same
 * result when repeated, which makes the effect exactly-once. Only committed records are read
 * ({@code isolation.level=read_committed}), as extract-service publishes transactionally.
 */
@Component
class LetterExtractedListener {

    private static final Logger log = LoggerFactory.getLogger(LetterExtractedListener.class);

    private final LetterRepository letters;

    LetterExtractedListener(LetterRepository letters) {
        this.letters = letters;
    }

    @KafkaListener(topics = "#{T(nl.kamerstroom.schemas.Topics).LETTERS_EXTRACTED.name()}")
    void onLetterExtracted(ConsumerRecord<String, LetterExtracted> record) {
        if (record.value() == null) {
            // the contract defines no retraction of extractions; a re-extraction replaces the previous one instead
            log.info("Ignoring tombstone for letter {} on {}", record.key(), record.topic());
            return;
        }
        letters.saveExtracted(AvroMapping.extractedLetter(record.value()));
    }
}
