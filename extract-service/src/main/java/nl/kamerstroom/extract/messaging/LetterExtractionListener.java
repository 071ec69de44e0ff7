package nl.kamerstroom.extract.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.extract.extraction.Extraction;
import nl.kamerstroom.extract.extraction.LetterExtractor;
import nl.kamerstroom.schemas.Topic;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.support.TransientFailures;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Reads the letters from {@code letters.received} a poll at a time and publishes what the extractor found: the
 * entities on their topics and the letter's metadata on {@code letters.extracted}.
 * <p>
 * Delivery: exactly once from Kafka to Kafka. The listener container runs each poll in one Kafka transaction
 * (Boot's transaction manager, from {@code spring.kafka.producer.transaction-id-prefix}); the records sent for all
 * letters of the poll and the consumed offsets commit together or not at all, so {@code read_committed} consumers
 * never see a partial letter and a redelivered poll after a crash yields no duplicates. Each letter's record is sent
 * after its entities. One transaction per poll rather than per letter: a commit costs several round trips to the
 * transaction and group coordinators, which per letter capped extraction at a few dozen letters per second.
 * <p>
 * A letter that cannot be read (not our wire format, an unknown schema id) or that the extractor fails on is sent
 * to {@code letters.received-dlt} with its original bytes and the exception headers, after one attempt, and the poll
 * goes on: one poison letter never holds back the others, and its offset commits with the poll. Failures that say
 * nothing about a letter (the registry or the broker unreachable, a send or the commit failing) are thrown: the
 * transaction is rolled back and the whole poll is retried with back-off ({@code KafkaConfig}) until they pass.
 */
@Component
class LetterExtractionListener {

    private static final Logger log = LoggerFactory.getLogger(LetterExtractionListener.class);

    private final LetterExtractor extractor;
    private final KafkaTemplate<String, Object> kafka;
    private final PublishedExtractions published;
    private final Clock clock;
    private final Timer extractionTime;
    private final Map<String, Counter> entitiesByType;
    private final CrashHook crashHook;
    private final DeadLetterPublishingRecoverer deadLetters;

    LetterExtractionListener(LetterExtractor extractor, KafkaTemplate<String, Object> kafka, PublishedExtractions published,
                             Clock clock, MeterRegistry meters, CrashHook crashHook, DeadLetterPublishingRecoverer deadLetters) {
        this.deadLetters = deadLetters;
        this.extractor = extractor;
        this.crashHook = crashHook;
        this.kafka = kafka;
        this.published = published;
        this.clock = clock;
        this.extractionTime = Timer.builder("kamerstroom.extraction.duration")
                .description("Time the extractor takes for one letter").publishPercentileHistogram().register(meters);
        this.entitiesByType = Map.of(
                "mission", meters.counter("kamerstroom.entities.extracted", "type", "mission"),
                "budget", meters.counter("kamerstroom.entities.extracted", "type", "budget"),
                "motie", meters.counter("kamerstroom.entities.extracted", "type", "motie"));
    }

    /** A tombstone for each entity the letter's previous extraction published and this one does not. */
    private int retractWhatIsGone(String letterId, PublishedExtractions.PublishedIds current) {
        int retracted = 0;
        for (Map.Entry<Topic<String, ?>, List<String>> gone : published.latest(letterId).retractedBy(current).entrySet()) {
            for (String entityId : gone.getValue()) {
                kafka.send(gone.getKey().name(), entityId, null);
                retracted++;
            }
        }
        return retracted;
    }

    private void sendEntity(String topic, String entityId, Object entity) {
        kafka.send(topic, entityId, entity);
        crashHook.entitySent(kafka);
    }

    /** Started by {@link PublishedExtractions} once it knows what earlier extractions published. */
    static final String ID = "letter-extraction";

    @KafkaListener(id = ID, idIsGroup = false, autoStartup = "false", topics = "letters.received", batch = "true")
    void onLettersReceived(List<ConsumerRecord<String, LetterReceived>> records, Consumer<?, ?> consumer) {
        // Readability first: an unreadable letter whose cause is an outage must roll back the poll before anything of
        // it was dead-lettered (a dead letter is published in a transaction of its own, see DeadLetters)
        List<DeserializationException> unreadable = records.stream().map(LetterExtractionListener::deserializationFailure).toList();
        for (DeserializationException failure : unreadable) {
            if (failure != null && TransientFailures.isTransient(failure)) {
                throw failure;
            }
        }
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, LetterReceived> record = records.get(i);
            if (unreadable.get(i) != null) {
                deadLetter(record, consumer, "letter could not be read", unreadable.get(i));
            } else if (record.value() != null) { // a tombstone: the letter was withdrawn, there is nothing to extract
                extractAndPublish(record, consumer);
            }
        }
    }

    private void extractAndPublish(ConsumerRecord<String, LetterReceived> record, Consumer<?, ?> consumer) {
        LetterReceived letter = record.value();
        String letterId = letter.getLetterId();
        AvroMapping.Published result;
        try {
            Extraction extraction = extractionTime.record(() -> extractor.extract(letter.getText()));
            result = AvroMapping.toAvro(letterId, extraction, LetterExtractor.VERSION, clock.instant());
        } catch (RuntimeException e) {
            // nothing of this letter was sent yet: it alone goes to the dead-letter topic, the poll goes on
            deadLetter(record, consumer, "extracting letter " + letterId + " failed", e);
            return;
        }
        result.missions().forEach(m -> sendEntity(Topics.MISSIONS.name(), m.getEntityId(), m));
        result.budgets().forEach(b -> sendEntity(Topics.BUDGETS.name(), b.getEntityId(), b));
        result.moties().forEach(m -> sendEntity(Topics.MOTIES.name(), m.getEntityId(), m));
        int retracted = retractWhatIsGone(letterId, PublishedExtractions.PublishedIds.of(result.letter()));
        kafka.send(Topics.LETTERS_EXTRACTED.name(), letterId, result.letter());
        published.remember(result.letter());
        entitiesByType.get("mission").increment(result.missions().size());
        entitiesByType.get("budget").increment(result.budgets().size());
        entitiesByType.get("motie").increment(result.moties().size());
        log.info("extracted letter {}: {} missions, {} budgets, {} moties, {} retracted", letterId,
                result.missions().size(), result.budgets().size(), result.moties().size(), retracted);
    }

    /**
     * Dead-letters one record as the container's error handling would: wrapped with the consumer group, which the
     * recoverer writes into {@code kafka_dlt-original-consumer-group}; the original bytes of an unreadable record come
     * from its deserializer header.
     */
    private void deadLetter(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, String message, Exception failure) {
        String group = consumer.groupMetadata().groupId();
        deadLetters.accept(record, consumer, new ListenerExecutionFailedException(message, group, failure));
    }

    /** The failure the {@code ErrorHandlingDeserializer} recorded for the record's key or value, if it could not be read. */
    static DeserializationException deserializationFailure(ConsumerRecord<?, ?> record) {
        for (String header : List.of(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER)) {
            if (record.headers().lastHeader(header) != null) {
                DeserializationException failure = SerializationUtils.getExceptionFromHeader(record, header, null);
                return failure != null ? failure : new DeserializationException("the record could not be deserialised", null, false, null);
            }
        }
        return null;
    }
}
