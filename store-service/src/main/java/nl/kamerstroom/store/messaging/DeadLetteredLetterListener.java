package nl.kamerstroom.store.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.store.persistence.LetterRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Marks a letter FAILED when extract-service gave up on it, with the reason from the dead letter's exception
 * headers, so an operator sees where the letter stopped and why. Only the key and headers are read: the value of a
 * dead letter may be bytes nobody can read, so it is taken as raw bytes and ignored.
 * <p>
 * Delivery is at-least-once, made effectively-once by an idempotent upsert per record.
 */
@Component
class DeadLetteredLetterListener {

    private final LetterRepository letters;

    DeadLetteredLetterListener(LetterRepository letters) {
        this.letters = letters;
    }

    @KafkaListener(topics = "#{T(nl.kamerstroom.schemas.Topics).LETTERS_RECEIVED.deadLetterTopic()}",
            properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
    void onDeadLetter(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return; // not a letter anyone could ask about
        }
        letters.saveFailed(record.key(), Instant.ofEpochMilli(record.timestamp()), reason(record));
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        String exception = header(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String message = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        if (message == null && exception == null) {
            return "unknown (the dead letter on " + Topics.LETTERS_RECEIVED.deadLetterTopic() + " carries no exception headers)";
        }
        return (exception == null ? "" : exception.substring(exception.lastIndexOf('.') + 1) + ": ") + (message == null ? "" : message);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
