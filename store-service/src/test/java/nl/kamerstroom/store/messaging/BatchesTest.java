package nl.kamerstroom.store.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.CannotCreateTransactionException;

class BatchesTest {

    @Test
    void theLastRecordOfEachRowWinsInTheOrderOfTheLastOccurrences() {
        List<ConsumerRecord<String, String>> records = List.of(
                record(0, "a", "a1"), record(1, "b", null), record(2, "a", null), record(3, "c", "c1"), record(4, "b", "b2"));

        List<ConsumerRecord<String, String>> last = Batches.lastPerRow(records, ConsumerRecord::key);

        assertThat(last).extracting(ConsumerRecord::offset).containsExactly(2L, 3L, 4L);
    }

    @Test
    void theRecordsBeforeAnUnreadableOneAreStoredInOneTransactionAndItIsReportedByItsIndex() {
        List<ConsumerRecord<String, String>> records = List.of(
                record(0, "a", "a1"), record(1, "t", null), unreadable(2, "p"), record(3, "b", "b1"));
        List<List<String>> batches = new ArrayList<>();

        assertThatThrownBy(() -> Batches.store(records, ConsumerRecord::key,
                batch -> batches.add(batch.stream().map(ConsumerRecord::key).toList()),
                record -> { throw new AssertionError("no fallback expected"); }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failure -> {
                    assertThat(failure.getIndex()).isEqualTo(2);
                    assertThat(failure).isInstanceOf(Batches.RecordFailed.class).hasCauseInstanceOf(DeserializationException.class);
                });
        // the tombstone (null value, no exception header) is a record like any other
        assertThat(batches).containsExactly(List.of("a", "t"));
    }

    @Test
    void whenTheBatchFailsTheRecordsAreStoredOneByOneAndTheFirstThatFailsIsReported() {
        List<ConsumerRecord<String, String>> records = List.of(record(0, "a", "a1"), record(1, "b", "bad"), record(2, "c", "c1"));
        List<String> stored = new ArrayList<>();

        assertThatThrownBy(() -> Batches.store(records, ConsumerRecord::key,
                batch -> { throw new DataIntegrityViolationException("bad row"); },
                record -> {
                    if ("bad".equals(record.value())) {
                        throw new DataIntegrityViolationException("bad row");
                    }
                    stored.add(record.key());
                }))
                .isInstanceOfSatisfying(Batches.RecordFailed.class, failure -> assertThat(failure.getIndex()).isEqualTo(1));
        assertThat(stored).containsExactly("a");
    }

    @Test
    void outagesAndRecordFaultsAreReportedAsDifferentClasses() {
        assertThat(Batches.failed("x", new CannotCreateTransactionException("no connection"), 0))
                .isInstanceOf(Batches.DependencyUnavailable.class);
        assertThat(Batches.failed("x", new DeserializationException("registry down", new byte[0], false, new TimeoutException("t")), 0))
                .isInstanceOf(Batches.DependencyUnavailable.class);
        assertThat(Batches.failed("x", new DeserializationException("bad bytes", new byte[0], false, new SerializationException("s")), 0))
                .isInstanceOf(Batches.RecordFailed.class);
        assertThat(Batches.failed("x", new DataIntegrityViolationException("null value"), 0))
                .isInstanceOf(Batches.RecordFailed.class);
    }

    private static ConsumerRecord<String, String> record(long offset, String key, String value) {
        return new ConsumerRecord<>("topic", 0, offset, key, value);
    }

    private static ConsumerRecord<String, String> unreadable(long offset, String key) {
        RecordHeaders headers = new RecordHeaders();
        SerializationUtils.deserializationException(headers, new byte[] {1, 2}, new SerializationException("not Avro"), false);
        return new ConsumerRecord<>("topic", 0, offset, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0, 0, key, null, headers, java.util.Optional.empty());
    }
}
