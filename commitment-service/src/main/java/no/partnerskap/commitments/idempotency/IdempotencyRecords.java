package no.partnerskap.commitments.idempotency;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Remembered answers per (subject, Idempotency-Key), written in the command's own transaction. */
@Component
class IdempotencyRecords {

    record Prior(String fingerprint, CommandOutcome outcome) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request, or returns the earlier request's answer. A concurrent
     * request with the same key waits on the row until the first commits or rolls back.
     */
    Optional<Prior> claim(String subject, String key, String fingerprint) {
        int inserted = jdbc.update("""
                insert into event_store.idempotency_key (subject, idempotency_key, request_fingerprint)
                values (?, ?, ?) on conflict do nothing""", subject, key, fingerprint);
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
