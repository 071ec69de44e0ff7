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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads each letter from {@code letters.received} and publishes what the extractor found: the entities on their
 * topics and the letter's metadata on {@code letters.extracted}.
 * <p>
 * Delivery: exactly once from Kafka to Kafka. The listener container runs each poll in a Kafka transaction
 * (Boot's transaction manager, from {@code spring.kafka.producer.transaction-id-prefix}); the records sent here and
 * the consumed offsets commit together or not at all, so {@code read_committed} consumers never see a partial letter
 * and a redelivered letter after a crash yields no duplicates. The letter record is sent last, after its entities.
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

    LetterExtractionListener(LetterExtractor extractor, KafkaTemplate<String, Object> kafka,
                             PublishedExtractions published, Clock clock, MeterRegistry meters, CrashHook crashHook) {
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

    @KafkaListener(id = ID, idIsGroup = false, autoStartup = "false", topics = "letters.received")
    void onLetterReceived(ConsumerRecord<String, LetterReceived> record) {
        LetterReceived letter = record.value();
        if (letter == null) {
            return; // a tombstone: the letter was withdrawn, there is nothing to extract
        }
        String letterId = letter.getLetterId();
        Extraction extraction = extractionTime.record(() -> extractor.extract(letter.getText()));
        AvroMapping.Published result = AvroMapping.toAvro(letterId, extraction, LetterExtractor.VERSION, clock.instant());
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
}
