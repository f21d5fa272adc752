package no.partnerskap.commitments.idempotency;

import java.time.Duration;
import no.partnerskap.security.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets Idempotency-Keys once no client retries with them any more: each row names the person whose token sent
 * the request (the subject) and a key the client chose, and kept for ever it is personal data with no use. A
 * request repeated with a forgotten key is a new request.
 */
@Component
class IdempotencyKeyExpiry {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyExpiry.class);

    private final JdbcTemplate jdbc;
    private final Duration retention;

    IdempotencyKeyExpiry(JdbcTemplate jdbc, @Value("${partnerships.idempotency.retention:30d}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${partnerships.idempotency.expiry-interval:1h}", initialDelayString = "1m")
    void expireWhenDue() {
        try {
            int forgotten = expire();
            if (forgotten > 0) {
                log.info("Forgot {} Idempotency-Keys older than {}", forgotten, retention);
            }
        } catch (RuntimeException e) {
            DatabaseOutage.logFailedTry(log, "Forgetting old Idempotency-Keys", e);
        }
    }

    /** Deletes the keys first used longer ago than the retention; returns how many. */
    int expire() {
        return jdbc.update("delete from event_store.idempotency_key where created_at < now() - ?::interval",
                retention.toSeconds() + " seconds");
    }
}
