package nl.kamerstroom.store.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.store.persistence.LetterRepository;

/**
 * Stores the letters from {@code letters.received}, a poll at a time.
 * <p>
 * Delivery is at-least-once: the offsets of a poll are committed after its records are stored, so a crash in between
 * delivers them again. It is effectively-once through idempotent upserts by letter id. One database transaction per
 * batch (poll), one multi-row upsert, the last record of each letter id in the batch winning. A record that cannot be
 * read or stored is dead-lettered alone ({@link Batches}).
 */
@Component
class LetterReceivedListener {

    private static final Logger log = LoggerFactory.getLogger(LetterReceivedListener.class);

    private final LetterRepository letters;

    LetterReceivedListener(LetterRepository letters) {
        this.letters = letters;
    }

    @KafkaListener(topics = "#{T(nl.kamerstroom.schemas.Topics).LETTERS_RECEIVED.name()}", containerFactory = "batchListenerContainerFactory")
    void onLettersReceived(List<ConsumerRecord<String, LetterReceived>> records) {
        Batches.store(records,
                // a tombstone has no row of its own: it is skipped, whatever came before it for the key
                record -> record.value() == null ? null : record.value().getLetterId(),
                batch -> letters.writeReceived(batch.stream()
                        .filter(LetterReceivedListener::isLetter)
                        .map(record -> AvroMapping.receivedLetter(record.value()))
                        .toList()),
                record -> {
                    if (isLetter(record)) {
                        letters.saveReceived(AvroMapping.receivedLetter(record.value()));
                    }
                });
    }

    private static boolean isLetter(ConsumerRecord<String, LetterReceived> record) {
        if (record.value() == null) {
            // the contract defines no retraction of letters; compaction may still remove the key upstream
            log.info("Ignoring tombstone for letter {} on {}", record.key(), record.topic());
            return false;
        }
        return true;
    }
}
