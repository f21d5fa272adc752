package no.partnerskap.commitments.eventstore;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Axon's default JDBC resolver does not know PostgreSQL's unique_violation, so two appends of
 * the same aggregate sequence number would surface as a non-retryable store failure. With
 * this, the loser gets a ConcurrencyException, which the command gateway retries.
 */
class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
