package no.partnerskap.projections.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentWithdrawn;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestClock;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.ReadSide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lag per processor and commitments per follow-up signal, as Prometheus scrapes them. (Spring Boot
 * tests switch metrics export off unless asked to keep it.)
 */
@ProjectionServiceTest
@AutoConfigureObservability(tracing = false)
class ProjectionMetricsTest {

    static final List<String> PROCESSORS = List.of("commitments", "organisations", "partnership-follow-up");
    static final List<String> SIGNALS = List.of("ON_TRACK", "AT_RISK", "OVERDUE", "CLOSED");

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestClock clock;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionMetrics metrics;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void prometheus_shows_lag_per_processor_and_commitments_per_signal() {
        Api api = Api.onPort(port);
        clock.setToday(LocalDate.of(2027, 3, 1));
        // what other tests' commitments count for, once every processor has them, and not from the
        // gauges' cache, which may hold a count from before
        String secretariat = tokens.token("sekretariat@vlfk.no", null, "SECRETARIAT");
        await().atMost(Duration.ofSeconds(60)).until(() -> ReadSide.caughtUp(api, secretariat));
        Map<String, Long> before = metrics.countSignals();

        UUID org = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        UUID onTrack = UUID.randomUUID();
        UUID atRisk = UUID.randomUUID();
        UUID overdue = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        events.append(new OrganisationRegistered(org, "Måling AS", "821311632", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Målt", PartnershipKind.STRATEGIC, null, "M", null, null,
                        null, new Period(LocalDate.of(2026, 1, 1), null), org),
                new MemberAdmitted(partnership, org, MemberRole.CONVENOR, Representation.LEADERSHIP));
        events.appendOn("2027-02-20", recorded(onTrack, partnership, org, "2028-01-01"),
                recorded(atRisk, partnership, org, "2027-03-15"),
                recorded(overdue, partnership, org, "2027-02-25"),
                recorded(closed, partnership, org, "2027-12-31"),
                new ProgressReported(onTrack, partnership, org, 60, "n", List.of(), LocalDate.of(2027, 2, 20)),
                new CommitmentWithdrawn(closed, partnership, org, "lagt ned"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String scrape = api.get("/actuator/prometheus", null).raw().body();
            assertCaughtUp(scrape);
            for (String signal : SIGNALS) {
                assertThat(gauge(scrape, "partnerships_commitments", "signal", signal)).as(signal)
                        .isEqualTo(before.getOrDefault(signal, 0L) + 1.0);
            }
        });
        // the admin view agrees: every processor at the head
        api.get("/admin/projections", secretariat).body().forEach(status ->
                assertThat(status.path("lagEvents").asLong()).as(status.toString()).isZero());
    }

    @Test
    void prometheus_counts_the_events_each_processor_handled_and_not_those_it_skips() {
        Api api = Api.onPort(port);
        // earlier tests' events handled first, so that only this test's events move the counts
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertCaughtUp(api.get("/actuator/prometheus", null).raw().body()));
        String initial = api.get("/actuator/prometheus", null).raw().body();
        double organisationsBefore = handled(initial, "organisations");
        double commitmentsBefore = handled(initial, "commitments");

        UUID org = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        events.append(new OrganisationRegistered(org, "Telling AS", "912345670", Sector.BUSINESS));
        events.appendOn("2027-02-20", recorded(commitment, partnership, org, "2028-01-01"),
                new ProgressReported(commitment, partnership, org, 10, "n", List.of(), LocalDate.of(2027, 2, 20)),
                new ProgressReported(commitment, partnership, org, 20, "n", List.of(), LocalDate.of(2027, 2, 21)));

        // organisations takes the registration only; commitments the three commitment events only
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String scrape = api.get("/actuator/prometheus", null).raw().body();
            assertThat(handled(scrape, "organisations")).isEqualTo(organisationsBefore + 1);
            assertThat(handled(scrape, "commitments")).isEqualTo(commitmentsBefore + 3);
        });
        String after = api.get("/actuator/prometheus", null).raw().body();
        for (String processor : PROCESSORS) {
            assertThat(counter(after, processor, "failed")).as(processor).isZero();
        }
    }

    @Test
    void prometheus_shows_a_segment_that_this_instance_does_not_hold() {
        Api api = Api.onPort(port);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertCaughtUp(api.get("/actuator/prometheus", null).raw().body()));
        String before = api.get("/actuator/prometheus", null).raw().body();
        assertThat(segments(before, "organisations")).isEqualTo(1);
        assertThat(claimed(before, "organisations")).isEqualTo(1);
        // a second segment still claimed by an instance that has died: its events are in no read model yet,
        // while the lag gauges, over the segments this instance holds, stay at 0
        jdbc.update("insert into token_entry (processor_name, segment, time_stamp, owner) values (?, 1, ?, ?)",
                "organisations", Instant.now().toString(), "crashed@elsewhere");
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                String scrape = api.get("/actuator/prometheus", null).raw().body();
                assertThat(segments(scrape, "organisations")).isEqualTo(2);
                assertThat(claimed(scrape, "organisations")).isEqualTo(1);
                assertThat(gauge(scrape, "partnerships_projection_lag_events", "processor", "organisations")).isZero();
            });
        } finally {
            jdbc.update("delete from token_entry where processor_name = 'organisations' and segment = 1");
        }
    }

    private static double segments(String scrape, String processor) {
        return gauge(scrape, "partnerships_projection_segments", "processor", processor);
    }

    private static double claimed(String scrape, String processor) {
        return gauge(scrape, "partnerships_projection_segments_claimed", "processor", processor);
    }

    /** Every processor at the head of the store, by its lag gauges. */
    private static void assertCaughtUp(String scrape) {
        for (String processor : PROCESSORS) {
            assertThat(gauge(scrape, "partnerships_projection_lag_events", "processor", processor))
                    .as(processor).isZero();
            assertThat(gauge(scrape, "partnerships_projection_lag_seconds", "processor", processor))
                    .as(processor).isZero();
        }
    }

    private static double handled(String scrape, String processor) {
        return counter(scrape, processor, "handled");
    }

    /** {@code partnerships_projection_events_total{processor=...,outcome=...}} in a scrape. */
    private static double counter(String scrape, String processor, String outcome) {
        return gauge(scrape, "partnerships_projection_events_total", "processor", processor, "outcome", outcome);
    }

    /** The value of {@code name{...label="value"...}} (every label given) in a Prometheus text scrape. */
    static double gauge(String scrape, String name, String... labelsAndValues) {
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            wanted.add(labelsAndValues[i] + "=\"" + labelsAndValues[i + 1] + "\"");
        }
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)").matcher(scrape);
        while (line.find()) {
            String labels = line.group(1);
            if (wanted.stream().allMatch(labels::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("no " + name + wanted + " in the scrape: "
                + scrape.lines().filter(l -> l.startsWith("partnerships_")).toList());
    }

    private static CommitmentRecorded recorded(UUID id, UUID partnership, UUID org, String due) {
        return new CommitmentRecorded(id, partnership, org, "Tiltak " + id, "b", List.of(), List.of(),
                LocalDate.parse(due), LocalDate.of(2027, 2, 20));
    }

}
