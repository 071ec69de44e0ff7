package nl.kamerstroom.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import nl.kamerstroom.schemas.serde.SchemaRegistryException;
import nl.kamerstroom.schemas.serde.SchemaRegistryUnavailableException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.FixedBackOff;

class TransientFailuresTest {

    private final List<ConsumerRecord<?, ?>> deadLetters = new ArrayList<>();
    private final ConsumerRecord<Object, Object> record = new ConsumerRecord<>("entities.missions", 0, 7L, "key", null);
    @SuppressWarnings("unchecked")
    private final Consumer<Object, Object> consumer = mock(Consumer.class);
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);

    TransientFailuresTest() {
        when(container.isRunning()).thenReturn(true);
    }

    @Test
    void aRegistryOutageAnywhereInTheCauseChainIsTransient() {
        assertThat(TransientFailures.isTransient(unreadable(new SchemaRegistryUnavailableException("refused", null)))).isTrue();
        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("failed",
                new IllegalStateException(new org.apache.kafka.common.errors.TimeoutException("slow"))))).isTrue();
        assertThat(TransientFailures.isTransient(unreadable(new SchemaRegistryException("no such id", 404, 40403)))).isFalse();
        assertThat(TransientFailures.isTransient(unreadable(new SerializationException("not the wire format")))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    }

    @Test
    void anErrorHandlerRetriesARecordItCouldNotReadWhileTheRegistryIsDownAndNeverDeadLettersIt() {
        // given
        DefaultErrorHandler handler = storeStyleErrorHandler();
        Exception outage = unreadable(new SchemaRegistryUnavailableException("connection refused", null));

        // when / then: attempt after attempt, the record is neither recovered nor dead-lettered
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThat(handler.handleOne(outage, record, consumer, container)).as("recovered at attempt %d", attempt).isFalse();
        }
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void anErrorHandlerDeadLettersAPoisonRecordAfterOneAttempt() {
        for (Exception poison : List.of(
                unreadable(new SerializationException("not the wire format")),
                unreadable(new SchemaRegistryException("schema 999 not found", 404, 40403)))) {
            // given
            deadLetters.clear();
            DefaultErrorHandler handler = storeStyleErrorHandler();

            // when
            boolean recovered = handler.handleOne(poison, record, consumer, container);

            // then
            assertThat(recovered).isTrue();
            assertThat(deadLetters).containsExactly(record);
        }
    }

    @Test
    void anErrorHandlerKeepsItsOwnBackOffForOtherFailures() {
        // given: two retries for failures of unknown kind
        DefaultErrorHandler handler = storeStyleErrorHandler();
        Exception bug = new ListenerExecutionFailedException("failed", new IllegalArgumentException("bad value"));

        // when / then
        assertThat(handler.handleOne(bug, record, consumer, container)).isFalse();
        assertThat(handler.handleOne(bug, record, consumer, container)).isFalse();
        assertThat(handler.handleOne(bug, record, consumer, container)).isTrue();
        assertThat(deadLetters).containsExactly(record);
    }

    @Test
    void anAfterRollbackProcessorRetriesARegistryOutageAndDeadLettersAPoisonRecordAtOnce() {
        // given: as extract-service configures it
        DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(
                (failed, failure) -> deadLetters.add(failed), new FixedBackOff(1, FixedBackOff.UNLIMITED_ATTEMPTS));
        processor.defaultFalse();
        TransientFailures.classifyByCause(processor);

        // when: a registry outage, many times
        for (int attempt = 0; attempt < 20; attempt++) {
            processor.process(List.of(record), consumer, container,
                    unreadable(new SchemaRegistryUnavailableException("connection refused", null)), true, ContainerProperties.EOSMode.V2);
        }
        // then
        assertThat(deadLetters).isEmpty();

        // when: the registry is back and says the schema id is unknown: the record is poison after all
        Exception unknownId = unreadable(new SchemaRegistryException("schema 999 not found", 404, 40403));
        processor.process(List.of(record), consumer, container, unknownId, true, ContainerProperties.EOSMode.V2);
        processor.process(List.of(record), consumer, container, unknownId, true, ContainerProperties.EOSMode.V2);
        // then: dead-lettered on the next attempt, not retried for as long as the outage was
        assertThat(deadLetters).containsExactly(record);

        // when: a poison record, once
        deadLetters.clear();
        ConsumerRecord<Object, Object> next = new ConsumerRecord<>("entities.missions", 0, 8L, "key", null);
        processor.process(List.of(next), consumer, container,
                unreadable(new SerializationException("not the wire format")), true, ContainerProperties.EOSMode.V2);
        // then
        assertThat(deadLetters).containsExactly(next);
    }

    private DefaultErrorHandler storeStyleErrorHandler() {
        // as store-service configures it
        DefaultErrorHandler handler = new DefaultErrorHandler((failed, failure) -> deadLetters.add(failed), new FixedBackOff(1, 2));
        FixedBackOff untilBack = new FixedBackOff(1, FixedBackOff.UNLIMITED_ATTEMPTS);
        handler.setBackOffFunction((failed, failure) -> TransientFailures.isTransient(failure) ? untilBack : null);
        return TransientFailures.classifyByCause(handler);
    }

    /** What the container hands the error handler when ErrorHandlingDeserializer could not read a value. */
    private static ListenerExecutionFailedException unreadable(Throwable cause) {
        return new ListenerExecutionFailedException("listener failed",
                new DeserializationException("failed to deserialize", new byte[] {0, 0, 0, 0, 9}, false, cause));
    }
}
