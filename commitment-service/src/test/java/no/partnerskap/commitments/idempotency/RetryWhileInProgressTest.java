package no.partnerskap.commitments.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.commitments.support.OneCommitment;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client retries with the same Idempotency-Key while its first request is held up (here by a lock on the
 * member's row, as a long departure would hold it). The retry is told the first is still in progress instead of
 * waiting behind it: retries piled up there, each holding a database connection, until other clients' writes were
 * refused for want of one. Once the first is done, a retry gets its answer.
 */
@CommitmentServiceTest
class RetryWhileInProgressTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPostgres.Database database;

    @Test
    void a_retry_while_the_first_request_is_held_up_is_told_so_and_later_gets_the_first_answer() throws Exception {
        Api api = Api.onPort(port);
        OneCommitment one = OneCommitment.create(api);
        String key = "commitment-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("organisationId", one.organisation(), "title", "Holdt opp",
                "dueDate", "2030-01-01");
        String path = "/api/partnerships/" + one.partnership() + "/commitments";

        CompletableFuture<Api.Response> first;
        try (Connection holder = database.superuser().getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from event_store.membership_lookup "
                    + "where partnership_id = ?::uuid and organisation_id = ?::uuid for update")) {
                lock.setString(1, one.partnership());
                lock.setString(2, one.organisation());
                lock.executeQuery().close();
            }
            first = CompletableFuture.supplyAsync(() -> api.post(path, one.partner(), body, "Idempotency-Key", key));
            JdbcTemplate jdbc = new JdbcTemplate(database.superuser());
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from pg_locks where not granted", Integer.class) > 0);

            Api.Response retry = CompletableFuture.supplyAsync(() ->
                    api.post(path, one.partner(), body, "Idempotency-Key", key)).get(30, TimeUnit.SECONDS);
            assertThat(retry.status()).as(retry.body().toString()).isEqualTo(409);
            assertThat(retry.header("Retry-After")).isEqualTo("1");
            assertThat(retry.text("detail")).contains("still being processed");
            assertThat(first).isNotDone();
            holder.rollback();
        }

        Api.Response stored = first.get(30, TimeUnit.SECONDS);
        assertThat(stored.status()).as(stored.body().toString()).isEqualTo(201);
        Api.Response replayed = api.post(path, one.partner(), body, "Idempotency-Key", key);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.text("id")).isEqualTo(stored.text("id"));
    }

    /** The same when the first request is being processed by another instance: the retries meet at the key's row. */
    @Test
    void a_request_whose_key_another_instance_is_processing_is_told_so() throws Exception {
        Api api = Api.onPort(port);
        OneCommitment one = OneCommitment.create(api);
        String key = "report-" + UUID.randomUUID();
        String path = "/api/commitments/" + one.commitment() + "/progress-reports";
        Map<String, Object> body = Map.of("percentComplete", 20, "asOf", no.partnerskap.testsupport.Days.today());
        try (Connection otherInstance = database.superuser().getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement claim = otherInstance.prepareStatement("insert into event_store.idempotency_key "
                    + "(subject, idempotency_key, request_fingerprint) values ('partner', ?, 'its request')")) {
                claim.setString(1, key);
                claim.executeUpdate();
            }
            Api.Response retry = CompletableFuture.supplyAsync(() ->
                    api.post(path, one.partner(), body, "Idempotency-Key", key)).get(30, TimeUnit.SECONDS);
            assertThat(retry.status()).as(retry.body().toString()).isEqualTo(409);
            assertThat(retry.header("Retry-After")).isEqualTo("1");
            otherInstance.rollback();
        }
        // the other instance's request failed and claimed nothing: this one is the first now
        assertThat(api.post(path, one.partner(), body, "Idempotency-Key", key).status()).isEqualTo(200);
    }
}
