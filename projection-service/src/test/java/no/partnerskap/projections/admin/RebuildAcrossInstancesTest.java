package no.partnerskap.projections.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.ReadSide;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A rebuild when there are other instances: it pauses the processor on them and resets once they
 * have let go of their segments; another instance's rebuild pauses it here. The other instance is
 * played by rows in the token store and the pause table, as it would write them.
 */
@ProjectionServiceTest
@TestPropertySource(properties = {"partnerships.read-your-writes.max-wait=300ms",
        "partnerships.projection.rebuild-wait=8s"})
class RebuildAcrossInstancesTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Serializer serializer;
    @Autowired
    EventProcessingConfiguration processing;

    Api api;
    String secretariat;

    @BeforeEach
    void caughtUp() {
        api = Api.onPort(port);
        secretariat = tokens.token("sekretariat@vlfk.no", null, "SECRETARIAT");
        events.append(new OrganisationRegistered(UUID.randomUUID(), "Delt AS", "974760673", Sector.BUSINESS));
        awaitCaughtUp();
    }

    /**
     * A read that came in as a rebuild began waited for the reset's transaction, then read the tables it had emptied:
     * 404 for an organisation that exists. Its answer is the rebuild's 503 instead. The reset is played by a
     * transaction that holds the table, and stores a replay's tokens, as the reset does.
     */
    @Test
    void a_read_that_waited_for_the_reset_answers_that_the_read_model_is_being_rebuilt() throws Exception {
        UUID organisation = UUID.randomUUID();
        events.append(new OrganisationRegistered(organisation, "Venter AS", "923609016", Sector.BUSINESS));
        awaitCaughtUp();
        List<Map<String, Object>> before = jdbc.queryForList(
                "select segment, token, token_type from token_entry where processor_name = 'organisations'");
        TrackingToken replaying = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(1000, Set.of()),
                GapAwareTrackingToken.newInstance(0, Set.of()));
        SerializedObject<byte[]> stored = serializer.serialize(replaying, byte[].class);
        CompletableFuture<Api.Response> read;
        CompletableFuture<Api.Response> list;
        // as the rebuilding instance does, the processor stops before the reset
        StreamingEventProcessor organisations = processing.eventProcessor("organisations",
                StreamingEventProcessor.class).orElseThrow();
        organisations.shutDown();
        try (Connection reset = jdbc.getDataSource().getConnection()) {
            reset.setAutoCommit(false);
            reset.createStatement().execute("lock table organisation_view in access exclusive mode");
            read = CompletableFuture.supplyAsync(() -> api.get("/api/organisations/" + organisation, secretariat));
            // and one whose answer would be a list, too short
            list = CompletableFuture.supplyAsync(() -> api.get("/api/commitments/overdue", secretariat));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and query like '%organisation_view%'""", Long.class) > 1);
            reset.createStatement().execute("delete from organisation_view");
            try (var tokens = reset.prepareStatement(
                    "update token_entry set token = ?, token_type = ? where processor_name = 'organisations'")) {
                tokens.setBytes(1, stored.getData());
                tokens.setString(2, stored.getType().getName());
                tokens.executeUpdate();
            }
            reset.commit();
        }
        try {
            Api.Response answer = read.get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(503);
            assertThat(answer.text("type")).isEqualTo("urn:partnerships:rebuild:read-model-rebuilding");
            assertThat(answer.header("Retry-After")).isEqualTo("10");
            Api.Response listed = list.get(10, TimeUnit.SECONDS);
            assertThat(listed.status()).as(listed.body().toString()).isEqualTo(503);
            assertThat(listed.text("type")).isEqualTo("urn:partnerships:rebuild:read-model-rebuilding");
        } finally {
            for (Map<String, Object> row : before) {
                jdbc.update("update token_entry set token = ?, token_type = ? "
                                + "where processor_name = 'organisations' and segment = ?",
                        row.get("token"), row.get("token_type"), row.get("segment"));
            }
            organisations.start();
            // the rows the stand-in reset took away come back with a real rebuild
            assertThat(api.post("/admin/projections/organisations/replay", secretariat, "").status()).isEqualTo(202);
        }
        awaitCaughtUp();
        assertThat(api.get("/api/organisations/" + organisation, secretariat).status()).isEqualTo(200);
    }

    @Test
    void a_rebuild_waits_until_another_instance_lets_go_of_its_segment() {
        claimElsewhere(Instant.now());
        try {
            CompletableFuture<Api.Response> replay = CompletableFuture.supplyAsync(() ->
                    api.post("/admin/projections/organisations/replay", secretariat, ""));
            // it asks the other instances to stop the processor, and waits for them
            await().atMost(Duration.ofSeconds(5)).until(() -> !pauses().isEmpty());
            assertThat(replay).isNotDone();
            jdbc.update("delete from token_entry where processor_name = 'organisations' and segment = 1");
            // (this store is small: the replay may be over by the time the answer is written)
            Api.Response answer = replay.join();
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
            assertThat(answer.text("name")).isEqualTo("organisations");
        } finally {
            jdbc.update("delete from token_entry where processor_name = 'organisations' and segment = 1");
        }
        assertThat(pauses()).as("the pause is lifted").isEmpty();
        awaitCaughtUp();
    }

    @Test
    void a_segment_another_instance_keeps_is_refused_with_its_holder_and_changes_nothing() {
        List<String> before = jdbc.queryForList("select to_jsonb(t)::text from organisation_view t order by 1",
                String.class);
        // a claim that does not expire while the rebuild waits: an instance that ignores the pause
        claimElsewhere(Instant.now().plus(Duration.ofHours(1)));
        try {
            Api.Response refused = api.post("/admin/projections/organisations/replay", secretariat, "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.text("type")).isEqualTo("urn:partnerships:rebuild:segment-held-elsewhere");
            assertThat(refused.header("Retry-After")).as("asking again does not help").isNull();
            assertThat(refused.text("detail")).contains("segment 1 (projection-2@elsewhere)")
                    .contains("nothing was changed");
            JsonNode status = api.get("/admin/projections/organisations", secretariat).body();
            assertThat(status.path("running").asBoolean()).as(status.toString()).isTrue();
            assertThat(status.path("replaying").asBoolean()).as(status.toString()).isFalse();
            assertThat(jdbc.queryForList("select to_jsonb(t)::text from organisation_view t order by 1",
                    String.class)).isEqualTo(before);
            assertThat(pauses()).as("the pause is lifted").isEmpty();
        } finally {
            jdbc.update("delete from token_entry where processor_name = 'organisations' and segment = 1");
        }
        awaitCaughtUp();
    }

    @Test
    void another_instance_s_rebuild_pauses_the_processor_here_until_it_has_reset() {
        // renewed, as a live instance renews its pause, for as long as the test needs it
        jdbc.update("insert into processor_pause (processor_name, requested_by, requested_at) "
                + "values (?, ?, now() + interval '1 minute')",
                "organisations", "projection-2");
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode status = api.get("/admin/projections/organisations", secretariat).body();
                assertThat(status.path("running").asBoolean()).as(status.toString()).isFalse();
                assertThat(status.path("segmentsClaimed").asInt()).as(status.toString()).isZero();
                assertThat(status.path("pausedForRebuild").asBoolean()).as(status.toString()).isTrue();
            });
            assertThat(api.get("/admin/projections/partnership-follow-up", secretariat).body().path("running")
                    .asBoolean()).as("only that processor").isTrue();
            Api.Response second = api.post("/admin/projections/organisations/replay", secretariat, "");
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.text("detail")).contains("another instance is rebuilding processor 'organisations'");
            assertThat(second.text("type")).isEqualTo("urn:partnerships:rebuild:rebuild-underway");
            assertThat(second.header("Retry-After")).isEqualTo("10");
            assertThat(second.header("Location")).isEqualTo("/admin/projections/organisations");
        } finally {
            jdbc.update("delete from processor_pause where processor_name = 'organisations'");
        }
        // the pause lifted, it runs here again and takes up the events since
        UUID later = UUID.randomUUID();
        events.append(new OrganisationRegistered(later, "Etterpå AS", "923609016", Sector.BUSINESS));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from organisation_view where organisation_id = ?", Long.class, later)).isEqualTo(1));
        awaitCaughtUp();
        assertThat(api.get("/admin/projections/organisations", secretariat).body().path("pausedForRebuild")
                .asBoolean()).isFalse();
    }

    /** An instance that crashed while resetting leaves its pause behind: it ends once nobody renews it. */
    @Test
    void a_pause_its_instance_no_longer_renews_ends_within_seconds() {
        jdbc.update("insert into processor_pause (processor_name, requested_by, requested_at) values (?, ?, now())",
                "organisations", "crashed-instance");
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/admin/projections/organisations",
                    secretariat).body().path("pausedForRebuild").asBoolean());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode status = api.get("/admin/projections/organisations", secretariat).body();
                assertThat(status.path("running").asBoolean()).as(status.toString()).isTrue();
                assertThat(status.path("pausedForRebuild").asBoolean()).as(status.toString()).isFalse();
            });
        } finally {
            jdbc.update("delete from processor_pause where processor_name = 'organisations'");
        }
        awaitCaughtUp();
    }

    @Test
    void another_instance_s_rebuild_shows_on_the_pages_of_one_that_holds_none_of_its_segments() {
        assertThat(page()).doesNotContain("id=\"rebuilding\"");
        // renewed, as a live instance renews its pause, for as long as the test needs it
        jdbc.update("insert into processor_pause (processor_name, requested_by, requested_at) "
                + "values (?, ?, now() + interval '1 minute')",
                "organisations", "projection-2");
        List<Map<String, Object>> before = jdbc.queryForList(
                "select segment, token, token_type from token_entry where processor_name = 'organisations'");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/admin/projections/organisations",
                    secretariat).body().path("segmentsClaimed").asInt() == 0);
            // the other instance has reset every segment and replayed a quarter of the way to where it was
            TrackingToken quarterWay = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(1000, Set.of()),
                    GapAwareTrackingToken.newInstance(250, Set.of()));
            SerializedObject<byte[]> stored = serializer.serialize(quarterWay, byte[].class);
            jdbc.update("update token_entry set token = ?, token_type = ?, owner = ?, time_stamp = ? "
                            + "where processor_name = 'organisations'", stored.getData(), stored.getType().getName(),
                    "projection-2@elsewhere", Instant.now().toString());
            assertThat(page()).contains("id=\"rebuilding\"").contains("(25% done)");
        } finally {
            for (Map<String, Object> row : before) {
                jdbc.update("update token_entry set token = ?, token_type = ?, owner = null "
                                + "where processor_name = 'organisations' and segment = ?",
                        row.get("token"), row.get("token_type"), row.get("segment"));
            }
            jdbc.update("delete from processor_pause where processor_name = 'organisations'");
        }
        awaitCaughtUp();
        assertThat(page()).doesNotContain("id=\"rebuilding\"");
    }

    private String page() {
        Api.Response page = api.get("/pages/overdue?lang=en", secretariat, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        return page.raw().body();
    }

    private void claimElsewhere(Instant at) {
        jdbc.update("insert into token_entry (processor_name, segment, time_stamp, owner) values (?, 1, ?, ?)",
                "organisations", at.toString(), "projection-2@elsewhere");
    }

    /** The instances that have paused the organisations processor. */
    private List<String> pauses() {
        return jdbc.queryForList("select requested_by from processor_pause where processor_name = 'organisations'",
                String.class);
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> ReadSide.caughtUp(api, secretariat));
    }
}
