package nl.kamerstroom.store.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.store.config.ReextractionProperties;
import nl.kamerstroom.store.reextraction.LetterRepublisher;

/**
 * Replays {@code letters.received} onto itself for re-extraction. Reads every partition from the beginning up to the
 * end offsets taken at the start (records published later, the replayed ones among them, are not read), with
 * {@code read_committed} and without a consumer group, so it commits nothing and disturbs no listener. Records are
 * handled as raw bytes: key and value go back exactly as ingest-service published them, to the partition they came
 * from, with an idempotent {@code acks=all} producer.
 * <p>
 * The topic is compacted, but compaction may not have run yet: the topic is read twice, first to learn the last
 * offset of each letter (a tombstone forgets the letter), then to republish only that record. So each letter is
 * republished once, with its current content, and no more than the offsets of all keys are held in memory.
 */
@Component
class LettersReceivedRepublisher implements LetterRepublisher {

    private static final String TOPIC = Topics.LETTERS_RECEIVED.name();
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaProperties kafka;
    private final Duration stallTimeout;

    LettersReceivedRepublisher(KafkaProperties kafka, ReextractionProperties properties) {
        this.kafka = kafka;
        this.stallTimeout = properties.stallTimeout();
    }

    @Override
    public void republish(Predicate<String> chosen, Progress progress) {
        try (var consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
             var producer = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            // with read_committed these are the last stable offsets: what a listener can read now
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);

            Map<String, Long> lastOffsets = new HashMap<>();
            readUpTo(consumer, partitions, ends, record -> {
                String letterId = letterId(record);
                if (letterId == null || !chosen.test(letterId)) {
                    return;
                }
                if (record.value() == null) {
                    lastOffsets.remove(letterId);
                } else {
                    lastOffsets.put(letterId, record.offset());
                }
            });
            progress.found(lastOffsets.keySet());

            List<CompletableFuture<Void>> acknowledgements = new ArrayList<>();
            readUpTo(consumer, partitions, ends, record -> {
                String letterId = letterId(record);
                if (letterId == null || !Long.valueOf(record.offset()).equals(lastOffsets.get(letterId))) {
                    return;
                }
                CompletableFuture<Void> acknowledged = new CompletableFuture<>();
                producer.send(new ProducerRecord<>(TOPIC, record.partition(), record.key(), record.value()), (metadata, failure) -> {
                    if (failure != null) {
                        acknowledged.completeExceptionally(failure);
                    } else {
                        progress.republished(letterId);
                        acknowledged.complete(null);
                    }
                });
                acknowledgements.add(acknowledged);
            });
            producer.flush();
            CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw new KafkaException("republishing to " + TOPIC + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while republishing to " + TOPIC, e);
        }
    }

    /** Reads every partition from the beginning up to {@code ends}, failing when nothing moves for the stall timeout. */
    private void readUpTo(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                          Map<TopicPartition, Long> ends, Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        consumer.seekToBeginning(partitions);
        Instant lastProgress = Instant.now();
        while (true) {
            List<TopicPartition> unfinished = partitions.stream()
                    .filter(partition -> consumer.position(partition) < ends.get(partition))
                    .toList();
            if (unfinished.isEmpty()) {
                return;
            }
            if (Duration.between(lastProgress, Instant.now()).compareTo(stallTimeout) > 0) {
                throw new KafkaException("no progress reading " + unfinished + " for " + stallTimeout);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                lastProgress = Instant.now();
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    handler.accept(record);
                }
            }
        }
    }

    private static String letterId(ConsumerRecord<byte[], byte[]> record) {
        // keys are letter ids serialised by StringSerializer: UTF-8
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        // no group: positions are assigned and never committed, so the store's listeners are not affected
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "store-service-reextraction");
        return config;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "store-service-reextraction");
        return config;
    }
}
