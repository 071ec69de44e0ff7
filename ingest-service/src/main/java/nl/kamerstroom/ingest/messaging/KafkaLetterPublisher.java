package nl.kamerstroom.ingest.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import nl.kamerstroom.avro.DocumentFormat;
import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.avro.LetterSource;
import nl.kamerstroom.ingest.intake.LetterPublisher;
import nl.kamerstroom.ingest.intake.PublisherUnavailableException;
import nl.kamerstroom.ingest.intake.ReceivedLetter;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.schemas.serde.SchemaRegistryUnavailableException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes accepted letters to letters.received, keyed by letter id, and waits for the broker's acknowledgement
 * (acks=all, idempotent producer; see application.yml) before the HTTP answer says "accepted".
 * <p>
 * The wait is bounded: {@code max.block.ms} bounds how long the send itself blocks for metadata, and
 * {@code delivery.timeout.ms} bounds how long the producer keeps retrying; we wait a little longer than both, so when we
 * give up the producer has given up too and the letter was not written behind our back. Unavailability (Kafka's
 * retriable errors, the schema registry unreachable) becomes {@link PublisherUnavailableException}, which the API
 * answers with 503.
 * <p>
 * The serializer caches the schema id after the first successful registration, so once a letter was published the
 * registry is no longer needed to publish more; only a fresh instance needs it.
 */
@Component
public class KafkaLetterPublisher implements LetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaLetterPublisher.class);
    private static final Duration MARGIN = Duration.ofSeconds(2);

    private final KafkaTemplate<String, LetterReceived> template;
    private final Duration acknowledgementTimeout;
    private final MeterRegistry meters;

    public KafkaLetterPublisher(KafkaTemplate<String, LetterReceived> template, MeterRegistry meters) {
        this.template = template;
        this.meters = meters;
        Map<String, Object> config = template.getProducerFactory().getConfigurationProperties();
        this.acknowledgementTimeout = millis(config, ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000)
                .plus(millis(config, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000))
                .plus(MARGIN);
    }

    @Override
    public void publish(ReceivedLetter letter) throws PublisherUnavailableException {
        try {
            send(letter);
            count(letter, "accepted");
        } catch (PublisherUnavailableException e) {
            count(letter, "unavailable");
            throw e;
        }
    }

    /** {@code kamerstroom.letters.ingested} by format and outcome; documents refused for their content are counted by the API. */
    private void count(ReceivedLetter letter, String outcome) {
        meters.counter("kamerstroom.letters.ingested", "format", letter.format().name(), "outcome", outcome).increment();
    }

    private void send(ReceivedLetter letter) throws PublisherUnavailableException {
        LetterReceived record = toRecord(letter);
        try {
            template.send(Topics.LETTERS_RECEIVED.name(), letter.letterId(), record)
                    .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unavailableOrFail(letter, e.getCause());
        } catch (TimeoutException e) {
            throw new PublisherUnavailableException("Kafka did not acknowledge the letter within " + acknowledgementTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublisherUnavailableException("interrupted while waiting for Kafka", e);
        } catch (RuntimeException e) {
            // KafkaTemplate throws some failures (e.g. serialization) directly instead of failing the future
            throw unavailableOrFail(letter, e);
        }
    }

    /** Retriable failures (broker or registry unreachable, time-outs) mean "later"; anything else is a bug here. */
    private static PublisherUnavailableException unavailableOrFail(ReceivedLetter letter, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryUnavailableException) {
                log.warn("Schema registry unavailable, letter {} not published: {}", letter.letterId(), cause.getMessage());
                return new PublisherUnavailableException("the schema registry is unreachable", cause);
            }
            if (cause instanceof RetriableException) {
                log.warn("Kafka unavailable, letter {} not published: {}", letter.letterId(), cause.getMessage());
                return new PublisherUnavailableException("Kafka is unreachable", cause);
            }
        }
        throw new IllegalStateException("publishing letter " + letter.letterId() + " failed", failure);
    }

    static LetterReceived toRecord(ReceivedLetter letter) {
        return LetterReceived.newBuilder()
                .setLetterId(letter.letterId())
                .setReceivedAt(letter.receivedAt())
                .setSource(LetterSource.newBuilder()
                        .setFileName(letter.fileName())
                        .setContentType(letter.contentType())
                        .setFormat(DocumentFormat.valueOf(letter.format().name()))
                        .setSizeBytes(letter.sizeBytes())
                        .build())
                .setText(letter.text())
                .build();
    }

    private static Duration millis(Map<String, Object> config, String key, long fallback) {
        Object value = config.get(key);
        return Duration.ofMillis(value == null ? fallback : Long.parseLong(value.toString()));
    }
}
