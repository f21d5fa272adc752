package no.partnerskap.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.Days;
import no.partnerskap.testsupport.OrganisationNumbers;
import no.partnerskap.testsupport.ReadSide;
import no.partnerskap.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * projection-service as separate processes: two instances share the processors' segments and
 * apply every event exactly once, and rebuild a read model together when one is asked to; an
 * instance killed in the middle of a replay resumes after a restart. In each case the read models
 * end up identical to a single-instance full rebuild.
 */
class ProjectionInstancesTest {

    private static final List<String> PROCESSORS = List.of("organisations", "partnership-follow-up", "commitments");
    private static final List<String> TABLES = List.of("organisation_view", "partnership_view", "partnership_member",
            "membership_period", "goal_view", "goal_revision", "meeting_view", "meeting_attendance", "disagreement_view",
            "commitment_view", "commitment_resource", "commitment_entry", "milestone_view", "indicator_value");

    @Test
    void two_instances_split_the_work_and_a_replay_survives_a_kill() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        JdbcTemplate superuser = new JdbcTemplate(db.superuser());
        Path keys = Files.createTempDirectory("projection-instances");
        int commitmentPort = ServiceProcess.freePort();
        ServiceProcess commitments = new ServiceProcess("commitment-history", "commitment.jar", commitmentPort,
                List.of("--spring.profiles.active=local", "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + db.commitmentUser(),
                        "--spring.datasource.password=" + db.commitmentPassword(),
                        "--partnerships.dev-issuer.key-file=" + keys.resolve("dev-key.json"),
                        "--partnerships.audit.checkpoint.check-interval=1h"));
        List<String> projectionArgs = List.of("--spring.profiles.active=local",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.projectionUser(),
                "--spring.datasource.password=" + db.projectionPassword(),
                "--partnerships.commitment-service-url=http://127.0.0.1:" + commitmentPort);
        try (commitments) {
            commitments.start();
            Api write = Api.onPort(commitmentPort);
            String secretariat = write.token("sekretariat", null, "SECRETARIAT");
            history(write, secretariat);

            // two instances, each allowed one of each processor's two segments
            List<String> sharing = new ArrayList<>(projectionArgs);
            sharing.add("--partnerships.projection.max-claimed-segments=1");
            ServiceProcess first = new ServiceProcess("projection-1", "projection.jar", ServiceProcess.freePort(),
                    sharing);
            ServiceProcess second = new ServiceProcess("projection-2", "projection.jar", ServiceProcess.freePort(),
                    sharing);
            String shared;
            try (first; second) {
                first.start();
                second.start();
                awaitSharing(List.of(first, second), secretariat);
                shared = checksum(superuser);

                // a rebuild asked of one of the two: the other stops the processor for the reset, then both
                // take their share of the replay
                Api.Response rebuild = Api.onPort(first.port()).post("/admin/projections/commitments/replay",
                        secretariat, "");
                assertThat(rebuild.status()).as(rebuild.body().toString()).isEqualTo(202);
                awaitSharing(List.of(first, second), secretariat);
                assertThat(checksum(superuser)).as("rebuilt by two instances = built live").isEqualTo(shared);
            }

            // one instance rebuilds everything from the first event; kill it half way through one replay
            ServiceProcess single = new ServiceProcess("projection-single", "projection.jar",
                    ServiceProcess.freePort(), List.of(projectionArgs.get(0), projectionArgs.get(1),
                    projectionArgs.get(2), projectionArgs.get(3), projectionArgs.get(4),
                    "--axon.eventhandling.processors.commitments.batch-size=1"));
            try (single) {
                single.start();
                Api read = Api.onPort(single.port());
                // the answer comes once the replay has begun (one event per transaction, so that it lasts):
                // kill at once, before it can end
                Api.Response replay = read.post("/admin/projections/commitments/replay", secretariat, "");
                assertThat(replay.status()).isEqualTo(202);
                assertThat(replay.body().path("replaying").asBoolean()).as(replay.body().toString()).isTrue();
                single.kill();
                single.start();
                await().atMost(Duration.ofSeconds(90)).until(() -> caughtUp(single, secretariat));
                String resumed = checksum(superuser);
                assertThat(resumed).as("resumed after a kill mid-replay = two instances").isEqualTo(shared);

                for (String name : PROCESSORS) {
                    assertThat(read.post("/admin/projections/" + name + "/replay", secretariat, "").status())
                            .isEqualTo(202);
                }
                await().atMost(Duration.ofSeconds(90)).until(() -> caughtUp(single, secretariat));
                assertThat(checksum(superuser)).as("full single-instance rebuild = two instances").isEqualTo(shared);
            }
            long events = superuser.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
            System.out.printf("Projection instances: %d events, read models identical across two instances, a "
                    + "replay killed and resumed, and a full rebuild (checksum %s)%n", events, shared);
        }
    }

    /** A partnership with members and goals, and commitments with reports, outcomes and revisions. */
    private static void history(Api api, String secretariat) throws Exception {
        List<String> orgs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            orgs.add(api.post("/api/organisations", secretariat, Map.of("name", "Org " + i, "organisationNumber",
                    OrganisationNumbers.next(), "sector", "BUSINESS")).text("id"));
        }
        String p = api.post("/api/partnerships", secretariat, Map.of("name", "P", "kind", "STRATEGIC", "mandate", "M",
                "period", Map.of("from", "2026-01-01"), "convenorOrganisationId", orgs.get(0))).text("id");
        for (String org : orgs.subList(1, 4)) {
            api.post("/api/partnerships/" + p + "/members", secretariat, Map.of("organisationId", org, "role",
                    "PARTNER", "representation", "MANAGEMENT"));
        }
        String goal = api.post("/api/partnerships/" + p + "/goals", secretariat, Map.of("title", "G", "baseline", 0,
                "target", 100, "sdgTargets", List.of("9.5"))).text("goalId");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (String org : orgs) {
            String partner = api.token("p-" + org, org, "PARTNER");
            work.add(pool.submit(() -> {
                for (int c = 0; c < 10; c++) {
                    String id = api.post("/api/partnerships/" + p + "/commitments", partner, Map.of("organisationId",
                            org, "title", "C" + c, "goalIds", List.of(goal), "dueDate", "2030-01-01", "resources",
                            List.of(Map.of("kind", "FUNDING", "amount", 1000 + c, "unit", "NOK")))).text("id");
                    for (int r = 1; r <= 5; r++) {
                        api.post("/api/commitments/" + id + "/progress-reports", partner, Map.of("percentComplete",
                                r * 15, "asOf", Days.today()));
                    }
                    if (c % 2 == 0) {
                        api.post("/api/commitments/" + id + "/outcome", partner, Map.of("result", "FULFILLED",
                                "indicatorValues", List.of(Map.of("goalId", goal, "value", c)),
                                "resourcesDelivered", List.of(Map.of("kind", "FUNDING", "amount", 900, "unit", "NOK"))));
                    } else {
                        api.post("/api/commitments/" + id + "/revision", partner, Map.of("title", "C" + c + "b",
                                "description", "D", "goalIds", List.of(goal), "resources", List.of(Map.of("kind", "FUNDING", "amount", 5,
                                        "unit", "NOK")), "reason", "endret"));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
    }

    /** Until each instance holds one segment of every processor, at the head of the store. */
    private static void awaitSharing(List<ServiceProcess> instances, String token) {
        for (ServiceProcess instance : instances) {
            await().atMost(Duration.ofSeconds(60)).until(() -> PROCESSORS.stream().allMatch(name -> {
                JsonNode status = status(instance, token, name);
                return status.path("segmentsClaimed").asInt() == 1 && status.path("caughtUp").asBoolean();
            }));
        }
    }

    private static JsonNode status(ServiceProcess instance, String token, String processor) {
        return Api.onPort(instance.port()).get("/admin/projections/" + processor, token).body();
    }

    private static boolean caughtUp(ServiceProcess instance, String token) {
        return ReadSide.caughtUp(Api.onPort(instance.port()), token);
    }

    /** One digest over every read-model table's rows in a fixed order. */
    private static String checksum(JdbcTemplate jdbc) {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            all.append(table).append('=').append(jdbc.queryForObject("select coalesce(md5(string_agg(t::text, '|' "
                    + "order by t::text)), 'empty') from projection." + table + " t", String.class)).append(';');
        }
        return all.toString();
    }
}
