package no.partnerskap.projections.completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.projections.admin.ProjectionAdmin;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The gap-timeout trap: a write transaction holds a global position open, commits long after
 * its neighbours were read, and the processor has already given the gap up. The completeness
 * check finds the skipped event; a replay brings it in. And the other side of it: a position left
 * empty for good holds the council report back for the gap timeout only.
 */
@ProjectionServiceTest
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = {"spring.datasource.hikari.pool-name=gap", "partnerships.projection.gap-timeout=2s",
        "partnerships.projection.completeness-interval=1s"})
class GapTimeoutTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    ProjectionAdmin processors;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestPostgres.Database database;

    @Test
    void an_event_committed_after_the_gap_timeout_is_caught_by_the_completeness_check() throws Exception {
        Api api = Api.onPort(port);
        String secretariat = tokens.token("sekretariat", null, "SECRETARIAT");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("/actuator/prometheus", null)
                .raw().body()).contains("partnerships_projection_missing{processor=\"organisations\"} 0.0"));
        UUID late = UUID.randomUUID();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        long latePosition;
        try (Connection slow = database.as(database.commitmentUser(), database.commitmentPassword()).getConnection()) {
            slow.setAutoCommit(false);
            latePosition = insert(slow, late, anHourAgo);
            // a later event commits first; its timestamp is older than the gap timeout, so the
            // processor does not wait for the open position below it
            events.append(anHourAgo, Map.of(), new OrganisationRegistered(UUID.randomUUID(), "Tidlig", "974760673",
                    Sector.OTHER));
            long head = jdbc().queryForObject("select max(global_index) from event_store.domain_event_entry",
                    Long.class);
            assertThat(head).isGreaterThan(latePosition);
            awaitPosition(head);
            slow.commit();
        }
        events.append(new OrganisationRegistered(UUID.randomUUID(), "Etter", "923609016", Sector.OTHER));
        awaitPosition(jdbc().queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class));

        // the gauge finds it by itself, with nobody asking for the check
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("/actuator/prometheus", null)
                .raw().body()).contains("partnerships_projection_missing{processor=\"organisations\"} 1.0"));
        JsonNode check = api.get("/admin/projections/completeness", secretariat).body();
        JsonNode organisations = check.get(0);
        assertThat(organisations.path("processor").asText()).isEqualTo("organisations");
        assertThat(organisations.path("missing")).singleElement()
                .satisfies(m -> assertThat(m.path("aggregateId").asText()).isEqualTo(late.toString()));
        assertThat(api.get("/actuator/prometheus", null).raw().body())
                .contains("partnerships_projection_missing{processor=\"organisations\"} 1.0");

        assertThat(api.post("/admin/projections/organisations/replay", secretariat, "").status()).isEqualTo(202);
        // the replay starts from position 0, where nothing is missing yet: wait until it has passed the head
        awaitPosition(jdbc().queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class));
        assertThat(api.get("/admin/projections/completeness", secretariat).body().get(0).path("missing")).isEmpty();
        assertThat(jdbc().queryForObject("select count(*) from projection.organisation_view where organisation_id = ?",
                Long.class, late)).isEqualTo(1);
    }

    @Test
    void a_position_a_rolled_back_write_left_empty_holds_the_council_report_back_for_the_gap_timeout_only()
            throws Exception {
        Api api = Api.onPort(port);
        String secretariat = tokens.token("sekretariat", null, "SECRETARIAT");
        long start = System.nanoTime();
        // a write that took its position and rolled back, as a conflict commitment-service retries does
        long empty;
        try (Connection rolledBack = database.as(database.commitmentUser(), database.commitmentPassword())
                .getConnection()) {
            rolledBack.setAutoCommit(false);
            empty = insert(rolledBack, UUID.randomUUID(), Instant.now());
            rolledBack.rollback();
        }
        events.append(new OrganisationRegistered(UUID.randomUUID(), "Etter tilbakerulling", "923609016",
                Sector.OTHER));
        long head = jdbc().queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class);
        assertThat(head).isGreaterThan(empty);
        // the processors wait for the empty position as for a transaction still open, then give it up
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> Long.parseLong(
                api.get("/api/reports/council?year=2026", secretariat).header("X-Event-Position")) >= head);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not before the gap timeout")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    private void awaitPosition(long position) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Long at = processors.status("organisations").position();
            return at != null && at >= position;
        });
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(database.superuser());
    }

    private static long insert(Connection connection, UUID organisation, Instant at) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload, meta_data)
                values (?, ?, 0, 'Organisation', ?, ?, convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))
                returning global_index""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, organisation.toString());
            insert.setString(3, at.toString());
            insert.setString(4, OrganisationRegistered.class.getName());
            insert.setString(5, "{\"organisationId\":\"" + organisation + "\",\"name\":\"Sen\","
                    + "\"organisationNumber\":\"986105174\",\"sector\":\"OTHER\"}");
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
