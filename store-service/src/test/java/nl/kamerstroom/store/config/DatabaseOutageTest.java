package nl.kamerstroom.store.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageTest {

    @Test
    void connectionAndTransientFailuresAreOutagesWhereverTheyAreInTheCauseChain() {
        assertThat(DatabaseOutage.isCauseOf(failedListener(new CannotGetJdbcConnectionException("no connection")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(failedListener(new QueryTimeoutException("slow")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(failedListener(new CannotCreateTransactionException(
                "could not open JDBC connection", new SQLTransientConnectionException("pool timed out"))))).isTrue();
    }

    @Test
    void failuresOfTheRecordItselfAreNotOutages() {
        assertThat(DatabaseOutage.isCauseOf(failedListener(new DataIntegrityViolationException("null value")))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(failedListener(new DeserializationException("bad bytes", new byte[] {1}, false, null))))
                .isFalse();
        assertThat(DatabaseOutage.isCauseOf(failedListener(new NullPointerException()))).isFalse();
    }

    private static ListenerExecutionFailedException failedListener(Throwable cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }
}
