package no.partnerskap.commitments.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Idempotency-Keys (who sent a request, and the key the client chose) are kept 30 days by default, then forgotten. */
@CommitmentServiceTest
class IdempotencyKeyExpiryTest {

    @Autowired
    IdempotencyKeyExpiry expiry;
    @Autowired
    TestPostgres.Database database;

    @Test
    void keys_older_than_the_retention_are_forgotten_and_younger_ones_kept() {
        JdbcTemplate jdbc = new JdbcTemplate(database.superuser());
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        jdbc.update("insert into event_store.idempotency_key (subject, idempotency_key, request_fingerprint, outcome, "
                + "created_at) values ('kari@example.no', ?, 'f', null, now() - interval '31 days')", old);
        jdbc.update("insert into event_store.idempotency_key (subject, idempotency_key, request_fingerprint, outcome, "
                + "created_at) values ('kari@example.no', ?, 'f', null, now() - interval '29 days')", recent);

        assertThat(expiry.expire()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForList("select idempotency_key from event_store.idempotency_key "
                + "where idempotency_key in (?, ?)", String.class, old, recent)).containsExactly(recent);
    }
}
