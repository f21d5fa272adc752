package no.partnerskap.projections.council;

import static no.partnerskap.projections.council.CouncilReportTest.find;
import static no.partnerskap.projections.council.CouncilReportTest.partnership;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentWithdrawn;
import no.partnerskap.api.commitment.Resource;
import no.partnerskap.api.commitment.ResourceKind;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalDefined;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.history.EventHistory;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestClock;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A withdrawn commitment's pledge no longer stands: the dashboard, the SDG coverage and the council
 * report agree on what is pledged, and the council report counts the pledge while it still stood.
 */
@ProjectionServiceTest
class WithdrawnPledgeTest {

    /** A target no other test uses: the SDG coverage counts every partnership in the database. */
    static final String TARGET = "14.a";

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestClock clock;
    @Autowired
    EventHistory history;
    @Autowired
    CouncilReports reports;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void every_view_leaves_a_withdrawn_pledge_out_of_what_is_pledged() {
        UUID county = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        UUID goal = UUID.randomUUID();
        UUID standing = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        events.appendOn("2026-01-10", new OrganisationRegistered(county, "Nordland fylkeskommune", "964982953", Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(partnership, "Havforskning", PartnershipKind.STRATEGIC, null, "mandat",
                        null, null, null, new Period(LocalDate.of(2026, 1, 1), null), county),
                new MemberAdmitted(partnership, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new ResultGoalDefined(partnership, goal, "Forskning", "prosjekter", "stk", BigDecimal.ZERO,
                        BigDecimal.TEN, null, List.of(TARGET)));
        events.appendOn("2026-02-01", recorded(standing, partnership, county, goal, 100000),
                recorded(withdrawn, partnership, county, goal, 20000));
        events.appendOn("2026-06-01", new CommitmentWithdrawn(withdrawn, partnership, county, "ingen midler"));
        clock.setToday(LocalDate.of(2026, 11, 29));
        long head = history.head();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> reports.processedPosition() >= head);

        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        JsonNode dashboard = api.get("/api/partnerships/" + partnership, viewer).body();
        assertThat(pledged(dashboard.path("resources"))).isEqualByComparingTo("100000");
        JsonNode report = api.get("/api/reports/council?year=2026", viewer).body();
        assertThat(pledged(partnership(report, partnership).path("resources"))).isEqualByComparingTo("100000");
        JsonNode target = target(api.get("/api/sdg", viewer).body());
        assertThat(pledged(target.path("resources"))).isEqualByComparingTo("100000");
        // both were made for the target, as the dashboard counts both by status
        assertThat(target.path("commitments").asLong()).isEqualTo(2);

        // before the withdrawal the pledge stood, and a report counted to then says so
        JsonNode before = api.get("/api/reports/council?year=2026&reportDate=2026-05-31", viewer).body();
        assertThat(pledged(partnership(before, partnership).path("resources"))).isEqualByComparingTo("120000");
    }

    private static CommitmentRecorded recorded(UUID commitment, UUID partnership, UUID organisation, UUID goal,
                                               long nok) {
        return new CommitmentRecorded(commitment, partnership, organisation, "Tiltak " + nok, "beskrivelse",
                List.of(goal), List.of(new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(nok), "NOK")),
                LocalDate.of(2027, 6, 30), LocalDate.of(2026, 2, 1));
    }

    private static BigDecimal pledged(JsonNode resources) {
        return find(resources, "kind", "FUNDING").path("pledged").decimalValue();
    }

    private static JsonNode target(JsonNode coverage) {
        for (JsonNode goal : coverage) {
            for (JsonNode target : goal.path("targets")) {
                if (target.path("target").asText().equals(TARGET)) {
                    return target;
                }
            }
        }
        throw new AssertionError("no target " + TARGET);
    }
}
