package nl.kamerstroom.store.config;

import java.util.Arrays;

import nl.kamerstroom.support.TransientFailures;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells failures of the database (or the way to it) from failures of the record being stored. Only the first kind
 * can go away by waiting, and a record must never be dead-lettered for it.
 */
public final class DatabaseOutage {

    @SuppressWarnings("unchecked")
    static final Class<? extends Exception>[] CLASSES = new Class[] {
            // includes CannotGetJdbcConnectionException
            DataAccessResourceFailureException.class,
            // timeouts, lock and serialization failures: the same statement can succeed later
            TransientDataAccessException.class,
            // the transaction manager wraps a failure to get a connection in this one, not in a DataAccessException
            CannotCreateTransactionException.class};

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or any exception that caused it, says the database could not be used. */
    public static boolean isCauseOf(Throwable failure) {
        return TransientFailures.causedBy(failure, cause -> Arrays.stream(CLASSES).anyMatch(outage -> outage.isInstance(cause)));
    }
}
