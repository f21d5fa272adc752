package no.partnerskap.projections.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Rebuilds asked for at once, or one right after another (a retrying script, two operators): the commitments
 * processor, a tracking one with two segments here as in production, must come out of them holding both, with
 * every commitment in its read model. Stopped while still taking up its segments, it lost a thread for good, and
 * the commitments of one segment stopped reaching the read model until a restart.
 */
@ProjectionServiceTest
@TestPropertySource(properties = "axon.eventhandling.processors.commitments.initial-segment-count=2")
class ConcurrentReplaysTest {

    static final int COMMITMENTS = 40;

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rebuilds_asked_for_at_once_or_in_a_row_leave_every_segment_processed() {
        Api api = Api.onPort(port);
        String secretariat = tokens.token("sekretariat@vlfk.no", null, "SECRETARIAT");
        for (int i = 0; i < COMMITMENTS; i++) {
            events.append(new CommitmentRecorded(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    "Tiltak " + i, null, List.of(), List.of(), LocalDate.of(2030, 1, 1), LocalDate.of(2026, 1, 1)));
        }
        awaitEveryCommitmentProjected(api, secretariat);

        for (int round = 0; round < 3; round++) {
            List<CompletableFuture<Api.Response>> replays = IntStream.range(0, 4).mapToObj(i ->
                    CompletableFuture.supplyAsync(() ->
                            api.post("/admin/projections/commitments/replay", secretariat, ""))).toList();
            List<Integer> answers = replays.stream().map(CompletableFuture::join).map(Api.Response::status).toList();
            assertThat(answers).as("one rebuild runs, the others are told it does").contains(202)
                    .allMatch(status -> status == 202 || status == 409);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/admin/projections/commitments/replay", secretariat, "").status()).isEqualTo(202);
        }

        awaitEveryCommitmentProjected(api, secretariat);
    }

    private void awaitEveryCommitmentProjected(Api api, String secretariat) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode status = api.get("/admin/projections/commitments", secretariat).body();
            assertThat(status.path("segmentsTotal").asInt()).as(status.toString()).isEqualTo(2);
            assertThat(status.path("segmentsClaimed").asInt()).as(status.toString()).isEqualTo(2);
            assertThat(status.path("caughtUp").asBoolean()).as(status.toString()).isTrue();
            assertThat(jdbc.queryForObject("select count(*) from commitment_view", Integer.class))
                    .isEqualTo(COMMITMENTS);
        });
    }
}
