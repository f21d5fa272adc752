package no.partnerskap.projections.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.ReadSide;
import no.partnerskap.testsupport.TestPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * After a short database outage an instance whose segments other instances now process holds none,
 * and Axon keeps its processor flagged in error until it would next process a segment of its own:
 * that is not a failure, and the status and the failing gauge must not say so for good.
 */
@ProjectionServiceTest
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "partnerships.projection.coordinator-error-test=own-database")
class CoordinatorErrorTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestPostgres.Database database;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void an_instance_whose_segments_others_process_is_not_failing_after_an_outage() {
        Api api = Api.onPort(port);
        String secretariat = tokens.token("sekretariat@vlfk.no", null, "SECRETARIAT");
        await().atMost(Duration.ofSeconds(60)).until(() -> ReadSide.caughtUp(api, secretariat));
        StreamingEventProcessor organisations = processing.eventProcessor("organisations", StreamingEventProcessor.class)
                .orElseThrow();

        // the token store out of reach for this instance, as in an outage: it lets go of its segments
        TestPostgres.execute(database, "revoke all on projection.token_entry from projection_service");
        try {
            await().atMost(Duration.ofSeconds(60)).until(organisations::isError);
            // meanwhile another instance has claimed every segment, and keeps its claims fresh
            TestPostgres.execute(database, "update projection.token_entry set owner = 'projection-2@elsewhere', "
                    + "time_stamp = '" + Instant.now().plus(Duration.ofHours(1)) + "' "
                    + "where processor_name = 'organisations'");
        } finally {
            TestPostgres.execute(database, "grant all on projection.token_entry to projection_service");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> !api.get("/admin/projections/organisations", secretariat)
                .body().path("error").asBoolean());
        // and the read model, which the other instance keeps at the head, is reported caught up, not behind for good
        JsonNode status = api.get("/admin/projections/organisations", secretariat).body();
        assertThat(status.path("caughtUp").asBoolean()).as(status.toString()).isTrue();
        assertThat(status.path("lagEvents").asLong()).isZero();
        assertThat(status.path("segmentsClaimed").asInt()).isZero();
        assertThat(organisations.processingStatus()).as("no segment of its own").isEmpty();
        assertThat(organisations.isError()).as("Axon's flag, left over from the outage").isTrue();
        assertThat(api.get("/actuator/prometheus", null).raw().body())
                .contains("partnerships_projection_failing{processor=\"organisations\"} 0.0");
    }
}
