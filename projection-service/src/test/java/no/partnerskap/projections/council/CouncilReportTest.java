package no.partnerskap.projections.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.partnerskap.api.commitment.AssessmentLevel;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentAssessed;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentWithdrawn;
import no.partnerskap.api.commitment.CommitmentEvent.DeadlineExtended;
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
import no.partnerskap.api.partnership.PartnershipEvent.MeetingRecorded;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.MemberLeft;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipConcluded;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalDefined;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalRevised;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.history.EventHistory;
import no.partnerskap.projections.web.Csv;
import no.partnerskap.projections.pages.PagesTestSupport;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestClock;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Given a year of partnership life (2019, with events before and after it), the council report
 * shows what a person would count by hand, in JSON, CSV and HTML alike.
 */
@ProjectionServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilReportTest {

    static final String GREEN_NAME = "Grønn \"region\", Vestland";
    static final String NASTY_NAME = "=cmd|' /C calc'!A0 <script>alert('x')</script>";

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
    @Autowired
    ObjectMapper json;

    final UUID county = UUID.randomUUID();
    final UUID business = UUID.randomUUID();
    final UUID university = UUID.randomUUID();
    final UUID former = UUID.randomUUID();
    final UUID green = UUID.randomUUID();
    final UUID network = UUID.randomUUID();
    final UUID concludedBefore = UUID.randomUUID();
    final UUID nextPeriod = UUID.randomUUID();
    final UUID concludedInYear = UUID.randomUUID();
    final UUID jobs = UUID.randomUUID();
    final UUID emissions = UUID.randomUUID();
    final UUID fulfilled = UUID.randomUUID();
    final UUID overdue = UUID.randomUUID();
    final UUID extended = UUID.randomUUID();
    final UUID withdrawn = UUID.randomUUID();
    final UUID closedAfterYear = UUID.randomUUID();
    final UUID closedBeforeYear = UUID.randomUUID();
    final UUID madeAfterYear = UUID.randomUUID();
    final UUID networkCommitment = UUID.randomUUID();

    Api api;
    String viewer;

    @BeforeAll
    void given_a_year_of_events() {
        api = Api.onPort(port);
        viewer = tokens.token("viewer", null, "VIEWER");
        events.appendOn("2017-01-05", new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY),
                new OrganisationRegistered(business, "Havkraft AS", "923609016", Sector.BUSINESS),
                new OrganisationRegistered(university, "Universitetet i Bergen", "874789542", Sector.ACADEMIA),
                new OrganisationRegistered(former, "Gammel partner AS", "910747711", Sector.BUSINESS),
                establish(concludedBefore, "Avsluttet samarbeid", PartnershipKind.STRATEGIC, null, "2017-01-01",
                        "2020-12-31"));
        events.appendOn("2018-01-05", establish(concludedInYear, "Avsluttet i året", PartnershipKind.STRATEGIC, null,
                "2018-01-01", "2020-12-31"));
        events.appendOn("2018-01-10", establish(green, GREEN_NAME, PartnershipKind.STRATEGIC, null, "2018-01-01", "2020-12-31"),
                new MemberAdmitted(green, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new MemberAdmitted(green, former, MemberRole.PARTNER, Representation.OPERATIONAL));
        events.appendOn("2018-02-01", new MemberAdmitted(green, business, MemberRole.PARTNER, Representation.MANAGEMENT));
        events.appendOn("2018-03-01", new ResultGoalDefined(green, jobs, "Nye arbeidsplasser", "arbeidsplasser", "stk",
                BigDecimal.ZERO, BigDecimal.valueOf(40), LocalDate.of(2020, 12, 31), List.of("8.5", "17.17")));
        record("2018-03-01", closedBeforeYear, green, county, "2018-12-01", money(5000));
        events.appendOn("2018-10-01", new MemberLeft(green, former, "omorganisert"));
        record("2018-11-01", fulfilled, green, county, "2019-06-30", money(100000));
        events.appendOn("2018-11-01", new PartnershipConcluded(concludedBefore, "formålet er nådd"));
        events.appendOn("2018-11-20", outcome(closedBeforeYear, green, county, OutcomeResult.FULFILLED, 3, money(5000)));
        events.appendOn("2018-12-02", meeting(green, "2018-12-01", Map.of(county, Representation.LEADERSHIP)));

        // 2019, the year reported on
        events.appendOn("2019-01-05", establish(network, NASTY_NAME, PartnershipKind.THEMATIC_NETWORK, green, "2019-01-01",
                        "2019-12-31"),
                new MemberAdmitted(network, business, MemberRole.CONVENOR, Representation.LEADERSHIP));
        events.appendOn("2019-02-01", new ResultGoalDefined(green, emissions, "Lavere utslipp", "CO2", "tonn",
                BigDecimal.valueOf(100), BigDecimal.valueOf(60), null, List.of("13.2")));
        record("2019-02-01", overdue, green, business, "2019-10-01",
                // as a client may send it: the CSV writes the number without its trailing zeros
                new Resource(ResourceKind.PERSON_DAYS, new BigDecimal("40.00"), "days"));
        events.appendOn("2019-03-01", new MemberAdmitted(green, university, MemberRole.PARTNER, Representation.LEADERSHIP));
        record("2019-03-01", extended, green, business, "2019-11-01", money(50000));
        events.appendOn("2019-03-11", meeting(green, "2019-03-10",
                Map.of(county, Representation.LEADERSHIP, business, Representation.OPERATIONAL)));
        record("2019-04-01", withdrawn, green, university, "2019-12-01", money(20000));
        // also moves the target date and changes the SDG targets, which the report names beside the figures
        events.appendOn("2019-05-01", new ResultGoalRevised(green, jobs, "Nye arbeidsplasser", "arbeidsplasser", "stk",
                BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.valueOf(40), BigDecimal.valueOf(50),
                LocalDate.of(2021, 6, 30), List.of("8.5", "8.2"), "ny statistikk"));
        record("2019-05-01", closedAfterYear, green, county, "2019-09-01", money(30000));
        events.appendOn("2019-05-06", meeting(network, "2019-05-05", Map.of(business, Representation.LEADERSHIP)));
        record("2019-06-01", networkCommitment, network, business, "2019-12-31",
                new Resource(ResourceKind.IN_KIND, BigDecimal.TEN, "timer"));
        events.appendOn("2019-06-20", outcome(fulfilled, green, county, OutcomeResult.FULFILLED, 12, money(90000)));
        events.appendOn("2019-06-30", new PartnershipConcluded(concludedInYear, "slått sammen"));
        events.appendOn("2019-08-01", new CommitmentWithdrawn(withdrawn, green, university, "ingen midler"));
        events.appendOn("2019-09-11", meeting(green, "2019-09-10", Map.of(county, Representation.LEADERSHIP,
                business, Representation.LEADERSHIP, university, Representation.LEADERSHIP)));
        events.appendOn("2019-10-15", new DeadlineExtended(extended, green, business, LocalDate.of(2019, 11, 1),
                LocalDate.of(2020, 3, 1), "forsinket levering"));
        // what the report leaves out of a rebuild: reports, milestones, follow-up, assessments
        UUID step = UUID.randomUUID();
        events.appendOn("2019-10-20", new ProgressReported(overdue, green, business, 30, "n", List.of(),
                        LocalDate.of(2019, 10, 20)),
                new MilestoneAdded(extended, green, business, step, "Første leveranse", LocalDate.of(2019, 12, 1)),
                new MilestoneCompleted(extended, green, business, step, LocalDate.of(2019, 10, 20)),
                new FollowUpRequested(overdue, green, business, UUID.randomUUID(), "Status?", null),
                new CommitmentAssessed(overdue, green, business, AssessmentLevel.LIMITED, "svakt"));
        events.appendOn("2019-11-01", establish(nextPeriod, "Neste periode", PartnershipKind.STRATEGIC, null, "2020-01-01",
                "2022-12-31"));
        events.appendOn("2019-12-20", new OutcomeReported(networkCommitment, network, business, OutcomeResult.NOT_FULFILLED, "n",
                List.of(), List.of(new Resource(ResourceKind.IN_KIND, BigDecimal.valueOf(2), "timer")),
                LocalDate.of(2019, 12, 20)));

        // after the year
        record("2020-01-05", madeAfterYear, green, business, "2020-06-01", money(7000));
        events.appendOn("2020-01-10", outcome(closedAfterYear, green, county, OutcomeResult.PARTIALLY_FULFILLED, 5, money(10000)));
        events.appendOn("2020-01-16", meeting(green, "2020-01-15",
                Map.of(county, Representation.LEADERSHIP, business, Representation.LEADERSHIP)));
        // renamed after the year: the year's report names the goal as it then stood
        events.appendOn("2020-01-20", new ResultGoalRevised(green, jobs, "Grønne jobber", "arbeidsplasser", "stk",
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.valueOf(50), BigDecimal.valueOf(50),
                LocalDate.of(2021, 6, 30), List.of("8.5", "8.2"), "nytt navn"));

        long head = history.head();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> reports.processedPosition() >= head);
    }

    @BeforeEach
    void today() {
        clock.setToday(LocalDate.of(2020, 2, 1));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void json_report_has_the_figures_counted_by_hand() {
        Api.Response response = api.get("/api/reports/council?year=2019", viewer);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode report = response.body();
        assertThat(report.path("year").asInt()).isEqualTo(2019);
        assertThat(report.path("reportDate").asText()).isEqualTo("2019-12-31");
        assertThat(report.path("position").asLong()).isEqualTo(history.head());
        assertThat(response.header("X-Event-Position")).isEqualTo(report.path("position").asText());
        assertThat(report.path("builtAt").asText()).isNotBlank();
        assertThat(report.path("checkpoints").isArray()).isTrue();
        assertThat(report.path("checkpoints")).isEmpty();

        assertThat(ids(report.path("partnerships")))
                .containsExactlyInAnyOrder(green.toString(), network.toString(), concludedInYear.toString());

        JsonNode g = partnership(report, green);
        assertThat(g.path("name").asText()).isEqualTo(GREEN_NAME);
        assertThat(g.path("kind").asText()).isEqualTo("STRATEGIC");
        assertThat(g.path("meetings").asLong()).isEqualTo(2);
        assertThat(ids(g.path("members"), "organisationId"))
                .containsExactlyInAnyOrder(county.toString(), business.toString(), university.toString());
        assertAttendance(member(g, county), 2, 2);
        assertAttendance(member(g, business), 2, 1);
        assertAttendance(member(g, university), 1, 1);

        JsonNode jobsGoal = goal(g, jobs);
        assertThat(jobsGoal.path("baseline").decimalValue()).isEqualByComparingTo("10");
        assertThat(jobsGoal.path("target").decimalValue()).isEqualByComparingTo("50");
        assertThat(jobsGoal.path("achieved").decimalValue()).isEqualByComparingTo("15"); // 3 in 2018, 12 in 2019
        assertThat(jobsGoal.path("achievedInYear").decimalValue()).isEqualByComparingTo("12");
        assertThat(jobsGoal.path("progressPercent").decimalValue()).isEqualByComparingTo("37.5"); // 15 of 50 - 10
        assertThat(jobsGoal.path("revisionsInYear")).hasSize(1);
        JsonNode revision = jobsGoal.path("revisionsInYear").get(0);
        assertThat(revision.path("previousTarget").decimalValue()).isEqualByComparingTo("40");
        assertThat(revision.path("target").decimalValue()).isEqualByComparingTo("50");
        assertThat(revision.path("reason").asText()).isEqualTo("ny statistikk");
        // what else it changed, before and after
        assertThat(revision.path("changed").toString())
                .isEqualTo("[\"baseline\",\"target\",\"targetDate\",\"sdgTargets\"]");
        assertThat(revision.path("previousTargetDate").asText()).isEqualTo("2020-12-31");
        assertThat(revision.path("targetDate").asText()).isEqualTo("2021-06-30");
        assertThat(revision.path("previousSdgTargets").toString()).isEqualTo("[\"8.5\",\"17.17\"]");
        assertThat(revision.path("sdgTargets").toString()).isEqualTo("[\"8.5\",\"8.2\"]");
        // the goal as it stood on the report date: renamed only in 2020
        assertThat(jobsGoal.path("title").asText()).isEqualTo("Nye arbeidsplasser");
        assertThat(jobsGoal.path("targetDate").asText()).isEqualTo("2021-06-30");
        JsonNode emissionsGoal = goal(g, emissions);
        assertThat(emissionsGoal.path("baseline").decimalValue()).isEqualByComparingTo("100");
        assertThat(emissionsGoal.path("target").decimalValue()).isEqualByComparingTo("60");
        assertThat(emissionsGoal.path("achieved").decimalValue()).isEqualByComparingTo("0");
        assertThat(emissionsGoal.path("revisionsInYear")).isEmpty();

        JsonNode commitments = g.path("commitments");
        assertThat(commitments.path("made").asLong()).isEqualTo(4);
        assertThat(commitments.path("closed").asLong()).isEqualTo(2);
        assertThat(commitments.path("closedByResult").path("FULFILLED").asLong()).isEqualTo(1);
        assertThat(commitments.path("closedByResult").path("PARTIALLY_FULFILLED").asLong()).isZero();
        assertThat(commitments.path("closedByResult").path("NOT_FULFILLED").asLong()).isZero();
        assertThat(commitments.path("closedByResult").path("WITHDRAWN").asLong()).isEqualTo(1);
        assertThat(commitments.path("overdue").asLong()).isEqualTo(2);
        assertThat(ids(commitments.path("overdueCommitments")))
                .containsExactly(closedAfterYear.toString(), overdue.toString());
        // 100 000 + 50 000 + 30 000: the 20 000 of the commitment withdrawn in August is no longer pledged
        assertResource(g, "FUNDING", "NOK", "180000", "90000");
        assertResource(g, "PERSON_DAYS", "days", "40", "0");
        assertThat(g.path("resources")).hasSize(2);

        JsonNode n = partnership(report, network);
        assertThat(n.path("kind").asText()).isEqualTo("THEMATIC_NETWORK");
        assertThat(n.path("parentId").asText()).isEqualTo(green.toString());
        assertThat(n.path("parentName").asText()).isEqualTo(GREEN_NAME);
        assertThat(n.path("meetings").asLong()).isEqualTo(1);
        assertAttendance(member(n, business), 1, 1);
        assertThat(n.path("commitments").path("made").asLong()).isEqualTo(1);
        assertThat(n.path("commitments").path("closedByResult").path("NOT_FULFILLED").asLong()).isEqualTo(1);
        assertThat(n.path("commitments").path("overdue").asLong()).isZero();
        assertResource(n, "IN_KIND", "timer", "10", "2");

        JsonNode c = partnership(report, concludedInYear);
        assertThat(c.path("concludedOn").asText()).isEqualTo("2019-06-30");
        assertThat(c.path("members")).isEmpty();

        JsonNode totals = report.path("totals");
        assertThat(totals.path("partnerships").asLong()).isEqualTo(3);
        assertThat(totals.path("memberships").asLong()).isEqualTo(4);
        assertThat(totals.path("organisations").asLong()).isEqualTo(3);
        assertThat(totals.path("meetings").asLong()).isEqualTo(3);
        assertThat(totals.path("leadershipAttendances").asLong()).isEqualTo(5);
        assertThat(totals.path("goals").asLong()).isEqualTo(2);
        assertThat(totals.path("goalRevisionsInYear").asLong()).isEqualTo(1);
        assertThat(totals.path("commitmentsMade").asLong()).isEqualTo(5);
        assertThat(totals.path("commitmentsClosed").asLong()).isEqualTo(3);
        assertThat(totals.path("closedByResult").path("FULFILLED").asLong()).isEqualTo(1);
        assertThat(totals.path("closedByResult").path("NOT_FULFILLED").asLong()).isEqualTo(1);
        assertThat(totals.path("closedByResult").path("WITHDRAWN").asLong()).isEqualTo(1);
        assertThat(totals.path("overdue").asLong()).isEqualTo(2);
        assertThat(totals.path("resources")).hasSize(3);
        assertResource(totals, "FUNDING", "NOK", "180000", "90000");
        assertResource(totals, "IN_KIND", "timer", "10", "2");
        assertResource(totals, "PERSON_DAYS", "days", "40", "0");
    }

    /**
     * A rebuild leaves out the events the report never counts; the report read from every event must be the same.
     * A figure that comes to depend on one of them fails here, until it is taken off the list left out.
     */
    @Test
    void the_events_a_rebuild_leaves_out_change_nothing_in_the_report() {
        long head = history.head();
        for (LocalDate reportDate : List.of(LocalDate.of(2019, 12, 31), LocalDate.of(2019, 10, 31))) {
            JsonNode quick = json.valueToTree(reports.build(reportDate.getYear(), head, reportDate));
            JsonNode whole = json.valueToTree(reports.fromEveryEvent(reportDate.getYear(), head, reportDate));
            // when each was built, and the checkpoints sealing what the report showed, are no figures
            for (JsonNode report : List.of(quick, whole)) {
                ((ObjectNode) report).remove(List.of("builtAt", "checkpoints"));
            }
            assertThat(quick).as(reportDate.toString()).isEqualTo(whole);
        }
    }

    @Test
    void csv_has_a_row_per_partnership_with_the_same_figures_and_neutralises_formulas() {
        Api.Response response = api.get("/api/reports/council?year=2019", viewer, "Accept", "text/csv");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String position = response.header("X-Event-Position");
        assertThat(Long.parseLong(position)).isEqualTo(history.head());
        String csv = response.raw().body();
        assertThat(csv).contains("\r\n");
        assertThat(csv).contains("\"Grønn \"\"region\"\", Vestland\"");

        List<List<String>> rows = parseCsv(csv);
        List<String> header = rows.get(0);
        assertThat(header).startsWith("year", "reportDate", "position", "partnershipId", "name");
        assertThat(rows).hasSize(4);
        Map<String, String> g = row(rows, green);
        assertThat(g.get("name")).isEqualTo(GREEN_NAME);
        assertThat(g.get("position")).isEqualTo(position);
        assertThat(g.get("reportDate")).isEqualTo("2019-12-31");
        assertThat(g.get("members")).isEqualTo("3");
        assertThat(g.get("meetings")).isEqualTo("2");
        assertThat(g.get("leadershipAttendances")).isEqualTo("4");
        assertThat(g.get("goals")).isEqualTo("2");
        assertThat(g.get("goalRevisionsInYear")).isEqualTo("1");
        assertThat(g.get("commitmentsMade")).isEqualTo("4");
        assertThat(g.get("commitmentsClosed")).isEqualTo("2");
        assertThat(g.get("closedFulfilled")).isEqualTo("1");
        assertThat(g.get("closedWithdrawn")).isEqualTo("1");
        assertThat(g.get("overdue")).isEqualTo("2");
        assertThat(g.get("FUNDING NOK pledged")).isEqualTo("180000");
        assertThat(g.get("FUNDING NOK delivered")).isEqualTo("90000");
        assertThat(g.get("PERSON_DAYS days pledged")).isEqualTo("40");
        assertThat(g.get("IN_KIND timer pledged")).isEqualTo("0");

        Map<String, String> n = row(rows, network);
        assertThat(n.get("name")).isEqualTo("'" + NASTY_NAME);
        assertThat(n.get("parentName")).isEqualTo(GREEN_NAME);
        assertThat(n.get("closedNotFulfilled")).isEqualTo("1");
        assertThat(n.get("IN_KIND timer delivered")).isEqualTo("2");
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell).as("no cell may start a formula").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("@");
            }
        }
        // for Norwegian Excel: semicolons and a byte order mark, the same rows
        Api.Response semicolons = api.get("/api/reports/council?year=2019&separator=semicolon", viewer, "Accept",
                "text/csv");
        assertThat(semicolons.raw().body()).startsWith("\uFEFFyear;reportDate;position;partnershipId;name;")
                .contains(";\"Grønn \"\"region\"\", Vestland\";");
        assertThat(semicolons.raw().body().split("\r\n")).hasSize(4);
        // and a decimal comma, as Norwegian Excel reads a number beside semicolons
        assertThat(semicolons.raw().body()).contains(";180000;90000;");
        assertThat(Csv.Separator.SEMICOLON.decimal(new BigDecimal("2062.50"))).isEqualTo("2062,5");
        assertThat(Csv.Separator.COMMA.decimal(new BigDecimal("2062.50"))).isEqualTo("2062.5");
        assertThat(api.get("/api/reports/council?year=2019&separator=tab", viewer, "Accept", "text/csv").status())
                .isEqualTo(400);
    }

    @Test
    void html_shows_the_same_figures_and_the_position_in_english_and_bokmal_and_escapes_names() {
        for (String language : List.of("en", "nb-NO")) {
            Api.Response response = api.get("/api/reports/council?year=2019", viewer, "Accept", "text/html",
                    "Accept-Language", language);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            String html = response.raw().body();
            String position = response.header("X-Event-Position");
            assertThat(Long.parseLong(position)).isEqualTo(history.head());
            assertThat(html).contains("id=\"position\">" + position + "<");
            // a screen reader is told what each table holds, and which cells head its rows and columns
            assertThat(html).contains("<caption class=\"for-readers\">"
                    + (language.equals("en") ? "Members of " : "Medlemmer av ")).contains("<th scope=\"col\"")
                    .contains("<th scope=\"row\"").contains("@media print");
            if (language.equals("en")) {
                assertThat(html).contains("<html lang=\"en\"").contains("Annual report to the county council 2019")
                        .contains("Built from event position").contains("Thematic network");
            } else {
                assertThat(html).contains("<html lang=\"nb\"").contains("Årsrapport til fylkestinget 2019")
                        .contains("Bygget fra hendelsesposisjon").contains("Tematisk nettverk")
                        .contains("Forpliktelser inngått i året");
            }
            assertThat(html).contains("position=" + position);
            assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
            // dates as the other pages write them, in the reader's language
            assertThat(html).contains(language.equals("en") ? ">December 31, 2019</time>" : ">31. desember 2019</time>");

            String g = section(html, green);
            assertThat(figure(g, "made")).isEqualTo("4");
            assertThat(figure(g, "closed")).isEqualTo("2");
            assertThat(figure(g, "closed-FULFILLED")).isEqualTo("1");
            assertThat(figure(g, "closed-WITHDRAWN")).isEqualTo("1");
            assertThat(figure(g, "overdue")).isEqualTo("2");
            assertThat(figure(g, "meetings")).isEqualTo("2");
            // grouped as the reader writes numbers: 200,000 in English, 200 000 (a no-break space) in bokmål
            String group = language.equals("en") ? "," : "\u00a0";
            assertThat(figure(g, "pledged")).isEqualTo("180" + group + "000");
            assertThat(figure(g, "delivered")).isEqualTo("90" + group + "000");
            String jobsRow = g.substring(g.indexOf("id=\"g-" + jobs + "\""));
            assertThat(figure(jobsRow, "target")).isEqualTo("50");
            assertThat(PagesTestSupport.text(jobsRow.substring(0, jobsRow.indexOf("</tr>")))).contains(
                    language.equals("en")
                    ? "baseline 0 → 10, target 40 → 50, target date December 31, 2020 → June 30, 2021, SDG targets "
                            + "8.5, 17.17 → 8.5, 8.2: ny statistikk"
                    : "utgangsverdi 0 → 10, målverdi 40 → 50, måldato 31. desember 2020 → 30. juni 2021, "
                            + "bærekraftsmål 8.5, 17.17 → 8.5, 8.2: ny statistikk");
            assertThat(figure(jobsRow, "achieved")).isEqualTo("15");
            // a percentage as the dashboard writes it in the reader's language
            assertThat(figure(jobsRow, "progress")).isEqualTo(language.equals("en") ? "37.5%" : "37,5\u00a0%");
            String countyRow = g.substring(g.indexOf("id=\"m-" + green + "-" + county + "\""));
            assertThat(figure(countyRow, "attendances")).isEqualTo("2");
            assertThat(figure(countyRow, "leadership")).isEqualTo("2");
            String businessRow = g.substring(g.indexOf("id=\"m-" + green + "-" + business + "\""));
            assertThat(figure(businessRow, "leadership")).isEqualTo("1");

            String totals = html.substring(html.indexOf("id=\"totals\""));
            assertThat(figure(totals, "partnerships")).isEqualTo("3");
            assertThat(figure(totals, "made")).isEqualTo("5");
            assertThat(figure(totals, "leadershipAttendances")).isEqualTo("5");
            assertThat(figure(totals, "overdue")).isEqualTo("2");

            assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
        }
    }

    /** From the dashboard to this year's report and on to last year's, in the language chosen on the pages. */
    @Test
    void the_pages_lead_to_the_report_of_this_year_and_it_to_the_year_before_in_the_pages_language() {
        String overview = PagesTestSupport.page(port, "/?lang=nb", "Authorization", "Bearer " + viewer);
        String thisYear = link(overview, "nav-council");
        assertThat(thisYear).isEqualTo("/api/reports/council?year=2020&lang=nb");

        // the browser's own language is English: the address's choice wins
        Api.Response report = api.get(thisYear, viewer, "Accept", "text/html", "Accept-Language", "en");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("Content-Language")).isEqualTo("nb");
        assertThat(report.raw().body()).contains("Årsrapport til fylkestinget 2020").doesNotContain("id=\"next-year\"");
        String lastYear = link(report.raw().body(), "previous-year");
        assertThat(lastYear).isEqualTo("/api/reports/council?year=2019&lang=nb");
        String before = api.get(lastYear, viewer, "Accept", "text/html", "Accept-Language", "en").raw().body();
        assertThat(before).contains("Årsrapport til fylkestinget 2019").contains("Rapporten for 2018")
                .contains("Rapporten for 2020");
        assertThat(link(before, "next-year")).isEqualTo("/api/reports/council?year=2020&lang=nb");

        Api.Response english = api.get("/api/reports/council?year=2019&lang=en", viewer, "Accept", "text/html",
                "Accept-Language", "nb");
        assertThat(english.header("Content-Language")).isEqualTo("en");
        assertThat(english.raw().body()).contains("Annual report to the county council 2019");
        Api.Response unknown = api.get("/api/reports/council?year=2019&lang=de", viewer, "Accept", "text/html");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("errors").get(0).path("field").asText()).isEqualTo("lang");
    }

    /** The address of the link with this id, as a browser would follow it. */
    private static String link(String html, String id) {
        java.util.regex.Matcher href = java.util.regex.Pattern.compile("id=\"" + id + "\"[^>]*href=\"([^\"]*)\"")
                .matcher(html);
        assertThat(href.find()).as("a link with id " + id).isTrue();
        return href.group(1).replace("&amp;", "&");
    }

    // ---- the events

    private static PartnershipEstablished establish(UUID id, String name, PartnershipKind kind, UUID parent,
                                                    String from, String to) {
        return new PartnershipEstablished(id, name, kind, parent, "mandat", "formål", null, null,
                new Period(LocalDate.parse(from), LocalDate.parse(to)), UUID.randomUUID());
    }

    private void record(String day, UUID commitment, UUID partnership, UUID organisation, String due,
                        Resource... resources) {
        events.appendOn(day, new CommitmentRecorded(commitment, partnership, organisation, "Tiltak " + day, "beskrivelse",
                partnership.equals(green) ? List.of(jobs) : List.of(), List.of(resources), LocalDate.parse(due),
                LocalDate.parse(day)));
    }

    private OutcomeReported outcome(UUID commitment, UUID partnership, UUID organisation, OutcomeResult result,
                                    int jobsCreated, Resource delivered) {
        return new OutcomeReported(commitment, partnership, organisation, result, "sluttrapport",
                List.of(new IndicatorValue(jobs, BigDecimal.valueOf(jobsCreated))), List.of(delivered), null);
    }

    private static MeetingRecorded meeting(UUID partnership, String date, Map<UUID, Representation> attendance) {
        List<Attendance> attended = new ArrayList<>();
        attendance.forEach((organisation, level) -> attended.add(new Attendance(organisation, level)));
        return new MeetingRecorded(partnership, UUID.randomUUID(), LocalDate.parse(date), "agenda", "protokoll",
                attended);
    }

    private static Resource money(long nok) {
        return new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(nok), "NOK");
    }

    // ---- reading the answers

    static JsonNode partnership(JsonNode report, UUID id) {
        return find(report.path("partnerships"), "id", id.toString());
    }

    static JsonNode goal(JsonNode partnership, UUID id) {
        return find(partnership.path("goals"), "id", id.toString());
    }

    private static JsonNode member(JsonNode partnership, UUID organisation) {
        return find(partnership.path("members"), "organisationId", organisation.toString());
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }

    private static void assertAttendance(JsonNode member, long attended, long atLeadershipLevel) {
        assertThat(member.path("attendances").asLong()).as(member.toString()).isEqualTo(attended);
        assertThat(member.path("leadershipAttendances").asLong()).as(member.toString()).isEqualTo(atLeadershipLevel);
    }

    static void assertResource(JsonNode holder, String kind, String unit, String pledged, String delivered) {
        for (JsonNode line : holder.path("resources")) {
            if (line.path("kind").asText().equals(kind) && line.path("unit").asText().equals(unit)) {
                assertThat(line.path("pledged").decimalValue()).as(line.toString()).isEqualByComparingTo(pledged);
                assertThat(line.path("delivered").decimalValue()).as(line.toString()).isEqualByComparingTo(delivered);
                return;
            }
        }
        throw new AssertionError("no resource " + kind + " " + unit + " in " + holder.path("resources"));
    }

    private static List<String> ids(JsonNode array) {
        return ids(array, "id");
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path(field).asText()));
        return ids;
    }

    /** The HTML of one partnership's section. */
    static String section(String html, UUID partnership) {
        int start = html.indexOf("id=\"p-" + partnership + "\"");
        assertThat(start).as("section of " + partnership).isNotNegative();
        int end = html.indexOf("<section", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    /** The text of the first element in {@code html} whose class list holds {@code name}. */
    static String figure(String html, String name) {
        Matcher m = Pattern.compile("class=\"[^\"]*\\b" + Pattern.quote(name) + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("a figure " + name).isTrue();
        return m.group(1).trim();
    }

    static Map<String, String> row(List<List<String>> rows, UUID partnership) {
        List<String> header = rows.get(0);
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.get(header.indexOf("partnershipId")).equals(partnership.toString())) {
                Map<String, String> cells = new java.util.LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), row.get(i));
                }
                return cells;
            }
        }
        throw new AssertionError("no row for " + partnership);
    }

    /** A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("bare line break or quote in an unquoted field").isNotIn('\r', '\n', '"');
                cell.append(c);
            }
        }
        assertThat(cell.isEmpty() && row.isEmpty()).as("the last record ends in CRLF").isTrue();
        int width = rows.get(0).size();
        rows.forEach(r -> assertThat(r).as("every record has the header's width").hasSize(width));
        return rows;
    }
}
