package no.partnerskap.projections.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.partnerskap.api.commitment.AssessmentLevel;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentAssessed;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentWithdrawn;
import no.partnerskap.api.commitment.CommitmentEvent.FollowUpRequested;
import no.partnerskap.api.commitment.CommitmentEvent.OutcomeReported;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import no.partnerskap.api.commitment.IndicatorValue;
import no.partnerskap.api.commitment.OutcomeResult;
import no.partnerskap.api.commitment.Resource;
import no.partnerskap.api.commitment.ResourceKind;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.Attendance;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementRaised;
import no.partnerskap.api.partnership.PartnershipEvent.MeetingRecorded;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalDefined;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalRevised;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.testsupport.Api;

/**
 * The events behind the page tests, with fresh ids each time (the tests share one database):
 * a strategic partnership whose figures a person can count by hand on 1 March 2027, and a
 * second partnership whose name and convenor's name carry a script that must never run.
 *
 * <p>On 2027-03-01 "Grønn region" has: one commitment on track, one at risk (due within 30
 * days at 20 %, with an open follow-up request), one overdue, one fulfilled (with an assessment
 * that diverges from the partner's 90 %), one withdrawn; funding 250 000 NOK pledged and 90 000
 * delivered, 40 person-days pledged; a goal re-baselined from 0-40 to 10-50 with 12 achieved
 * (30 %); two meetings; one open disagreement.
 */
final class PageScenario {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    static final String SCRIPT_ORGANISATION = "<script>alert('org')</script> Skript AS";
    static final String SCRIPT_PARTNERSHIP = "Kystnett <script>alert('partnership')</script>";

    final UUID county = UUID.randomUUID();
    final UUID business = UUID.randomUUID();
    final UUID scripted = UUID.randomUUID();
    final UUID partnership = UUID.randomUUID();
    final UUID network = UUID.randomUUID();
    final UUID jobs = UUID.randomUUID();
    final UUID onTrack = UUID.randomUUID();
    final UUID late = UUID.randomUUID();
    final UUID slow = UUID.randomUUID();
    final UUID done = UUID.randomUUID();
    final UUID withdrawn = UUID.randomUUID();
    final UUID networkLate = UUID.randomUUID();
    final String name = "Grønn region " + partnership.toString().substring(0, 8);

    private final EventStoreWriter events;

    PageScenario(EventStoreWriter events) {
        this.events = events;
    }

    /** Appends the events and waits until every read model the pages use has them. */
    PageScenario given(int port) {
        events.append(new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new OrganisationRegistered(business, "Havkraft AS", "923609016", Sector.BUSINESS),
                new OrganisationRegistered(scripted, SCRIPT_ORGANISATION, "974760673", Sector.OTHER),
                new PartnershipEstablished(partnership, name, PartnershipKind.STRATEGIC, null,
                        "Samordne innsatsen for grønn omstilling i regionen", "Flere grønne arbeidsplasser", null,
                        null, new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2029, 12, 31)), county),
                new MemberAdmitted(partnership, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new MemberAdmitted(partnership, business, MemberRole.PARTNER, Representation.MANAGEMENT),
                new ResultGoalDefined(partnership, jobs, "Nye arbeidsplasser", "nye jobber", "stk", BigDecimal.ZERO,
                        BigDecimal.valueOf(40), LocalDate.of(2028, 12, 31), List.of("8.5", "17.17")),
                new ResultGoalRevised(partnership, jobs, "Nye arbeidsplasser", "nye jobber", "stk", BigDecimal.ZERO,
                        BigDecimal.TEN, BigDecimal.valueOf(40), BigDecimal.valueOf(50), LocalDate.of(2028, 12, 31),
                        List.of("8.5", "17.17"), "ny statistikk"),
                new MeetingRecorded(partnership, UUID.randomUUID(), LocalDate.of(2026, 3, 1), "a", "p1",
                        List.of(new Attendance(county, Representation.LEADERSHIP),
                                new Attendance(business, Representation.OPERATIONAL))),
                new MeetingRecorded(partnership, UUID.randomUUID(), LocalDate.of(2026, 9, 1), "b", "p2",
                        List.of(new Attendance(business, Representation.LEADERSHIP))),
                new DisagreementRaised(partnership, UUID.randomUUID(), business, "Fordeling av midler", "uenige"),
                new PartnershipEstablished(network, SCRIPT_PARTNERSHIP, PartnershipKind.STRATEGIC, null, "M", null,
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), scripted),
                new MemberAdmitted(network, scripted, MemberRole.CONVENOR, Representation.LEADERSHIP));
        record(partnership, onTrack, business, "2028-03-01",
                new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(100000), "NOK"));
        events.appendOn("2027-02-02", new ProgressReported(onTrack, partnership, business, 60, "n", List.of(),
                LocalDate.of(2027, 2, 1)));
        record(partnership, late, business, "2027-02-01",
                new Resource(ResourceKind.PERSON_DAYS, BigDecimal.valueOf(40), "days"));
        record(partnership, slow, county, "2027-03-20",
                new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(50000), "NOK"));
        events.appendOn("2027-02-10", new ProgressReported(slow, partnership, county, 20, "n", List.of(),
                LocalDate.of(2027, 2, 10)));
        events.appendOn("2027-02-12", new FollowUpRequested(slow, partnership, county, UUID.randomUUID(), "rapporter", null));
        record(partnership, done, county, "2027-06-30",
                new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(100000), "NOK"));
        events.appendOn("2027-01-05", new ProgressReported(done, partnership, county, 90, "n", List.of(), LocalDate.of(2027, 1, 1)),
                new CommitmentAssessed(done, partnership, county, AssessmentLevel.LIMITED, "tvilsomt"),
                new OutcomeReported(done, partnership, county, OutcomeResult.FULFILLED, "n",
                        List.of(new IndicatorValue(jobs, BigDecimal.valueOf(12))),
                        List.of(new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(90000), "NOK")),
                        LocalDate.of(2027, 2, 15)));
        record(partnership, withdrawn, business, "2027-12-31");
        events.appendOn("2027-01-20", new CommitmentWithdrawn(withdrawn, partnership, business, "lagt ned"));
        record(network, networkLate, scripted, "2027-01-15");

        Api api = Api.onPort(port);
        // each processor's last event for these aggregates: once the read models show them, all is there
        assertThat(api.get("/api/partnerships/" + partnership + "?minVersion=7", null).status()).isEqualTo(200);
        assertThat(api.get("/api/partnerships/" + network + "?minVersion=1", null).status()).isEqualTo(200);
        assertThat(api.get("/api/commitments/" + withdrawn + "?minVersion=1", null).status()).isEqualTo(200);
        assertThat(api.get("/api/commitments/" + networkLate + "?minVersion=0", null).status()).isEqualTo(200);
        // organisation names have no version to wait for: poll until the last one registered is there
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(api.get("/api/organisations/" + scripted + "/scorecard", null).status()).isEqualTo(200));
        return this;
    }

    private void record(UUID in, UUID commitment, UUID organisation, String due, Resource... resources) {
        events.appendOn("2026-11-01", new CommitmentRecorded(commitment, in, organisation, "Tiltak " + commitment.toString()
                .substring(0, 8), "beskrivelse", List.of(jobs), List.of(resources), LocalDate.parse(due),
                LocalDate.of(2026, 11, 1)));
    }
}
