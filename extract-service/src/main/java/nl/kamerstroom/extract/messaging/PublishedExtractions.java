package nl.kamerstroom.extract.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import nl.kamerstroom.avro.LetterExtracted;
import nl.kamerstroom.schemas.Topic;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.schemas.serde.KafkaAvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

/**
 * The entity ids of each letter's latest published extraction, read from the compacted {@code letters.extracted}
 * topic. When a letter is extracted again, the ids it no longer has are retracted with tombstones, so compacted
 * entity topics and every downstream copy converge.
 * <p>
 * Loaded from the beginning of the topic before the listener starts, then kept up to date by tailing the topic
 * (other instances' extractions) and by the listener itself (its own, before they are visible). A record only
 * replaces what is known if it is not older, so the tail cannot roll back a newer extraction. If this copy is ever
 * behind, the cost is a tombstone for an id that no longer exists, which downstream treats as a no-op.
 */
@Component
class PublishedExtractions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishedExtractions.class);

    /** The ids one extraction of a letter published, per entity topic. */
    record PublishedIds(Instant extractedAt, Map<Topic<String, ?>, List<String>> idsByTopic) {

        static PublishedIds of(LetterExtracted letter) {
            return new PublishedIds(letter.getExtractedAt(), Map.of(
                    Topics.MISSIONS, List.copyOf(letter.getMissionIds()),
                    Topics.BUDGETS, List.copyOf(letter.getBudgetIds()),
                    Topics.MOTIES, List.copyOf(letter.getMotieIds())));
        }

        static PublishedIds none() {
            return new PublishedIds(Instant.EPOCH, Map.of());
        }

        /** The ids, per topic, that this extraction published and {@code next} does not. */
        Map<Topic<String, ?>, List<String>> retractedBy(PublishedIds next) {
            Map<Topic<String, ?>, List<String>> retracted = new HashMap<>();
            idsByTopic.forEach((topic, ids) -> {
                List<String> kept = next.idsByTopic().getOrDefault(topic, List.of());
                List<String> gone = ids.stream().filter(id -> !kept.contains(id)).toList();
                if (!gone.isEmpty()) {
                    retracted.put(topic, gone);
                }
            });
            return retracted;
        }
    }

    private final Map<String, PublishedIds> byLetter = new ConcurrentHashMap<>();
    private static final Duration RETRY_LOAD_AFTER = Duration.ofSeconds(2);

    private final KafkaProperties kafkaProperties;
    private final KafkaListenerEndpointRegistry listeners;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile KafkaConsumer<String, Object> consumer;
    private Thread worker;

    PublishedExtractions(KafkaProperties kafkaProperties, KafkaListenerEndpointRegistry listeners) {
        this.kafkaProperties = kafkaProperties;
        this.listeners = listeners;
    }

    /** What the latest known extraction of {@code letterId} published; nothing if it was never extracted. */
    PublishedIds latest(String letterId) {
        return byLetter.getOrDefault(letterId, PublishedIds.none());
    }

    /** Remembers a published extraction, unless a newer one of the same letter is known already. */
    void remember(LetterExtracted letter) {
        byLetter.merge(letter.getLetterId(), PublishedIds.of(letter),
                (known, candidate) -> candidate.extractedAt().isBefore(known.extractedAt()) ? known : candidate);
    }

    /**
     * Loads the topic to its current end in the background, then starts the extraction listener and keeps tailing.
     * Kafka need not be reachable when the service starts: loading is retried until it is, and until then the
     * listener is stopped, so the service is alive but not ready.
     */
    @Override
    public void start() {
        running.set(true);
        worker = new Thread(this::loadThenTail, "published-extractions");
        worker.setDaemon(true);
        worker.start();
    }

    private void loadThenTail() {
        try {
            while (running.get() && !load()) {
                LockSupport.parkNanos(RETRY_LOAD_AFTER.toNanos());
            }
            if (running.get()) {
                listeners.getListenerContainer(LetterExtractionListener.ID).start();
            }
            while (running.get()) {
                poll(Duration.ofSeconds(1));
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            if (consumer != null) {
                consumer.close();
            }
        }
    }

    /** Reads {@code letters.extracted} from the beginning to its current end; false if Kafka could not be reached. */
    private boolean load() {
        try {
            if (consumer == null) {
                consumer = newConsumer();
            }
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LETTERS_EXTRACTED.name(), Duration.ofSeconds(10))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long started = System.nanoTime();
            while (running.get() && end.entrySet().stream()
                    .anyMatch(e -> consumer.position(e.getKey(), Duration.ofSeconds(10)) < e.getValue())) {
                poll(Duration.ofMillis(200));
            }
            log.info("Loaded the published extractions of {} letters in {} ms", byLetter.size(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return true;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            log.warn("Cannot read {} yet ({}); extraction waits until it can", Topics.LETTERS_EXTRACTED.name(), e.getMessage());
            return false;
        }
    }

    private void poll(Duration timeout) {
        try {
            consumer.poll(timeout).forEach(this::apply);
        } catch (RecordDeserializationException e) {
            // a record we cannot read names no ids we could retract; extract-service's own records are always readable
            log.warn("Skipping unreadable record {}-{}@{}: {}", e.topicPartition().topic(), e.topicPartition().partition(),
                    e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    private void apply(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof LetterExtracted letter) {
            remember(letter);
        } else if (record.value() == null) {
            byLetter.remove(record.key());
        }
    }

    private KafkaConsumer<String, Object> newConsumer() {
        Map<String, Object> config = kafkaProperties.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put("specific.avro.reader", true);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(config, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }

    @Override
    public void stop() {
        if (running.getAndSet(false)) {
            KafkaConsumer<String, Object> current = consumer;
            if (current != null) {
                current.wakeup();
            }
            LockSupport.unpark(worker);
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Stops after the listener containers (which stop first), so the last extractions are still remembered. */
    @Override
    public int getPhase() {
        return 0;
    }
}
