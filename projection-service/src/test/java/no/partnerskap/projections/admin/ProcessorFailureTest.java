package no.partnerskap.projections.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.PartnershipEvent.MeetingRecorded;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.TestPostgres;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * An event a read model cannot take stops its processor at that batch, over and over. The operator
 * must see it: in the processor's status, with the batch and the cause, and on a gauge to alert on;
 * and see it go once the processor has passed the batch.
 */
@ProjectionServiceTest
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "spring.datasource.hikari.pool-name=failure")
@DirtiesContext // its processors fail on purpose: no other test shares the context
@Import(ProcessorFailureTest.Refusing.class)
class ProcessorFailureTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestPostgres.Database database;

    @Test
    void a_batch_the_read_model_refuses_shows_in_the_status_and_on_a_gauge_until_the_processor_has_passed_it() {
        Api api = Api.onPort(port);
        String secretariat = tokens.token("sekretariat", null, "SECRETARIAT");
        UUID county = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        events.append(new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), county));
        assertThat(api.get("/api/partnerships/" + partnership + "?minVersion=0", secretariat).status()).isEqualTo(200);
        // a meeting without a date: its row breaks a constraint of the read model when the batch commits
        events.append(new MeetingRecorded(partnership, UUID.randomUUID(), null, "a", "p", List.of()));
        long poison = jdbc().queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class);

        JsonNode failing = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> processor(api, secretariat, "partnership-follow-up"), s -> s.path("error").asBoolean());
        JsonNode failure = failing.path("failure");
        assertThat(failure.path("cause").asText()).contains("meeting_date");
        assertThat(failure.path("from").asLong()).isLessThanOrEqualTo(poison);
        assertThat(failure.path("to").asLong()).isGreaterThanOrEqualTo(poison);
        assertThat(failing.path("caughtUp").asBoolean()).isFalse();
        assertThat(processor(api, secretariat, "organisations").path("error").asBoolean()).isFalse();
        String metrics = api.get("/actuator/prometheus", null).raw().body();
        assertThat(metrics).contains("partnerships_projection_failing{processor=\"partnership-follow-up\"} 1.0")
                .contains("partnerships_projection_failing{processor=\"organisations\"} 0.0");
        assertThat(metrics).containsPattern(
                "partnerships_projection_events_total\\{outcome=\"failed\",processor=\"partnership-follow-up\"} [1-9]");

        // the event mended (as a fixed projector would take it), and the read model rebuilt: once the processor
        // has passed the batch, the failure goes
        TestPostgres.execute(database, "set session_replication_role = replica; update event_store.domain_event_entry"
                + " set payload = convert_to(jsonb_set(convert_from(payload, 'UTF8')::jsonb, '{date}', '\"2026-03-01\"')"
                + "::text, 'UTF8') where global_index = " + poison);
        assertThat(api.post("/admin/projections/partnership-follow-up/replay", secretariat, null).status())
                .isEqualTo(202);
        JsonNode recovered = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> processor(api, secretariat, "partnership-follow-up"), s -> !s.path("error").asBoolean());
        assertThat(recovered.path("failure").isNull()).isTrue();
        assertThat(api.get("/api/partnerships/" + partnership, secretariat).body().path("meetings").asLong())
                .isEqualTo(1);
    }

    /**
     * A handler that throws (here a stand-in for a projector meeting data it cannot take) stops its processor at
     * that event, as a batch refused at commit does: Axon's default would log the error and go on without it.
     */
    @Test
    void an_event_a_handler_cannot_take_stops_the_processor_instead_of_being_skipped() {
        Api api = Api.onPort(port);
        String secretariat = tokens.token("sekretariat", null, "SECRETARIAT");
        UUID poison = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        events.append(new OrganisationRegistered(poison, RefusingHandler.REFUSED, "821311632", Sector.OTHER),
                new OrganisationRegistered(after, "Registrert etter", "923609016", Sector.OTHER));

        JsonNode failing = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> processor(api, secretariat, "organisations"), s -> s.path("error").asBoolean());
        assertThat(failing.path("failure").path("cause").asText()).contains("cannot take");
        // the read model stops at the event rather than going on without it
        assertThat(api.get("/api/organisations/" + after, secretariat).status()).isEqualTo(404);
    }

    @TestConfiguration
    static class Refusing {
        @Bean
        RefusingHandler refusingHandler() {
            return new RefusingHandler();
        }
    }

    @ProcessingGroup("organisations")
    static class RefusingHandler {
        static final String REFUSED = "Kan ikke tas imot";

        @EventHandler
        void on(OrganisationRegistered e) {
            if (REFUSED.equals(e.name())) {
                throw new IllegalStateException("this handler cannot take " + e.organisationId());
            }
        }
    }

    private static JsonNode processor(Api api, String token, String name) {
        Api.Response status = api.get("/admin/projections/" + name, token);
        assertThat(status.status()).isEqualTo(200);
        return status.body();
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(database.superuser());
    }
}
