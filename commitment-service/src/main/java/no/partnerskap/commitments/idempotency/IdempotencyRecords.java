package no.partnerskap.commitments.idempotency;

import java.sql.SQLException;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Remembered answers per (subject, Idempotency-Key), written in the command's own transaction. */
@Component
class IdempotencyRecords {

    record Prior(String fingerprint, CommandOutcome outcome) {
    }

    /** How long a request waits for the first one with its key to finish (most finish within milliseconds). */
    static final String IN_PROGRESS_WAIT = "1s";
    /** PostgreSQL's SQLState when the wait for a lock timed out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request, or returns the earlier request's answer. A concurrent request with the same
     * key on another instance (on this one, {@link KeysInFlight} holds it back) waits on the row until the first
     * commits or rolls back, for {@link #IN_PROGRESS_WAIT} at most: retries of a request held up would otherwise
     * pile up on the row, each holding a database connection, until there are none left for anybody.
     */
    Optional<Prior> claim(String subject, String key, String fingerprint) {
        int inserted;
        try {
            jdbc.execute("set local lock_timeout = '" + IN_PROGRESS_WAIT + "'");
            inserted = jdbc.update("""
                    insert into event_store.idempotency_key (subject, idempotency_key, request_fingerprint)
                    values (?, ?, ?) on conflict do nothing""", subject, key, fingerprint);
            jdbc.execute("set local lock_timeout to default");
        } catch (DataAccessException failure) {
            if (failure.getMostSpecificCause() instanceof SQLException sql
                    && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                throw new IdempotencyKeyInProgress(key);
            }
            throw failure;
        }
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject("""
                select request_fingerprint, outcome from event_store.idempotency_key
                where subject = ? and idempotency_key = ?""",
                (rs, n) -> new Prior(rs.getString(1), CommandOutcome.parse(rs.getString(2))), subject, key));
    }

    void complete(String subject, String key, CommandOutcome outcome) {
        jdbc.update("update event_store.idempotency_key set outcome = ? where subject = ? and idempotency_key = ?",
                outcome.stored(), subject, key);
    }
}
