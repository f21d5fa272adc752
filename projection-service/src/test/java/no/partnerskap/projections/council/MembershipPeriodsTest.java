package no.partnerskap.projections.council;

import static no.partnerskap.projections.council.CouncilReportTest.find;
import static no.partnerskap.projections.council.CouncilReportTest.partnership;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRevised;
import no.partnerskap.api.commitment.Resource;
import no.partnerskap.api.commitment.ResourceKind;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.MemberLeft;
import no.partnerskap.api.partnership.PartnershipEvent.MemberRoleChanged;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestClock;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A member that left and joined again was a member in both periods, whatever the report date. */
@ProjectionServiceTest
class MembershipPeriodsTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_council_report_lists_a_member_for_the_period_it_sat_in_before_it_left_and_joined_again() {
        UUID county = UUID.randomUUID();
        UUID returning = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        events.appendOn("2031-01-05", new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new OrganisationRegistered(returning, "Tilbake AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Gjenopptatt", PartnershipKind.STRATEGIC, null, "M", "P", null,
                        null, new Period(LocalDate.of(2031, 1, 1), null), county),
                new MemberAdmitted(partnership, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new MemberAdmitted(partnership, returning, MemberRole.PARTNER, Representation.MANAGEMENT));
        events.appendOn("2031-06-01", new MemberLeft(partnership, returning, "pause"));
        events.appendOn("2031-09-01", new MemberAdmitted(partnership, returning, MemberRole.OBSERVER, Representation.OPERATIONAL));
        clock.setToday(LocalDate.of(2032, 1, 15));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        assertThat(api.get("/api/partnerships/" + partnership + "?minVersion=4", viewer).status()).isEqualTo(200);
        long head = Long.parseLong(api.get("/api/reports/council?year=2031", viewer).header("X-Event-Position"));

        assertThat(activeOn(api, viewer, partnership, returning, head, "2031-03-15")).isTrue();
        assertThat(activeOn(api, viewer, partnership, returning, head, "2031-07-15")).isFalse();
        assertThat(activeOn(api, viewer, partnership, returning, head, "2031-10-01")).isTrue();
    }

    /** The dashboard says when a member left, and keeps the earlier membership of one that joined again. */
    @Test
    void the_dashboard_shows_when_a_member_left_and_an_earlier_membership_of_one_that_returned() {
        UUID county = UUID.randomUUID();
        UUID returning = UUID.randomUUID();
        UUID leaving = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        events.appendOn("2031-01-05", new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new OrganisationRegistered(returning, "Tilbake AS", "923609016", Sector.BUSINESS),
                new OrganisationRegistered(leaving, "Borte AS", "986105174", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Gjenopptatt", PartnershipKind.STRATEGIC, null, "M", "P", null,
                        null, new Period(LocalDate.of(2031, 1, 1), null), county),
                new MemberAdmitted(partnership, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new MemberAdmitted(partnership, returning, MemberRole.PARTNER, Representation.MANAGEMENT),
                new MemberAdmitted(partnership, leaving, MemberRole.PARTNER, Representation.MANAGEMENT));
        events.appendOn("2031-06-01", new MemberLeft(partnership, returning, "pause"),
                new MemberLeft(partnership, leaving, "nedlagt"));
        events.appendOn("2031-09-01", new MemberAdmitted(partnership, returning, MemberRole.OBSERVER, Representation.OPERATIONAL));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");

        JsonNode members = api.get("/api/partnerships/" + partnership + "?minVersion=6", viewer).body().path("members");

        JsonNode back = find(members, "organisationId", returning.toString());
        assertThat(back.path("active").asBoolean()).isTrue();
        assertThat(back.path("admittedAt").asText()).isEqualTo("2031-09-01T08:00:00Z");
        assertThat(back.path("leftAt").isNull()).isTrue();
        assertThat(back.path("earlierPeriods")).hasSize(1);
        assertThat(back.path("earlierPeriods").get(0).path("admittedAt").asText()).isEqualTo("2031-01-05T09:00:00Z");
        assertThat(back.path("earlierPeriods").get(0).path("leftAt").asText()).isEqualTo("2031-06-01T08:00:00Z");
        JsonNode gone = find(members, "organisationId", leaving.toString());
        assertThat(gone.path("leftAt").asText()).isEqualTo("2031-06-01T08:00:00Z");
        assertThat(gone.path("earlierPeriods")).isEmpty();
        String page = no.partnerskap.projections.pages.PagesTestSupport.page(port,
                "/pages/partnerships/" + partnership + "?lang=nb", "Authorization", "Bearer " + viewer);
        assertThat(page).contains("Gått ut 1. juni 2031: nedlagt").contains("(også medlem 5. januar 2031 – 1. juni 2031)");
    }

    /** A report dated earlier, at a later position: what was recorded after its date does not count. */
    @Test
    void a_report_shows_pledges_and_roles_as_they_stood_at_its_date() {
        UUID county = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        events.appendOn("2031-01-05", new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new OrganisationRegistered(partner, "Havn AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Havnesamarbeid", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2031, 1, 1), null), county),
                new MemberAdmitted(partnership, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new MemberAdmitted(partnership, partner, MemberRole.PARTNER, Representation.MANAGEMENT),
                new CommitmentRecorded(commitment, partnership, partner, "Landstrøm", null, List.of(),
                        List.of(new Resource(ResourceKind.FUNDING, new BigDecimal("750000"), "NOK")),
                        LocalDate.of(2031, 12, 31), LocalDate.of(2031, 1, 5)));
        events.appendOn("2031-08-01", new CommitmentRevised(commitment, partnership, partner, "Landstrøm", null, List.of(),
                        List.of(new Resource(ResourceKind.FUNDING, new BigDecimal("900000"), "NOK")), "større anlegg"),
                new MemberRoleChanged(partnership, partner, MemberRole.PARTNER, MemberRole.OBSERVER,
                        Representation.OPERATIONAL));
        clock.setToday(LocalDate.of(2032, 1, 15));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        assertThat(api.get("/api/commitments/" + commitment + "?minVersion=1", viewer).status()).isEqualTo(200);
        assertThat(api.get("/api/partnerships/" + partnership + "?minVersion=3", viewer).status()).isEqualTo(200);
        long head = Long.parseLong(api.get("/api/reports/council?year=2031", viewer).header("X-Event-Position"));

        JsonNode june = report(api, viewer, head, "2031-06-01", partnership);
        assertThat(june.path("resources").get(0).path("pledged").decimalValue()).isEqualByComparingTo("750000");
        assertThat(find(june.path("members"), "organisationId", partner.toString()).path("role").asText())
                .isEqualTo("PARTNER");
        JsonNode september = report(api, viewer, head, "2031-09-01", partnership);
        assertThat(september.path("resources").get(0).path("pledged").decimalValue()).isEqualByComparingTo("900000");
        assertThat(find(september.path("members"), "organisationId", partner.toString()).path("role").asText())
                .isEqualTo("OBSERVER");
    }

    private static JsonNode report(Api api, String token, long position, String date, UUID partnership) {
        Api.Response report = api.get("/api/reports/council?year=2031&position=" + position + "&reportDate=" + date,
                token);
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        return partnership(report.body(), partnership);
    }

    /** Whether the report dated so lists the member as active then; it fails when the member is not listed. */
    private static boolean activeOn(Api api, String token, UUID partnership, UUID member, long position, String date) {
        Api.Response report = api.get("/api/reports/council?year=2031&position=" + position + "&reportDate=" + date,
                token);
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        return find(partnership(report.body(), partnership).path("members"), "organisationId", member.toString())
                .path("activeAtReportDate").asBoolean();
    }

}
