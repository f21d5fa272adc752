package no.partnerskap.projections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import no.partnerskap.api.commitment.AssessmentLevel;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentAssessed;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRevised;
import no.partnerskap.api.commitment.CommitmentEvent.DeadlineExtended;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentWithdrawn;
import no.partnerskap.api.commitment.CommitmentEvent.FollowUpRequested;
import no.partnerskap.api.commitment.CommitmentEvent.MilestoneAdded;
import no.partnerskap.api.commitment.CommitmentEvent.MilestoneCompleted;
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
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementClosedWithDissent;
import no.partnerskap.api.partnership.PartnershipEvent.MeetingRecorded;
import no.partnerskap.api.partnership.PartnershipEvent.MandateRevised;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.MemberLeft;
import no.partnerskap.api.partnership.PartnershipEvent.MemberRoleChanged;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipConcluded;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalDefined;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalRevised;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.pages.PagesTestSupport;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestClock;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Given these events, the follow-up read models show what a person would count by hand. */
@ProjectionServiceTest
class FollowUpProjectionTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    final UUID county = UUID.randomUUID();
    final UUID business = UUID.randomUUID();
    final UUID partnership = UUID.randomUUID();
    final UUID jobs = UUID.randomUUID();
    final UUID onTrack = UUID.randomUUID();
    final UUID late = UUID.randomUUID();
    final UUID slow = UUID.randomUUID();
    final UUID done = UUID.randomUUID();
    final UUID withdrawn = UUID.randomUUID();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void dashboard_counts_statuses_signals_goal_progress_and_resources() {
        clock.setToday(LocalDate.of(2027, 3, 1));
        events.append(new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new OrganisationRegistered(business, "Havkraft AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), county),
                new MemberAdmitted(partnership, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new MemberAdmitted(partnership, business, MemberRole.PARTNER, Representation.MANAGEMENT),
                new ResultGoalDefined(partnership, jobs, "Jobber", "nye jobber", "stk", BigDecimal.ZERO,
                        BigDecimal.valueOf(40), LocalDate.of(2028, 12, 31), List.of("8.5", "17.17")),
                new ResultGoalRevised(partnership, jobs, "Jobber", "nye jobber", "stk", BigDecimal.ZERO,
                        BigDecimal.TEN, BigDecimal.valueOf(40), BigDecimal.valueOf(50), LocalDate.of(2028, 12, 31),
                        List.of("8.5", "17.17"), "ny statistikk"),
                new MeetingRecorded(partnership, UUID.randomUUID(), LocalDate.of(2026, 3, 1), "a", "p1",
                        List.of(new Attendance(county, Representation.LEADERSHIP),
                                new Attendance(business, Representation.OPERATIONAL))),
                new MeetingRecorded(partnership, UUID.randomUUID(), LocalDate.of(2026, 9, 1), "b", "p2",
                        List.of(new Attendance(business, Representation.LEADERSHIP))));
        // on track: due in a year, reported recently
        record(onTrack, business, "2028-03-01", new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(100000), "NOK"));
        events.appendOn("2027-02-02", new ProgressReported(onTrack, partnership, business, 60, "n", List.of(),
                LocalDate.of(2027, 2, 1)));
        // overdue: due last month, still active
        record(late, business, "2027-02-01", new Resource(ResourceKind.PERSON_DAYS, BigDecimal.valueOf(40), "days"));
        // at risk: due within 30 days with 20 % done; the assessment diverges (partner 90 % vs LIMITED)
        record(slow, county, "2027-03-20", new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(50000), "NOK"));
        events.appendOn("2027-02-10", new ProgressReported(slow, partnership, county, 20, "n", List.of(),
                LocalDate.of(2027, 2, 10)));
        events.appendOn("2027-02-12", new FollowUpRequested(slow, partnership, county, UUID.randomUUID(), "rapporter", null));
        // fulfilled with 12 new jobs and 90 000 of 100 000 NOK delivered
        record(done, county, "2027-06-30", new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(100000), "NOK"));
        events.appendOn("2027-01-05", new ProgressReported(done, partnership, county, 90, "n", List.of(), LocalDate.of(2027, 1, 1)),
                new CommitmentAssessed(done, partnership, county, AssessmentLevel.LIMITED, "tvilsomt"),
                new OutcomeReported(done, partnership, county, OutcomeResult.FULFILLED, "n",
                        List.of(new IndicatorValue(jobs, BigDecimal.valueOf(12))),
                        List.of(new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(90000), "NOK")),
                        LocalDate.of(2027, 2, 15)));
        record(withdrawn, business, "2027-12-31");
        events.appendOn("2027-01-20", new CommitmentWithdrawn(withdrawn, partnership, business, "lagt ned"));

        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        // the withdrawal is the last event: once the commitment read model shows it, all is there
        assertThat(api.get("/api/commitments/" + withdrawn + "?minVersion=1", viewer).status()).isEqualTo(200);
        Api.Response read = api.get("/api/partnerships/" + partnership + "?minVersion=6", viewer);
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        JsonNode dashboard = read.body();

        assertThat(dashboard.path("name").asText()).isEqualTo("Grønn region");
        assertThat(dashboard.path("meetings").asLong()).isEqualTo(2);
        JsonNode businessMember = member(dashboard, business);
        assertThat(businessMember.path("meetingsAttended").asLong()).isEqualTo(2);
        assertThat(businessMember.path("leadershipAttendances").asLong()).isEqualTo(1);

        JsonNode goal = dashboard.path("goals").get(0);
        assertThat(goal.path("baseline").decimalValue()).isEqualByComparingTo("10");
        assertThat(goal.path("target").decimalValue()).isEqualByComparingTo("50");
        assertThat(goal.path("achieved").decimalValue()).isEqualByComparingTo("12");
        assertThat(goal.path("progressPercent").decimalValue()).isEqualByComparingTo("30.0"); // 12 of 50 - 10
        assertThat(goal.path("revisions")).hasSize(2);
        assertThat(goal.path("revisions").get(1).path("previousTarget").decimalValue()).isEqualByComparingTo("40");
        assertThat(goal.path("revisions").get(1).path("reason").asText()).isEqualTo("ny statistikk");

        assertThat(dashboard.path("commitmentsByStatus").path("ACTIVE").asLong()).isEqualTo(2);
        assertThat(dashboard.path("commitmentsByStatus").path("OVERDUE").asLong()).isEqualTo(1);
        assertThat(dashboard.path("commitmentsByStatus").path("FULFILLED").asLong()).isEqualTo(1);
        assertThat(dashboard.path("commitmentsByStatus").path("WITHDRAWN").asLong()).isEqualTo(1);
        assertThat(dashboard.path("signals").path("onTrack").asLong()).isEqualTo(1);
        assertThat(dashboard.path("signals").path("atRisk").asLong()).isEqualTo(1);
        assertThat(dashboard.path("signals").path("overdue").asLong()).isEqualTo(1);
        assertThat(dashboard.path("signals").path("closed").asLong()).isEqualTo(2);
        assertThat(ids(dashboard.path("overdue").path("items"))).containsExactly(late.toString());
        assertThat(ids(dashboard.path("dueWithin30Days").path("items"))).containsExactly(slow.toString());
        assertThat(ids(dashboard.path("openFollowUps").path("items"))).containsExactly(slow.toString());
        assertThat(ids(dashboard.path("divergent").path("items"))).containsExactly(done.toString());

        JsonNode funding = resource(dashboard, "FUNDING");
        assertThat(funding.path("pledged").decimalValue()).isEqualByComparingTo("250000");
        assertThat(funding.path("delivered").decimalValue()).isEqualByComparingTo("90000");
        assertThat(resource(dashboard, "PERSON_DAYS").path("pledged").decimalValue()).isEqualByComparingTo("40");

        // time passes: a month later the slow one is overdue too
        clock.setToday(LocalDate.of(2027, 4, 1));
        JsonNode later = api.get("/api/partnerships/" + partnership, viewer).body();
        assertThat(ids(later.path("overdue").path("items"))).containsExactlyInAnyOrder(late.toString(), slow.toString());

        // filters and paging
        JsonNode overduePage = api.get("/api/partnerships/" + partnership + "/commitments?signal=OVERDUE&size=1",
                viewer).body();
        assertThat(overduePage.path("total").asLong()).isEqualTo(2);
        assertThat(overduePage.path("items")).hasSize(1);
        JsonNode ofBusiness = api.get("/api/partnerships/" + partnership + "/commitments?organisationId=" + business,
                viewer).body();
        assertThat(ofBusiness.path("total").asLong()).isEqualTo(3);
        Api.Response soon = api.get("/api/partnerships/" + partnership + "/commitments?signal=SOON", viewer);
        assertThat(soon.status()).isEqualTo(400);
        assertThat(soon.header("Content-Type")).startsWith("application/problem+json");
        assertThat(soon.body().path("errors").findValuesAsText("field")).containsExactly("signal");
        assertThat(soon.body().path("errors").get(0).path("message").asText())
                .isEqualTo("must be one of OVERDUE|AT_RISK|ON_TRACK|CLOSED, not 'SOON'");
        Api.Response badPaging = api.get("/api/partnerships/" + partnership + "/commitments?page=-1&size=501",
                viewer);
        assertThat(badPaging.status()).isEqualTo(400);
        assertThat(badPaging.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("page", "size");
        UUID unknown = UUID.randomUUID();
        for (String path : new String[] {"/api/partnerships/" + unknown + "/commitments",
                "/api/partnerships/" + unknown + "/commitments.csv"}) {
            Api.Response none = api.get(path, viewer);
            assertThat(none.status()).as(path).isEqualTo(404);
            assertThat(none.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(none.text("detail")).as(path).isEqualTo("no partnership " + unknown);
        }
        Api.Response misspelt = api.get("/api/partnership/" + partnership, viewer);
        assertThat(misspelt.status()).isEqualTo(404);
        assertThat(misspelt.text("detail")).isEqualTo("Nothing is at /api/partnership/" + partnership + ".");
        // a path that only takes commands (for commitment-service) has nothing to read either
        String reportPath = "/api/commitments/" + late + "/progress-reports";
        Api.Response commandPath = api.get(reportPath, viewer);
        assertThat(commandPath.status()).isEqualTo(404);
        assertThat(commandPath.text("detail")).isEqualTo("Nothing is at " + reportPath + ".");
    }

    /** A writer waits for the version its command answered with; every kind of change must move it. */
    @Test
    void every_change_to_a_commitment_moves_the_version_a_writer_waits_for() {
        UUID commitment = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        record(commitment, business, "2027-12-31");
        List<Object> changes = List.of(
                new CommitmentRevised(commitment, partnership, business, "Presisert tiltak", "ny beskrivelse",
                        List.of(jobs), List.of(), "presisert"),
                new MilestoneAdded(commitment, partnership, business, milestone, "Pilot", LocalDate.of(2027, 6, 1)),
                new MilestoneCompleted(commitment, partnership, business, milestone, LocalDate.of(2027, 5, 30)),
                new ProgressReported(commitment, partnership, business, 50, "n", List.of(), LocalDate.of(2027, 5, 30)),
                new DeadlineExtended(commitment, partnership, business, LocalDate.of(2027, 12, 31),
                        LocalDate.of(2028, 6, 30), "forsinket"),
                new FollowUpRequested(commitment, partnership, business, UUID.randomUUID(), "rapporter", null),
                new CommitmentAssessed(commitment, partnership, business, AssessmentLevel.SUBSTANTIAL, "godt"),
                new OutcomeReported(commitment, partnership, business, OutcomeResult.FULFILLED, "n", List.of(),
                        List.of(), LocalDate.of(2028, 6, 1)),
                new CommitmentWithdrawn(commitment, partnership, business, "lagt ned"));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");

        for (int version = 1; version <= changes.size(); version++) {
            Object change = changes.get(version - 1);
            events.append(change);
            Api.Response read = api.get("/api/commitments/" + commitment + "?minVersion=" + version, viewer);
            assertThat(read.status()).as(change.getClass().getSimpleName()).isEqualTo(200);
            assertThat(read.header("ETag")).as(change.getClass().getSimpleName()).isEqualTo("\"" + version + "\"");
        }
        JsonNode read = api.get("/api/commitments/" + commitment, viewer).body();
        assertThat(read.path("commitment").path("title").asText()).isEqualTo("Presisert tiltak");
        assertThat(read.path("commitment").path("dueDate").asText()).isEqualTo("2028-06-30");
    }

    /** A completed milestone is the partner reporting: it answers an open request and counts as a report. */
    @Test
    void a_completed_milestone_answers_a_follow_up_request_and_counts_as_a_report() {
        clock.setToday(LocalDate.of(2027, 3, 1));
        UUID commitment = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        events.append(new OrganisationRegistered(business, "Havkraft AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), business),
                new MemberAdmitted(partnership, business, MemberRole.CONVENOR, Representation.LEADERSHIP));
        record(commitment, business, "2027-12-31");
        events.appendOn("2026-12-01", new MilestoneAdded(commitment, partnership, business, milestone, "Pilot",
                        LocalDate.of(2027, 6, 1)),
                new FollowUpRequested(commitment, partnership, business, UUID.randomUUID(), "Hvordan går det?", null));
        // without it: a request open since December and no report since November, both AT_RISK by March
        events.appendOn("2027-01-10", new MilestoneCompleted(commitment, partnership, business, milestone,
                LocalDate.of(2027, 1, 5)));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");

        JsonNode read = api.get("/api/commitments/" + commitment + "?minVersion=3", viewer).body().path("commitment");
        assertThat(read.path("openFollowUpSince").isNull()).isTrue();
        assertThat(read.path("signal").asText()).isEqualTo("ON_TRACK");
        JsonNode scorecard = api.get("/api/organisations/" + business + "/scorecard", viewer).body();
        assertThat(scorecard.path("reports").asLong()).isEqualTo(1);
        assertThat(scorecard.path("medianReportingLagDays").asDouble()).isEqualTo(5.0);
        // the history names the milestone completed
        JsonNode completed = api.get("/api/commitments/" + commitment, viewer).body().path("timeline").get(3);
        assertThat(completed.path("kind").asText()).isEqualTo("MILESTONE_COMPLETED");
        assertThat(completed.path("text").asText()).isEqualTo("Pilot");
    }

    /** "At risk" alone leaves a partner guessing: each at-risk commitment names the conditions that make it so. */
    @Test
    void an_at_risk_commitment_says_why() {
        clock.setToday(LocalDate.of(2027, 3, 1));
        UUID soon = UUID.randomUUID();
        UUID silent = UUID.randomUUID();
        UUID unanswered = UUID.randomUUID();
        UUID everything = UUID.randomUUID();
        events.append(new OrganisationRegistered(business, "Havkraft AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), business),
                new MemberAdmitted(partnership, business, MemberRole.CONVENOR, Representation.LEADERSHIP));
        // recorded on 2026-11-01, so 120 days without a report by 2027-03-01 unless one came
        record(soon, business, "2027-03-20");
        record(silent, business, "2028-01-01");
        record(unanswered, business, "2028-01-01");
        record(everything, business, "2027-03-25");
        record(onTrack, business, "2028-01-01");
        record(late, business, "2027-02-01");
        events.appendOn("2027-02-01", new ProgressReported(soon, partnership, business, 20, "n", List.of(),
                        LocalDate.of(2027, 2, 1)),
                new ProgressReported(unanswered, partnership, business, 60, "n", List.of(), LocalDate.of(2027, 2, 1)),
                new ProgressReported(onTrack, partnership, business, 60, "n", List.of(), LocalDate.of(2027, 2, 1)));
        events.appendOn("2027-02-05", new FollowUpRequested(unanswered, partnership, business, UUID.randomUUID(),
                        "Svar?", null),
                new FollowUpRequested(everything, partnership, business, UUID.randomUUID(), "Svar?", null));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        assertThat(api.get("/api/commitments/" + everything + "?minVersion=1", viewer).status()).isEqualTo(200);

        JsonNode list = api.get("/api/partnerships/" + partnership + "/commitments?size=10", viewer).body();
        java.util.Map<String, List<String>> because = new java.util.HashMap<>();
        java.util.Map<String, String> signal = new java.util.HashMap<>();
        for (JsonNode c : list.path("items")) {
            because.put(c.path("id").asText(), StreamSupport.stream(c.path("atRiskBecause").spliterator(), false)
                    .map(JsonNode::asText).toList());
            signal.put(c.path("id").asText(), c.path("signal").asText());
        }
        assertThat(because.get(soon.toString())).containsExactly("DUE_WITHIN_30_DAYS_UNDER_HALF_DONE");
        assertThat(because.get(silent.toString())).containsExactly("NO_REPORT_FOR_90_DAYS");
        assertThat(because.get(unanswered.toString())).containsExactly("FOLLOW_UP_OPEN_OVER_14_DAYS");
        assertThat(because.get(everything.toString())).containsExactly("DUE_WITHIN_30_DAYS_UNDER_HALF_DONE",
                "NO_REPORT_FOR_90_DAYS", "FOLLOW_UP_OPEN_OVER_14_DAYS");
        // a commitment on track or overdue has no reason to be at risk, though this one has not reported either
        assertThat(because.get(onTrack.toString())).isEmpty();
        assertThat(because.get(late.toString())).isEmpty();
        assertThat(signal.get(late.toString())).isEqualTo("OVERDUE");
        // every commitment with reasons is at risk, and every one at risk has reasons
        because.forEach((id, reasons) -> assertThat(reasons.isEmpty()).as(id).isEqualTo(!"AT_RISK".equals(signal.get(id))));

        JsonNode one = api.get("/api/commitments/" + silent, viewer).body().path("commitment");
        assertThat(one.path("atRiskBecause").get(0).asText()).isEqualTo("NO_REPORT_FOR_90_DAYS");
        String csv = api.get("/api/partnerships/" + partnership + "/commitments.csv?signal=AT_RISK&status=ACTIVE",
                viewer).raw().body();
        assertThat(csv).contains(",AT_RISK,DUE_WITHIN_30_DAYS_UNDER_HALF_DONE NO_REPORT_FOR_90_DAYS FOLLOW_UP_OPEN_OVER_14_DAYS,");
        String page = PagesTestSupport.text(PagesTestSupport.page(port, "/pages/commitments/" + everything + "?lang=nb",
                "Authorization", "Bearer " + viewer));
        assertThat(page).contains("I faresonen : forfaller innen 30 dager, under halvveis ; ingen rapport på 90 dager ; "
                + "oppfølgingsforespørsel ubesvart i over 14 dager");
        String listPage = PagesTestSupport.text(PagesTestSupport.page(port, "/pages/partnerships/" + partnership
                + "?signal=AT_RISK", "Authorization", "Bearer " + viewer));
        assertThat(listPage).contains("At risk follow-up request open for over 14 days");
        // the list the signal counts link to says why, and since when a request waits
        String listed = PagesTestSupport.row(PagesTestSupport.page(port, "/pages/partnerships/" + partnership
                + "?signal=AT_RISK&lang=en", "Authorization", "Bearer " + viewer), "data-commitment", unanswered.toString());
        assertThat(listed).contains("At risk follow-up request open for over 14 days Follow-up requested February 5, 2027");
    }

    /**
     * A request that names the day to answer by is at risk from the day after it, not after 14 days: the
     * secretariat's own date, neither a false alarm before it nor a late one after a short one.
     */
    @Test
    void a_follow_up_request_naming_a_day_is_at_risk_once_that_day_has_passed() {
        clock.setToday(LocalDate.of(2027, 3, 1));
        UUID patient = UUID.randomUUID();
        UUID urgent = UUID.randomUUID();
        UUID undated = UUID.randomUUID();
        events.append(new OrganisationRegistered(business, "Havkraft AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), business),
                new MemberAdmitted(partnership, business, MemberRole.CONVENOR, Representation.LEADERSHIP));
        for (UUID c : List.of(patient, urgent, undated)) {
            record(c, business, "2028-01-01");
            events.appendOn("2027-01-20", new ProgressReported(c, partnership, business, 60, "n", List.of(),
                    LocalDate.of(2027, 1, 20)));
        }
        // open for four weeks, to be answered by the end of April; open four days, to be answered by two days ago
        events.appendOn("2027-02-01", new FollowUpRequested(patient, partnership, business, UUID.randomUUID(),
                        "Rapport innen april", LocalDate.of(2027, 4, 30)),
                new FollowUpRequested(undated, partnership, business, UUID.randomUUID(), "Status?", null));
        events.appendOn("2027-02-25", new FollowUpRequested(urgent, partnership, business, UUID.randomUUID(),
                "Svar innen fredag", LocalDate.of(2027, 2, 27)));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");

        JsonNode patientRead = api.get("/api/commitments/" + patient + "?minVersion=2", viewer).body()
                .path("commitment");
        assertThat(patientRead.path("signal").asText()).isEqualTo("ON_TRACK");
        assertThat(patientRead.path("atRiskBecause")).isEmpty();
        JsonNode urgentRead = api.get("/api/commitments/" + urgent + "?minVersion=2", viewer).body().path("commitment");
        assertThat(urgentRead.path("signal").asText()).isEqualTo("AT_RISK");
        assertThat(urgentRead.path("atRiskBecause").toString()).isEqualTo("[\"FOLLOW_UP_PAST_RESPOND_BY\"]");
        JsonNode undatedRead = api.get("/api/commitments/" + undated + "?minVersion=2", viewer).body()
                .path("commitment");
        assertThat(undatedRead.path("atRiskBecause").toString()).isEqualTo("[\"FOLLOW_UP_OPEN_OVER_14_DAYS\"]");
        assertThat(PagesTestSupport.text(PagesTestSupport.page(port, "/pages/commitments/" + urgent + "?lang=nb",
                "Authorization", "Bearer " + viewer))).contains("I faresonen : oppfølgingsforespørsel ikke besvart "
                + "innen svarfristen");

        // on the day itself it is not late yet
        clock.setToday(LocalDate.of(2027, 2, 27));
        assertThat(api.get("/api/commitments/" + urgent, viewer).body().path("commitment").path("signal").asText())
                .isEqualTo("ON_TRACK");
    }

    /** The secretariat following up needs the day it asked an answer by beside each open request. */
    @Test
    void an_open_follow_up_request_shows_the_day_an_answer_was_asked_by() {
        clock.setToday(LocalDate.of(2027, 3, 1));
        events.append(new OrganisationRegistered(business, "Havkraft AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), business),
                new MemberAdmitted(partnership, business, MemberRole.CONVENOR, Representation.LEADERSHIP));
        record(onTrack, business, "2028-01-01");
        record(slow, business, "2028-01-01");
        events.appendOn("2027-02-01", new FollowUpRequested(onTrack, partnership, business, UUID.randomUUID(),
                        "Status?", LocalDate.of(2027, 2, 15)),
                new FollowUpRequested(slow, partnership, business, UUID.randomUUID(), "Status?",
                        LocalDate.of(2027, 2, 15)));
        // a reminder naming no day leaves the day asked before; one naming a day asks by that day now
        events.appendOn("2027-02-20", new FollowUpRequested(onTrack, partnership, business, UUID.randomUUID(),
                        "Påminnelse", null),
                new FollowUpRequested(slow, partnership, business, UUID.randomUUID(), "Påminnelse",
                        LocalDate.of(2027, 3, 10)));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        assertThat(api.get("/api/commitments/" + slow + "?minVersion=2", viewer).status()).isEqualTo(200);

        JsonNode dashboard = api.get("/api/partnerships/" + partnership, viewer).body();
        java.util.Map<String, String> respondBy = new java.util.HashMap<>();
        java.util.Map<String, String> since = new java.util.HashMap<>();
        for (JsonNode c : dashboard.path("openFollowUps").path("items")) {
            respondBy.put(c.path("id").asText(), c.path("openFollowUpRespondBy").asText());
            since.put(c.path("id").asText(), c.path("openFollowUpSince").asText());
        }
        assertThat(respondBy).containsEntry(onTrack.toString(), "2027-02-15").containsEntry(slow.toString(),
                "2027-03-10");
        assertThat(since).containsEntry(onTrack.toString(), "2027-02-01").containsEntry(slow.toString(), "2027-02-01");
        String csv = api.get("/api/partnerships/" + partnership + "/commitments.csv?openFollowUp=true", viewer)
                .raw().body();
        assertThat(csv).contains(",openFollowUpSince,openFollowUpRespondBy,closedOn,")
                .contains(",2027-02-01,2027-03-10,,,");
        String page = PagesTestSupport.text(PagesTestSupport.page(port, "/pages/partnerships/" + partnership
                + "?lang=nb", "Authorization", "Bearer " + viewer));
        assertThat(page).contains("1. februar 2027 svar innen 10. mars 2027");
        String commitmentPage = PagesTestSupport.text(PagesTestSupport.page(port, "/pages/commitments/" + onTrack,
                "Authorization", "Bearer " + viewer));
        assertThat(commitmentPage).contains("Follow-up requested February 1, 2027 answer by February 15, 2027");

        // the partner reports: the request is answered, and no day is asked any more
        events.appendOn("2027-02-25", new ProgressReported(slow, partnership, business, 30, "n", List.of(),
                LocalDate.of(2027, 2, 25)));
        JsonNode answered = api.get("/api/commitments/" + slow + "?minVersion=3", viewer).body().path("commitment");
        assertThat(answered.path("openFollowUpSince").isNull()).isTrue();
        assertThat(answered.path("openFollowUpRespondBy").isNull()).isTrue();
        // a new request with no day does not bring back the day of the one answered
        events.appendOn("2027-02-26", new FollowUpRequested(slow, partnership, business, UUID.randomUUID(), "Mer?",
                null));
        JsonNode again = api.get("/api/commitments/" + slow + "?minVersion=4", viewer).body().path("commitment");
        assertThat(again.path("openFollowUpSince").asText()).isEqualTo("2027-02-26");
        assertThat(again.path("openFollowUpRespondBy").isNull()).isTrue();
    }

    /** A goal's revision that moves its date or its SDG targets says so, not only one that moves its figures. */
    @Test
    void a_goal_revision_says_what_it_changed() {
        events.append(new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), county),
                new MemberAdmitted(partnership, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new ResultGoalDefined(partnership, jobs, "Jobber", "nye jobber", "stk", BigDecimal.ZERO,
                        BigDecimal.valueOf(40), LocalDate.of(2028, 12, 31), List.of("8.5")),
                new ResultGoalRevised(partnership, jobs, "Jobber", "nye faste jobber", "stk", BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.valueOf(40), BigDecimal.valueOf(40.0), LocalDate.of(2030, 12, 31),
                        List.of("17.17", "8.5"), "lengre periode"));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        JsonNode goal = api.get("/api/partnerships/" + partnership + "?minVersion=3", viewer).body().path("goals").get(0);
        JsonNode revisions = goal.path("revisions");
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).path("changed")).isEmpty();
        assertThat(revisions.get(1).path("changed").toString())
                .isEqualTo("[\"indicator\",\"targetDate\",\"sdgTargets\"]");
        assertThat(revisions.get(1).path("targetDate").asText()).isEqualTo("2030-12-31");
        assertThat(revisions.get(0).path("targetDate").asText()).isEqualTo("2028-12-31");
        String page = PagesTestSupport.text(PagesTestSupport.page(port, "/pages/partnerships/" + partnership,
                "Authorization", "Bearer " + viewer));
        assertThat(page).contains("target date December 31, 2028 → December 31, 2030")
                .contains("SDG targets 8.5 → 17.17, 8.5").contains("indicator “nye jobber” → “nye faste jobber”");
    }

    /** A revision states the pledge as revised: a line it leaves out is pledged no more, in every view. */
    @Test
    void a_revision_drops_the_resource_lines_it_leaves_out() {
        UUID water = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        UUID delivering = UUID.randomUUID();
        events.append(new OrganisationRegistered(business, "Havkraft AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), business),
                new MemberAdmitted(partnership, business, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new ResultGoalDefined(partnership, water, "Rent vann", null, null, BigDecimal.ZERO, BigDecimal.TEN,
                        null, List.of("6.b")));
        events.appendOn("2026-11-01", new CommitmentRecorded(commitment, partnership, business, "Tiltak", "d", List.of(water),
                        List.of(new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(2_000_000), "NOK"),
                                new Resource(ResourceKind.PERSON_DAYS, BigDecimal.valueOf(40), "days"),
                                new Resource(ResourceKind.IN_KIND, BigDecimal.ONE, "båt")),
                        LocalDate.of(2027, 6, 30), LocalDate.of(2026, 11, 1)),
                new CommitmentRevised(commitment, partnership, business, "Tiltak", "d", List.of(water),
                        List.of(new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(2_500_000), "NOK")), "ny plan"),
                // delivered what it never pledged: shown as delivered, not as a pledge of nothing
                new CommitmentRecorded(delivering, partnership, business, "Ladestasjoner", "d", List.of(water),
                        List.of(), LocalDate.of(2027, 6, 30), LocalDate.of(2026, 11, 1)),
                new OutcomeReported(delivering, partnership, business, OutcomeResult.FULFILLED, "n", List.of(),
                        List.of(new Resource(ResourceKind.IN_KIND, BigDecimal.valueOf(3), "ladestasjoner")),
                        LocalDate.of(2026, 11, 1)));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");

        assertThat(api.get("/api/commitments/" + delivering + "?minVersion=1", viewer).status()).isEqualTo(200);
        JsonNode revised = api.get("/api/commitments/" + commitment, viewer).body();
        assertThat(revised.path("resources")).hasSize(1);
        assertThat(revised.path("resources").get(0).path("unit").asText()).isEqualTo("NOK");
        assertThat(revised.path("resources").get(0).path("pledged").decimalValue()).isEqualByComparingTo("2500000");
        JsonNode dashboard = api.get("/api/partnerships/" + partnership, viewer).body();
        assertThat(dashboard.path("resources").findValuesAsText("unit"))
                .containsExactlyInAnyOrder("NOK", "ladestasjoner");
        JsonNode target = StreamSupport.stream(api.get("/api/sdg", viewer).body().get(5)
                .path("targets").spliterator(), false).filter(t -> t.path("target").asText().equals("6.b"))
                .findFirst().orElseThrow();
        assertThat(target.path("resources").findValuesAsText("unit")).containsExactly("NOK");

        // and the history says what the revision changed: nothing is revised silently
        JsonNode revision = revised.path("timeline").get(1).path("revision");
        assertThat(revised.path("timeline").get(1).path("kind").asText()).isEqualTo("REVISED");
        assertThat(revision.path("before").path("resources").findValuesAsText("unit"))
                .containsExactly("NOK", "båt", "days");
        assertThat(revision.path("after").path("resources").findValuesAsText("unit")).containsExactly("NOK");
        assertThat(revision.path("after").path("resources").get(0).path("amount").decimalValue())
                .isEqualByComparingTo("2500000");
        String page = PagesTestSupport.text(PagesTestSupport.page(port, "/pages/commitments/" + commitment + "?lang=en",
                "Authorization", "Bearer " + viewer));
        assertThat(page).contains("Funding (NOK): 2,000,000 → 2,500,000", "In kind (båt): 1 → –",
                "Person-days (days): 40 → –").doesNotContain("Title:");
    }

    /**
     * What a revision changed is kept as JSON, which holds neither U+0000 nor half a surrogate pair: text from
     * events older versions stored with them reads as U+FFFD there, as everywhere, and the read model goes on.
     */
    @Test
    void a_revision_of_text_no_json_can_hold_is_kept_with_the_replacement_character() {
        UUID commitment = UUID.randomUUID();
        events.append(new OrganisationRegistered(business, "Havkraft AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), business));
        events.appendOn("2026-11-01", new CommitmentRecorded(commitment, partnership, business, "Tiltak", "d", List.of(),
                        List.of(), LocalDate.of(2027, 6, 30), LocalDate.of(2026, 11, 1)),
                new CommitmentRevised(commitment, partnership, business, "Ny\u0000tittel \uD800", "d", List.of(),
                        List.of(new Resource(ResourceKind.IN_KIND, BigDecimal.ONE, "b\u0000t")), "rettet"));
        String viewer = tokens.token("viewer", null, "VIEWER");

        JsonNode read = Api.onPort(port).get("/api/commitments/" + commitment + "?minVersion=1", viewer).body();
        JsonNode revision = read.path("timeline").get(1).path("revision");
        assertThat(revision.path("after").path("title").asText()).isEqualTo("Ny\uFFFDtittel \uFFFD");
        assertThat(revision.path("after").path("resources").get(0).path("unit").asText()).isEqualTo("b\uFFFDt");
        assertThat(revision.path("before").path("title").asText()).isEqualTo("Tiltak");
    }

    /** A revised mandate keeps its reason and the mandate it replaced in view, as a revised goal does. */
    @Test
    void a_revised_mandate_shows_why_and_what_it_replaced() {
        events.append(new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "Samordne",
                        "P", null, null, new Period(LocalDate.of(2026, 1, 1), null), county));
        events.appendOn("2027-02-01", new MandateRevised(partnership, "Samordne", "Samordne og måle", "fylkestinget ba om det"));
        String viewer = tokens.token("viewer", null, "VIEWER");

        JsonNode dashboard = Api.onPort(port).get("/api/partnerships/" + partnership + "?minVersion=1", viewer).body();
        assertThat(dashboard.path("mandate").asText()).isEqualTo("Samordne og måle");
        JsonNode revision = dashboard.path("mandateRevisions").get(0);
        assertThat(revision.path("previousMandate").asText()).isEqualTo("Samordne");
        assertThat(revision.path("reason").asText()).isEqualTo("fylkestinget ba om det");
        assertThat(PagesTestSupport.text(PagesTestSupport.page(port, "/pages/partnerships/" + partnership + "?lang=en",
                "Authorization", "Bearer " + viewer)))
                .contains("Revised February 1, 2027. Reason: fylkestinget ba om det. Before: “Samordne”");
    }

    /**
     * The upgrade that began keeping mandate revisions copied every revision stored, including those the processor
     * had not handled yet (after a crash, or a projection-service that lagged): handling one of them must not fail
     * on the row already there, which stopped the partnership's dashboard for good.
     */
    @Test
    void a_mandate_revision_the_upgrade_already_copied_is_handled_once_more_without_harm() {
        events.append(new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "Samordne",
                        "P", null, null, new Period(LocalDate.of(2026, 1, 1), null), county));
        String viewer = tokens.token("viewer", null, "VIEWER");
        Api.onPort(port).get("/api/partnerships/" + partnership + "?minVersion=0", viewer);
        jdbc.update("""
                insert into mandate_revision (partnership_id, sequence_number, previous_mandate, mandate, reason,
                    recorded_at) values (?, 1, 'Samordne', 'Samordne og måle', 'fylkestinget ba om det', now())""",
                partnership);

        events.append(new MandateRevised(partnership, "Samordne", "Samordne og måle", "fylkestinget ba om det"));
        events.append(new MeetingRecorded(partnership, UUID.randomUUID(), LocalDate.of(2026, 3, 1), "Oppstart", null,
                List.of()));

        Api.Response dashboard = Api.onPort(port).get("/api/partnerships/" + partnership + "?minVersion=2", viewer);
        assertThat(dashboard.status()).as(dashboard.body().toString()).isEqualTo(200);
        assertThat(dashboard.body().path("mandate").asText()).isEqualTo("Samordne og måle");
        assertThat(dashboard.body().path("mandateRevisions")).hasSize(1);
    }

    @Test
    void a_concluded_partnership_says_when_and_why() {
        events.append(new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), county));
        // late in the evening in Oslo: the day is Oslo's, not UTC's
        events.append(LocalDate.of(2027, 1, 20).atTime(23, 30).atZone(java.time.ZoneId.of("Europe/Oslo")).toInstant(),
                java.util.Map.of(), new PartnershipConcluded(partnership, "formålet er nådd"));

        JsonNode dashboard = Api.onPort(port).get("/api/partnerships/" + partnership + "?minVersion=1",
                tokens.token("viewer", null, "VIEWER")).body();

        assertThat(dashboard.path("concluded").asBoolean()).isTrue();
        assertThat(dashboard.path("concludedOn").asText()).isEqualTo("2027-01-20");
        assertThat(dashboard.path("conclusionReason").asText()).isEqualTo("formålet er nådd");
    }

    /**
     * Text the write side now refuses, in events stored before: a U+0000 (no PostgreSQL text holds it) and a
     * subject longer than any column had room for. The read models take them, and go on.
     */
    @Test
    void events_holding_a_nul_character_or_an_overlong_subject_do_not_stop_the_read_models() {
        UUID commitment = UUID.randomUUID();
        String longSubject = "u".repeat(300) + "@x.no";
        events.append(new OrganisationRegistered(county, "Vestland\u0000fylkeskommune", "821311632",
                        Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(partnership, "Grønn\u0000region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), county));
        events.append(java.time.Instant.parse("2026-11-02T10:00:00Z"),
                java.util.Map.of(no.partnerskap.api.common.AuditMetadata.SUBJECT, longSubject),
                new CommitmentRecorded(commitment, partnership, county, "Tiltak", "beskrivelse", List.of(), List.of(),
                        LocalDate.of(2027, 6, 30), LocalDate.of(2026, 11, 1)),
                new ProgressReported(commitment, partnership, county, 10, "a\u0000b", List.of("https://a.no/\u0000"),
                        LocalDate.of(2026, 11, 2)));

        Api api = Api.onPort(port);
        String auditor = tokens.token("revisor", null, "AUDITOR");
        Api.Response read = api.get("/api/commitments/" + commitment + "?minVersion=1", auditor);
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        JsonNode report = read.body().path("timeline").get(1);
        assertThat(report.path("text").asText()).isEqualTo("a\uFFFDb");
        assertThat(report.path("recordedBy").asText()).isEqualTo(longSubject);
        assertThat(api.get("/api/partnerships/" + partnership + "?minVersion=0", auditor).body().path("name").asText())
                .isEqualTo("Grønn\uFFFDregion");
        assertThat(api.get("/api/organisations/" + county + "/scorecard?minVersion=0", auditor).status())
                .isEqualTo(200);
    }

    /** The outcome is the partner's final report: it, not an earlier percentage, is set beside the assessment. */
    @Test
    void a_fulfilled_commitment_assessed_complete_is_not_divergent_whatever_its_last_percentage() {
        clock.setToday(LocalDate.of(2027, 3, 1));
        events.append(new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), county),
                new MemberAdmitted(partnership, county, MemberRole.CONVENOR, Representation.LEADERSHIP));
        record(done, county, "2027-06-30");
        record(slow, county, "2027-06-30");
        events.appendOn("2027-01-05", new ProgressReported(done, partnership, county, 35, "n", List.of(), LocalDate.of(2027, 1, 1)),
                new OutcomeReported(done, partnership, county, OutcomeResult.FULFILLED, "n", List.of(), List.of(),
                        LocalDate.of(2027, 2, 15)),
                new CommitmentAssessed(done, partnership, county, AssessmentLevel.COMPLETE, "levert"),
                new OutcomeReported(slow, partnership, county, OutcomeResult.NOT_FULFILLED, "n", List.of(), List.of(),
                        LocalDate.of(2027, 2, 15)),
                new CommitmentAssessed(slow, partnership, county, AssessmentLevel.COMPLETE, "uenig"));

        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        assertThat(api.get("/api/commitments/" + slow + "?minVersion=2", viewer).status()).isEqualTo(200);
        JsonNode dashboard = api.get("/api/partnerships/" + partnership, viewer).body();
        assertThat(ids(dashboard.path("divergent").path("items"))).containsExactly(slow.toString());
    }

    @Test
    void the_convenor_shown_is_the_member_who_convenes_now() {
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        events.append(new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new OrganisationRegistered(business, "Havkraft AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), county),
                new MemberAdmitted(partnership, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new MemberAdmitted(partnership, business, MemberRole.PARTNER, Representation.MANAGEMENT),
                new MemberRoleChanged(partnership, county, MemberRole.CONVENOR, MemberRole.PARTNER, null));
        assertThat(api.get("/api/partnerships/" + partnership + "?minVersion=3", viewer).body()
                .path("convenorOrganisationId").isNull()).as("handed over, not yet taken").isTrue();

        events.append(new MemberRoleChanged(partnership, business, MemberRole.PARTNER, MemberRole.CONVENOR,
                Representation.LEADERSHIP));
        assertThat(api.get("/api/partnerships/" + partnership + "?minVersion=4", viewer).body()
                .path("convenorOrganisationId").asText()).isEqualTo(business.toString());

        events.append(new MemberLeft(partnership, business, "trekker seg"));
        assertThat(api.get("/api/partnerships/" + partnership + "?minVersion=5", viewer).body()
                .path("convenorOrganisationId").isNull()).isTrue();
        assertThat(PagesTestSupport.text(PagesTestSupport.page(port, "/pages/partnerships/" + partnership + "?lang=en",
                "Authorization", "Bearer " + viewer)))
                .contains("Convenor –");
    }

    /** The write side now refuses such a meeting; one recorded before must not stop the partnerships' read model. */
    @Test
    void a_meeting_that_lists_an_attendee_twice_counts_once_and_the_read_model_goes_on() {
        UUID meeting = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        events.append(new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), county),
                new MemberAdmitted(partnership, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new MeetingRecorded(partnership, meeting, LocalDate.of(2026, 3, 1), "a", "p1",
                        List.of(new Attendance(county, Representation.LEADERSHIP),
                                new Attendance(county, Representation.OPERATIONAL))),
                new PartnershipEstablished(later, "Etterpå", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), county));

        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        assertThat(api.get("/api/partnerships/" + later + "?minVersion=0", viewer).status()).isEqualTo(200);
        JsonNode dashboard = api.get("/api/partnerships/" + partnership, viewer).body();
        assertThat(dashboard.path("meetings").asLong()).isEqualTo(1);
        assertThat(member(dashboard, county).path("meetingsAttended").asLong()).isEqualTo(1);
        assertThat(member(dashboard, county).path("leadershipAttendances").asLong()).isEqualTo(1);
    }

    /** A member that left is counted against the meetings held while it was one, not against those after. */
    @Test
    void attendance_counts_against_the_meetings_held_while_a_member() {
        UUID left = UUID.randomUUID();
        events.appendOn("2026-01-05", new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632",
                        Sector.PUBLIC_COUNTY),
                new OrganisationRegistered(left, "Energi Vest AS", "923609016", Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Grønn region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), county),
                new MemberAdmitted(partnership, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new MemberAdmitted(partnership, left, MemberRole.PARTNER, Representation.MANAGEMENT));
        events.appendOn("2026-02-25", new MeetingRecorded(partnership, UUID.randomUUID(), LocalDate.of(2026, 2, 24),
                "Oppstart", "Referat 1/2026", List.of(new Attendance(county, Representation.LEADERSHIP),
                        new Attendance(left, Representation.OPERATIONAL))));
        UUID disagreement = UUID.randomUUID();
        events.appendOn("2026-03-02", new DisagreementRaised(partnership, disagreement, left, "Fordeling av midler",
                        "uenige"),
                new DisagreementClosedWithDissent(partnership, disagreement, "Flertallet vedtok kriteriene",
                        List.of(left)));
        events.appendOn("2026-05-15", new MemberLeft(partnership, left, "ut av bransjen"));
        events.appendOn("2026-06-11", new MeetingRecorded(partnership, UUID.randomUUID(), LocalDate.of(2026, 6, 10),
                "Status", "Referat 2/2026", List.of(new Attendance(county, Representation.LEADERSHIP))));

        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        Api.Response read = api.get("/api/partnerships/" + partnership + "?minVersion=7", viewer);
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);

        assertThat(read.body().path("meetings").asLong()).isEqualTo(2);
        assertThat(member(read.body(), left).path("meetingsAttended").asLong()).isEqualTo(1);
        assertThat(member(read.body(), left).path("meetingsWhileMember").asLong()).as("not the one after it left")
                .isEqualTo(1);
        assertThat(member(read.body(), county).path("meetingsWhileMember").asLong()).isEqualTo(2);
        // the meetings themselves, the latest first, and how the disagreement was closed
        JsonNode held = read.body().path("meetingsHeld");
        assertThat(held).hasSize(2);
        assertThat(held.get(0).path("date").asText()).isEqualTo("2026-06-10");
        assertThat(held.get(1).path("minutesReference").asText()).isEqualTo("Referat 1/2026");
        assertThat(held.get(1).path("attendance")).hasSize(2);
        assertThat(read.body().path("openDisagreements")).isEmpty();
        JsonNode closed = read.body().path("closedDisagreements").get(0);
        assertThat(closed.path("dissent").asText()).isEqualTo("Flertallet vedtok kriteriene");
        assertThat(closed.path("dissentingOrganisationIds").get(0).asText()).isEqualTo(left.toString());
        String page = PagesTestSupport.text(PagesTestSupport.page(port, "/pages/partnerships/" + partnership
                + "?lang=nb", "Authorization", "Bearer " + viewer));
        assertThat(page).contains("1 av 1").contains("2 av 2").doesNotContain("1 av 2")
                .contains("Lukket med dissens: Flertallet vedtok kriteriene Dissens fra: Energi Vest AS")
                .contains("10. juni 2026 Status Referat 2/2026 Vestland fylkeskommune ( Ledelse )");
    }

    private void record(UUID commitment, UUID organisation, String due, Resource... resources) {
        events.appendOn("2026-11-01", new CommitmentRecorded(commitment, partnership, organisation, "Tiltak " + commitment,
                "beskrivelse", List.of(jobs), List.of(resources), LocalDate.parse(due), LocalDate.of(2026, 11, 1)));
    }

    private static JsonNode member(JsonNode dashboard, UUID organisation) {
        for (JsonNode member : dashboard.path("members")) {
            if (member.path("organisationId").asText().equals(organisation.toString())) {
                return member;
            }
        }
        throw new AssertionError("no member " + organisation);
    }

    private static JsonNode resource(JsonNode dashboard, String kind) {
        for (JsonNode line : dashboard.path("resources")) {
            if (line.path("kind").asText().equals(kind)) {
                return line;
            }
        }
        throw new AssertionError("no resource " + kind);
    }

    private static List<String> ids(JsonNode rows) {
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false).map(r -> r.path("id").asText()).toList();
    }

}
