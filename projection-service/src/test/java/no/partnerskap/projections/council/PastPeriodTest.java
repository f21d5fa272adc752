package no.partnerskap.projections.council;

import static no.partnerskap.projections.council.CouncilReportTest.partnership;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.OutcomeReported;
import no.partnerskap.api.commitment.OutcomeResult;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.history.EventHistory;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A partnership whose period has ended, but not concluded, with commitments open into the next year: the
 * next year's report still tells the council what came of them, rather than no report ever doing so.
 */
@ProjectionServiceTest
class PastPeriodTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    EventHistory history;
    @Autowired
    CouncilReports reports;

    @Test
    void a_partnership_past_its_period_stays_in_the_report_while_a_commitment_of_it_is_open_in_the_year() {
        UUID county = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        UUID fulfilledLate = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        UUID closedInTime = UUID.randomUUID();
        // years no other test reports on
        events.appendOn("2011-01-10", new OrganisationRegistered(county, "Troms fylkeskommune", "821311632",
                        Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(ended, "Ettårig satsing", PartnershipKind.STRATEGIC, null, "mandat", null,
                        null, null, new Period(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31)), county),
                new MemberAdmitted(ended, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new PartnershipEstablished(quiet, "Avsluttet i tide", PartnershipKind.STRATEGIC, null, "mandat",
                        null, null, null, new Period(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31)), county),
                new MemberAdmitted(quiet, county, MemberRole.CONVENOR, Representation.LEADERSHIP));
        events.appendOn("2011-03-01", recorded(fulfilledLate, ended, county), recorded(closedInTime, quiet, county));
        events.appendOn("2011-12-20", outcome(closedInTime, quiet, county, "2011-12-20"));
        // the outcome of the year's work, true by Christmas, recorded in February
        events.appendOn("2012-02-01", outcome(fulfilledLate, ended, county, "2011-12-28"));
        long head = history.head();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> reports.processedPosition() >= head);

        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        JsonNode year2012 = api.get("/api/reports/council?year=2012", viewer).body();
        JsonNode commitments = partnership(year2012, ended).path("commitments");
        assertThat(commitments.path("closedByResult").path("FULFILLED").asLong()).isEqualTo(1);
        // one whose commitments were all closed before the year ended with its period
        assertThat(ids(year2012)).doesNotContain(quiet.toString());
        // nothing open in 2013: neither is in that year's report
        assertThat(ids(api.get("/api/reports/council?year=2013", viewer).body()))
                .doesNotContain(ended.toString(), quiet.toString());
    }

    private static List<String> ids(JsonNode report) {
        return StreamSupport.stream(report.path("partnerships").spliterator(), false)
                .map(p -> p.path("id").asText()).toList();
    }

    private static CommitmentRecorded recorded(UUID commitment, UUID partnership, UUID organisation) {
        return new CommitmentRecorded(commitment, partnership, organisation, "Tiltak", "beskrivelse", List.of(),
                List.of(), LocalDate.of(2011, 12, 31), LocalDate.of(2011, 3, 1));
    }

    private static OutcomeReported outcome(UUID commitment, UUID partnership, UUID organisation, String asOf) {
        return new OutcomeReported(commitment, partnership, organisation, OutcomeResult.FULFILLED, "levert",
                List.of(), List.of(), LocalDate.parse(asOf));
    }
}
