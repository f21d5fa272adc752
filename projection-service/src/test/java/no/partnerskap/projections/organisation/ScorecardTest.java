package no.partnerskap.projections.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.OutcomeReported;
import no.partnerskap.api.commitment.OutcomeResult;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRenamed;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipConcluded;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.MemberLeft;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.projections.pages.PagesTestSupport;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProcessorGate;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An organisation's scorecard: read your own writes as on the other single reads, and figures of a stable type. */
@ProjectionServiceTest
class ScorecardTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    ProcessorGate gate;

    @Test
    void a_read_with_min_version_waits_for_the_rename_just_written() throws Exception {
        Api api = Api.onPort(port);
        String viewer = tokens.token("v", null, "VIEWER");
        UUID organisation = UUID.randomUUID();
        events.append(new OrganisationRegistered(organisation, "Gammelt navn AS", "923609016", Sector.BUSINESS));
        // right after the registration: waits for it rather than answering 404
        Api.Response registered = api.get("/api/organisations/" + organisation + "/scorecard?minVersion=0", viewer);
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.header("ETag")).isEqualTo("\"0\"");

        // the rename is held back from the read model while the read asks for its version
        gate.close("organisations");
        try {
            events.append(new OrganisationRenamed(organisation, "Gammelt navn AS", "Nytt navn AS"));
            CompletableFuture<Api.Response> read = CompletableFuture.supplyAsync(() ->
                    api.get("/api/organisations/" + organisation + "/scorecard?minVersion=1", viewer));
            Thread.sleep(500);
            assertThat(read).as("the read waits for version 1").isNotDone();
            gate.open("organisations");
            Api.Response renamed = read.get(30, TimeUnit.SECONDS);
            assertThat(renamed.status()).isEqualTo(200);
            assertThat(renamed.text("name")).isEqualTo("Nytt navn AS");
            assertThat(renamed.header("ETag")).isEqualTo("\"1\"");
        } finally {
            gate.open("organisations");
        }
    }

    /** The Location a registration answers with is served here, with the organisation as it now stands. */
    @Test
    void an_organisation_is_read_at_the_location_its_registration_named() {
        Api api = Api.onPort(port);
        String viewer = tokens.token("v", null, "VIEWER");
        UUID organisation = UUID.randomUUID();
        events.append(new OrganisationRegistered(organisation, "Fjordkraft Nett AS", "923609016", Sector.BUSINESS));
        events.append(new OrganisationRenamed(organisation, "Fjordkraft Nett AS", "Fjordnett AS"));

        Api.Response read = api.get("/api/organisations/" + organisation + "?minVersion=1", viewer);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.text("id")).isEqualTo(organisation.toString());
        assertThat(read.text("name")).isEqualTo("Fjordnett AS");
        assertThat(read.text("organisationNumber")).isEqualTo("923609016");
        assertThat(read.text("sector")).isEqualTo("BUSINESS");
        assertThat(read.body().path("version").asLong()).isEqualTo(1);

        UUID unknown = UUID.randomUUID();
        Api.Response none = api.get("/api/organisations/" + unknown, viewer);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.text("detail")).isEqualTo("no organisation " + unknown);
    }

    @Test
    void memberships_of_a_concluded_partnership_no_longer_count_as_active() {
        Api api = Api.onPort(port);
        String viewer = tokens.token("v", null, "VIEWER");
        UUID member = UUID.randomUUID();
        UUID lasting = UUID.randomUUID();
        UUID concluded = UUID.randomUUID();
        events.append(new OrganisationRegistered(member, "Medlem AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(lasting, "Varig", PartnershipKind.STRATEGIC, null, "M", null, null, null,
                        new Period(LocalDate.of(2026, 1, 1), null), member),
                new MemberAdmitted(lasting, member, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new PartnershipEstablished(concluded, "Avsluttet", PartnershipKind.STRATEGIC, null, "M", null, null,
                        null, new Period(LocalDate.of(2026, 1, 1), null), member),
                new MemberAdmitted(concluded, member, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new PartnershipConcluded(concluded, "formålet er nådd"));
        assertThat(api.get("/api/partnerships/" + concluded + "?minVersion=2", viewer).status()).isEqualTo(200);

        assertThat(api.get("/api/organisations/" + member + "/scorecard", viewer).body().path("partnerships")
                .asLong()).isEqualTo(1);
    }

    /** A partner finds where it belongs on its scorecard, also where it has made no commitment or has left. */
    @Test
    void the_scorecard_lists_every_partnership_the_organisation_is_or_was_a_member_of() {
        Api api = Api.onPort(port);
        String viewer = tokens.token("v", null, "VIEWER");
        UUID member = UUID.randomUUID();
        UUID convenor = UUID.randomUUID();
        UUID observed = UUID.randomUUID();
        UUID left = UUID.randomUUID();
        events.append(new OrganisationRegistered(member, "Askøy kommune", "923609016", Sector.PUBLIC_MUNICIPAL),
                new OrganisationRegistered(convenor, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(observed, "Havrommet", PartnershipKind.STRATEGIC, null, "M", null, null,
                        null, new Period(LocalDate.of(2026, 1, 1), null), convenor),
                new MemberAdmitted(observed, convenor, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new MemberAdmitted(observed, member, MemberRole.OBSERVER, Representation.OPERATIONAL),
                new PartnershipEstablished(left, "Bygdeliv", PartnershipKind.STRATEGIC, null, "M", null, null,
                        null, new Period(LocalDate.of(2026, 1, 1), null), convenor),
                new MemberAdmitted(left, convenor, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new MemberAdmitted(left, member, MemberRole.PARTNER, Representation.MANAGEMENT),
                new MemberLeft(left, member, "annen prioritering"),
                // a member before, which left and came back: its earlier period stays in view
                new MemberLeft(observed, member, "omorganisert"),
                new MemberAdmitted(observed, member, MemberRole.OBSERVER, Representation.OPERATIONAL));
        assertThat(api.get("/api/partnerships/" + left + "?minVersion=3", viewer).status()).isEqualTo(200);
        assertThat(api.get("/api/partnerships/" + observed + "?minVersion=4", viewer).status()).isEqualTo(200);

        JsonNode scorecard = api.get("/api/organisations/" + member + "/scorecard", viewer).body();
        assertThat(scorecard.path("partnerships").asLong()).isEqualTo(1);
        assertThat(scorecard.path("perPartnership")).isEmpty();
        JsonNode memberships = scorecard.path("memberships");
        assertThat(memberships).hasSize(2);
        assertThat(memberships.get(0).path("partnershipId").asText()).isEqualTo(observed.toString());
        assertThat(memberships.get(0).path("name").asText()).isEqualTo("Havrommet");
        assertThat(memberships.get(0).path("role").asText()).isEqualTo("OBSERVER");
        assertThat(memberships.get(0).path("active").asBoolean()).isTrue();
        assertThat(memberships.get(0).path("leftAt").isNull()).isTrue();
        assertThat(memberships.get(0).path("earlierPeriods")).hasSize(1);
        assertThat(memberships.get(1).path("earlierPeriods")).isEmpty();
        assertThat(memberships.get(1).path("name").asText()).isEqualTo("Bygdeliv");
        assertThat(memberships.get(1).path("active").asBoolean()).isFalse();
        assertThat(memberships.get(1).path("leaveReason").asText()).isEqualTo("annen prioritering");
        String page = PagesTestSupport.text(PagesTestSupport.page(port, "/pages/organisations/" + member + "?lang=nb",
                "Authorization", "Bearer " + viewer));
        assertThat(page).containsPattern("Havrommet Observatør Operativt nivå Medlem siden \\d+\\. \\w+ \\d{4}")
                .containsPattern("Bygdeliv Partner Mellomledelse Gått ut \\d+\\. \\w+ \\d{4}: annen prioritering");
    }

    /** A partner's integration finds its own id by its organisation number, and its own overdue commitments. */
    @Test
    void an_organisation_is_found_by_its_number_and_its_overdue_commitments_across_partnerships() {
        Api api = Api.onPort(port);
        String viewer = tokens.token("v", null, "VIEWER");
        UUID askoy = UUID.randomUUID();
        UUID bergen = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String askoyNumber = "964338442";
        events.append(new OrganisationRegistered(askoy, "Askøy kommune", askoyNumber, Sector.PUBLIC_MUNICIPAL),
                new OrganisationRegistered(bergen, "Bergen kommune", "964338531", Sector.PUBLIC_MUNICIPAL));
        for (UUID partnership : new UUID[] {first, second}) {
            events.append(new PartnershipEstablished(partnership, "P " + partnership, PartnershipKind.STRATEGIC, null,
                            "M", null, null, null, new Period(LocalDate.of(2020, 1, 1), null), bergen),
                    new MemberAdmitted(partnership, bergen, MemberRole.CONVENOR, Representation.LEADERSHIP),
                    new MemberAdmitted(partnership, askoy, MemberRole.PARTNER, Representation.LEADERSHIP));
        }
        UUID askoyLateFirst = UUID.randomUUID();
        UUID askoyLateSecond = UUID.randomUUID();
        UUID bergenLate = UUID.randomUUID();
        events.append(late(askoyLateFirst, first, askoy), late(askoyLateSecond, second, askoy),
                late(bergenLate, first, bergen));
        assertThat(api.get("/api/commitments/" + bergenLate + "?minVersion=0", viewer).status()).isEqualTo(200);

        JsonNode found = api.get("/api/organisations?organisationNumber=" + askoyNumber, viewer).body();
        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("id").asText()).isEqualTo(askoy.toString());
        assertThat(found.path("items").get(0).path("name").asText()).isEqualTo("Askøy kommune");
        assertThat(api.get("/api/organisations?organisationNumber=123", viewer).body().path("errors").get(0)
                .path("field").asText()).isEqualTo("organisationNumber");
        JsonNode directory = api.get("/api/organisations?size=500", viewer).body();
        assertThat(directory.findValuesAsText("id")).contains(askoy.toString(), bergen.toString());

        JsonNode overdue = api.get("/api/commitments/overdue?organisationId=" + askoy, viewer).body();
        assertThat(overdue.path("total").asLong()).isEqualTo(2);
        assertThat(overdue.path("items").findValuesAsText("id")).containsExactlyInAnyOrder(askoyLateFirst.toString(),
                askoyLateSecond.toString());
        String csv = api.get("/api/commitments/overdue.csv?organisationId=" + askoy, viewer).raw().body();
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).doesNotContain(bergenLate.toString());
    }

    private static CommitmentRecorded late(UUID commitment, UUID partnership, UUID organisation) {
        return new CommitmentRecorded(commitment, partnership, organisation, "Forsinket " + commitment, "d", List.of(),
                List.of(), LocalDate.of(2021, 6, 30), LocalDate.of(2021, 1, 1));
    }

    /** On time means fulfilled by the due date, when it was true; a late report shows in the reporting lag instead. */
    @Test
    void fulfilled_on_time_goes_by_when_the_outcome_was_true_not_when_it_was_reported() {
        Api api = Api.onPort(port);
        String viewer = tokens.token("v", null, "VIEWER");
        UUID partner = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        UUID reportedLate = UUID.randomUUID();
        UUID fulfilledLate = UUID.randomUUID();
        UUID reportedInTime = UUID.randomUUID();
        LocalDate due = LocalDate.of(2026, 6, 30);
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        events.append(new OrganisationRegistered(partner, "I tide AS", "923609016", Sector.BUSINESS));
        events.append(LocalDate.of(2026, 1, 5).atTime(9, 0).atZone(oslo).toInstant(), Map.of(),
                recorded(reportedLate, partnership, partner, due), recorded(fulfilledLate, partnership, partner, due),
                recorded(reportedInTime, partnership, partner, due));
        events.append(LocalDate.of(2026, 6, 20).atTime(9, 0).atZone(oslo).toInstant(), Map.of(),
                fulfilled(reportedInTime, partnership, partner, LocalDate.of(2026, 6, 20)));
        events.append(LocalDate.of(2026, 7, 20).atTime(9, 0).atZone(oslo).toInstant(), Map.of(),
                fulfilled(reportedLate, partnership, partner, LocalDate.of(2026, 6, 25)),
                fulfilled(fulfilledLate, partnership, partner, LocalDate.of(2026, 7, 10)));
        assertThat(api.get("/api/commitments/" + fulfilledLate + "?minVersion=1", viewer).status()).isEqualTo(200);

        JsonNode figures = api.get("/api/organisations/" + partner + "/scorecard", viewer).body().path("figures");
        assertThat(figures.path("fulfilled").asLong()).isEqualTo(3);
        assertThat(figures.path("fulfilledOnTime").asLong()).isEqualTo(2);
    }

    /** The ETag is the organisation's version, not the scorecard's: a client revalidating with it gets today's figures. */
    @Test
    void a_scorecard_changed_by_a_new_commitment_is_never_answered_not_modified() {
        Api api = Api.onPort(port);
        String viewer = tokens.token("v", null, "VIEWER");
        UUID partner = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        events.append(new OrganisationRegistered(partner, "Revalidering AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "P", PartnershipKind.STRATEGIC, null, "M", null, null, null,
                        new Period(LocalDate.of(2026, 1, 1), null), partner),
                new MemberAdmitted(partnership, partner, MemberRole.CONVENOR, Representation.LEADERSHIP));
        Api.Response before = api.get("/api/organisations/" + partner + "/scorecard?minVersion=0", viewer);
        assertThat(before.body().path("figures").path("made").asLong()).isZero();

        events.append(recorded(commitment, partnership, partner, LocalDate.of(2030, 1, 1)));
        Api.Response read = api.get("/api/commitments/" + commitment + "?minVersion=0", viewer);
        Api.Response after = api.get("/api/organisations/" + partner + "/scorecard", viewer,
                "If-None-Match", before.header("ETag"));

        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().path("figures").path("made").asLong()).isEqualTo(1);
        // nor a single commitment, whose signal the date alone turns
        assertThat(api.get("/api/commitments/" + commitment, viewer, "If-None-Match", read.header("ETag")).status())
                .isEqualTo(200);
    }

    private static CommitmentRecorded recorded(UUID commitment, UUID partnership, UUID organisation, LocalDate due) {
        return new CommitmentRecorded(commitment, partnership, organisation, "Tiltak", "b", List.of(), List.of(), due,
                LocalDate.of(2026, 1, 5));
    }

    private static OutcomeReported fulfilled(UUID commitment, UUID partnership, UUID organisation, LocalDate asOf) {
        return new OutcomeReported(commitment, partnership, organisation, OutcomeResult.FULFILLED, "levert", List.of(),
                List.of(), asOf);
    }

    @Test
    void the_median_reporting_lag_is_always_a_decimal_number_or_null() {
        Api api = Api.onPort(port);
        String viewer = tokens.token("v", null, "VIEWER");
        UUID reporting = UUID.randomUUID();
        UUID silent = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 2);
        events.append(new OrganisationRegistered(reporting, "Rapporterer AS", "923609016", Sector.BUSINESS),
                new OrganisationRegistered(silent, "Taus AS", "974760673", Sector.BUSINESS));
        // reported the same day it was true: a lag of zero days
        events.append(day.atTime(10, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant(), Map.of(),
                new CommitmentRecorded(commitment, partnership, reporting, "Tiltak", "b", List.of(), List.of(),
                        LocalDate.of(2027, 6, 30), day),
                new ProgressReported(commitment, partnership, reporting, 10, "n", List.of(), day));
        assertThat(api.get("/api/commitments/" + commitment + "?minVersion=1", viewer).status()).isEqualTo(200);
        assertThat(api.get("/api/organisations/" + silent + "/scorecard?minVersion=0", viewer).status())
                .isEqualTo(200);

        // the same read, again and again (the driver changes how it transfers a statement used often)
        for (int i = 0; i < 30; i++) {
            JsonNode lag = api.get("/api/organisations/" + reporting + "/scorecard", viewer).body()
                    .path("medianReportingLagDays");
            assertThat(lag.isDouble()).as("read " + i + ": " + lag).isTrue();
            assertThat(lag.doubleValue()).isZero();
            assertThat(api.get("/api/organisations/" + silent + "/scorecard", viewer).body()
                    .path("medianReportingLagDays").isNull()).as("nothing to measure").isTrue();
        }
    }
}
