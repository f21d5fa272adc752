package no.partnerskap.commitments.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.partnerskap.audit.Checkpoint;
import no.partnerskap.audit.EventRecord;
import no.partnerskap.audit.Hashes;
import no.partnerskap.audit.SigningKeys;
import no.partnerskap.audit.Verifier;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.OrganisationNumbers;
import no.partnerskap.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The database chains every event as it is appended, exactly as the auditor's verifier
 * recomputes it; it refuses changes; checkpoints seal what has settled; and what an
 * administrator does behind the service's back is found.
 */
@CommitmentServiceTest
@TestPropertySource(properties = {"partnerships.audit.checkpoint.settle-time=0s",
        "partnerships.audit.checkpoint.check-interval=1h"})
class HashChainTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestPostgres.Database database;
    @Autowired
    CheckpointSigningKey signingKey;

    @Test
    void events_are_chained_sealed_and_tampering_is_found() {
        Api api = Api.onPort(port);
        String secretariat = api.token("sekretariat", null, "SECRETARIAT");
        for (int i = 0; i < 3; i++) {
            String org = api.post("/api/organisations", secretariat, Map.of("name", "Org " + i,
                    "organisationNumber", OrganisationNumbers.next(), "sector", "BUSINESS")).text("id");
            api.post("/api/organisations/" + org + "/name", secretariat, Map.of("name", "Org " + i + " AS"));
        }
        // the Java canonical form and the database's agree on every stored event
        List<EventRecord> stored = records();
        assertThat(stored).isNotEmpty().allSatisfy(e -> assertThat(e.hashMatches()).as(e.toString()).isTrue());

        Api.Response sealed = api.post("/admin/checkpoints", secretariat, "");
        assertThat(sealed.status()).isEqualTo(201);
        assertThat(sealed.body().path("toPosition").asLong()).isEqualTo(stored.get(stored.size() - 1).globalIndex());
        assertThat(api.post("/admin/checkpoints", api.token("v", null, "VIEWER"), "").status()).isEqualTo(403);
        // an auditor does not seal the history it verifies, whatever other role its token holds
        assertThat(api.post("/admin/checkpoints", api.token("revisor", null, "SECRETARIAT", "AUDITOR"), "").status())
                .isEqualTo(403);
        Api.Response read = api.get("/admin/checkpoints", secretariat);
        assertThat(read.status()).isEqualTo(405);
        assertThat(read.header("Allow")).isEqualTo("POST");
        assertThat(read.text("detail")).contains("projection-service");
        assertThat(api.get("/admin/checkpoints", api.token("v", null, "VIEWER")).status()).isEqualTo(403);
        assertThat(verify().valid()).isTrue();
        assertThat(verify().unsealed()).isEmpty();

        // the service's own role cannot rewrite history
        assertThatThrownBy(() -> jdbc.update("update event_store.domain_event_entry set payload = payload"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from event_store.domain_event_entry"))
                .rootCause().hasMessageContaining("append-only");
        // nor swap or take back a published key: checkpoints re-signed by a forger's key would verify with it
        assertThatThrownBy(() -> jdbc.update("update event_store.signing_key set public_key = 'forged'"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from event_store.signing_key"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update event_store.checkpoint set merkle_root = merkle_root"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload)
                values ('skip', ?, 7, 'Organisation', '2026-01-01T00:00:00Z', 'x', 'x'::bytea)""",
                stored.get(0).aggregateId())).rootCause().hasMessageContaining("previous event is missing");

        // an administrator bypassing the triggers changes one byte of one payload
        EventRecord victim = stored.get(2);
        asAdministrator("update event_store.domain_event_entry set payload = overlay(payload placing '#'::bytea "
                + "from 3 for 1) where global_index = " + victim.globalIndex());
        Verifier.Result result = verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.globalPosition()).isEqualTo(victim.globalIndex());
            assertThat(p.aggregateId()).isEqualTo(victim.aggregateId());
            assertThat(p.sequenceNumber()).isEqualTo(victim.sequenceNumber());
        });
    }

    @Test
    void sealing_now_says_why_when_there_is_nothing_it_may_seal() throws Exception {
        Api api = Api.onPort(port);
        String secretariat = api.token("sekretariat", null, "SECRETARIAT");
        newOrganisation(api, secretariat);
        Api.Response first = api.post("/admin/checkpoints", secretariat, "");
        assertThat(first.status()).isEqualTo(201);

        // every event sealed already: the checkpoint that covers them, to write into the minutes
        Api.Response again = api.post("/admin/checkpoints", secretariat, "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("number").asLong()).isEqualTo(first.body().path("number").asLong());
        assertThat(again.body().path("toPosition").asLong()).isEqualTo(first.body().path("toPosition").asLong());

        // a write transaction older than the newest event is still open: it may yet commit a lower position
        // (the service's role sees its own sessions' transactions: every writer of events is one)
        try (Connection open = database.as(database.commitmentUser(), database.commitmentPassword())
                .getConnection()) {
            open.setAutoCommit(false);
            open.createStatement().execute("select txid_current()");
            newOrganisation(api, secretariat);
            Api.Response notSettled = api.post("/admin/checkpoints", secretariat, "");
            assertThat(notSettled.status()).isEqualTo(409);
            assertThat(notSettled.header("Content-Type")).startsWith("application/problem+json");
            assertThat(notSettled.body().path("type").asText()).isEqualTo("urn:partnerships:checkpoint:not-settled");
            assertThat(notSettled.body().path("unsealedEvents").asLong()).isEqualTo(1);
            assertThat(notSettled.header("Retry-After")).isEqualTo("1");
            open.rollback();
        }
        assertThat(api.post("/admin/checkpoints", secretariat, "").status()).isEqualTo(201);

        // another instance holds the sealing lock
        try (Connection other = database.superuser().getConnection()) {
            other.setAutoCommit(false);
            other.createStatement().execute("select pg_advisory_xact_lock(" + 0x5EA1_0001L + ")");
            Api.Response busy = api.post("/admin/checkpoints", secretariat, "");
            assertThat(busy.status()).isEqualTo(409);
            assertThat(busy.body().path("type").asText()).isEqualTo("urn:partnerships:checkpoint:busy");
            assertThat(busy.header("Retry-After")).isEqualTo("1");
            other.rollback();
        }
    }

    @Test
    void events_younger_than_the_settle_time_wait_until_they_have_settled() {
        Api api = Api.onPort(port);
        String secretariat = api.token("sekretariat", null, "SECRETARIAT");
        newOrganisation(api, secretariat);
        newOrganisation(api, secretariat);
        long unsealed = jdbc.queryForObject("""
                select count(*) from event_store.domain_event_entry
                where global_index > coalesce((select max(to_position) from event_store.checkpoint), 0)""", Long.class);
        CheckpointSealer hourToSettle = new CheckpointSealer(jdbc, signingKey, Clock.systemUTC(), 1000,
                Duration.ofMinutes(10), Duration.ofHours(1));

        CheckpointSealer.Outcome outcome = hourToSettle.seal(true);

        assertThat(outcome).isInstanceOfSatisfying(CheckpointSealer.Outcome.NotSettled.class, notSettled -> {
            assertThat(notSettled.unsealedEvents()).isEqualTo(unsealed).isGreaterThanOrEqualTo(2);
            assertThat(notSettled.retryAfter()).isBetween(Duration.ofMinutes(50), Duration.ofHours(1));
        });
        CheckpointSealer withoutKey = new CheckpointSealer(jdbc, new CheckpointSigningKey("", "", false, jdbc),
                Clock.systemUTC(), 1000, Duration.ofMinutes(10), Duration.ZERO);
        assertThat(withoutKey.seal(true)).isInstanceOf(CheckpointSealer.Outcome.NoSigningKey.class);
    }

    private static void newOrganisation(Api api, String token) {
        assertThat(api.post("/api/organisations", token, Map.of("name", "Org", "organisationNumber",
                OrganisationNumbers.next(), "sector", "BUSINESS")).status()).isEqualTo(201);
    }

    private void asAdministrator(String sql) {
        TestPostgres.execute(database, "set session_replication_role = replica; " + sql);
    }

    private List<EventRecord> records() {
        return jdbc.query("""
                select * from event_store.domain_event_entry order by global_index""",
                (rs, n) -> new EventRecord(rs.getLong("global_index"), rs.getString("type"),
                        rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                        rs.getString("event_identifier"), rs.getString("payload_type"), rs.getString("time_stamp"),
                        new String(rs.getBytes("payload"), StandardCharsets.UTF_8),
                        rs.getBytes("meta_data") == null ? null
                                : new String(rs.getBytes("meta_data"), StandardCharsets.UTF_8),
                        Hashes.hex(rs.getBytes("prev_hash")), Hashes.hex(rs.getBytes("event_hash"))));
    }

    private Verifier.Result verify() {
        List<Checkpoint> checkpoints = jdbc.query("select * from event_store.checkpoint order by number",
                (rs, n) -> Checkpoint.fromRow(rs));
        Map<String, PublicKey> keys = new HashMap<>();
        jdbc.query("select key_id, public_key from event_store.signing_key",
                rs -> {
                    keys.put(rs.getString(1), SigningKeys.readPublic(rs.getString(2)));
                });
        Verifier verifier = new Verifier(checkpoints, keys);
        records().forEach(verifier::accept);
        return verifier.finish();
    }
}
