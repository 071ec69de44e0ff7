package nl.kamerstroom.store.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.store.persistence.LetterRepository;

/**
 * Stores each letter from {@code letters.received}.
 * <p>
 * Delivery is at-least-once: the offset is committed after the record is stored, so a crash in between delivers it
 * again. Storing is an idempotent upsert by letter id in one database transaction per record, which makes the
 * effect exactly-once.
 */
@Component
class LetterReceivedListener {

    private static final Logger log = LoggerFactory.getLogger(LetterReceivedListener.class);

    private final LetterRepository letters;

    LetterReceivedListener(LetterRepository letters) {
        this.letters = letters;
    }

    @KafkaListener(topics = "#{T(nl.kamerstroom.schemas.Topics).LETTERS_RECEIVED.name()}")
    void onLetterReceived(ConsumerRecord<String, LetterReceived> record) {
        if (record.value() == null) {
            // the contract defines no retraction of letters; compaction may still remove the key upstream
            log.info("Ignoring tombstone for letter {} on {}", record.key(), record.topic());
            return;
        }
        letters.saveReceived(AvroMapping.receivedLetter(record.value()));
    }
}
