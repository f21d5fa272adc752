package no.partnerskap.projections.council;

import static no.partnerskap.projections.council.CouncilReportTest.assertResource;
import static no.partnerskap.projections.council.CouncilReportTest.figure;
import static no.partnerskap.projections.council.CouncilReportTest.goal;
import static no.partnerskap.projections.council.CouncilReportTest.parseCsv;
import static no.partnerskap.projections.council.CouncilReportTest.partnership;
import static no.partnerskap.projections.council.CouncilReportTest.row;
import static no.partnerskap.projections.council.CouncilReportTest.section;
import static no.partnerskap.projections.support.ParameterProblems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.OutcomeReported;
import no.partnerskap.api.commitment.IndicatorValue;
import no.partnerskap.api.commitment.OutcomeResult;
import no.partnerskap.api.commitment.Resource;
import no.partnerskap.api.commitment.ResourceKind;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalDefined;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalRevised;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.history.EventHistory;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestClock;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.OrganisationNumbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the council was told stays reproducible: a report at position N shows the figures of
 * then after later events, while the default report moves on.
 */
@ProjectionServiceTest
class CouncilReportPositionTest {

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

    final UUID county = UUID.randomUUID();
    final UUID coast = UUID.randomUUID();
    final UUID goalId = UUID.randomUUID();
    final UUID commitment = UUID.randomUUID();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_report_at_a_position_keeps_the_old_figures_while_the_default_report_shows_the_new() {
        clock.setToday(LocalDate.of(2022, 12, 15));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        events.appendOn("2022-01-05", new OrganisationRegistered(county, "Rogaland fylkeskommune", "971045698", Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(coast, "Kystnettverket", PartnershipKind.STRATEGIC, null, "mandat", null,
                        null, null, new Period(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)), county),
                new MemberAdmitted(coast, county, MemberRole.CONVENOR, Representation.LEADERSHIP));
        events.appendOn("2022-02-01", new ResultGoalDefined(coast, goalId, "Nye bedrifter", null, "stk", BigDecimal.ZERO,
                BigDecimal.valueOf(40), null, List.of("9.3")));
        events.appendOn("2022-03-01", new CommitmentRecorded(commitment, coast, county, "Inkubator", "beskrivelse", List.of(goalId),
                List.of(new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(1000), "NOK")), LocalDate.of(2023, 6, 30),
                LocalDate.of(2022, 3, 1)));
        long then = caughtUp();

        Api.Response told = api.get("/api/reports/council?year=2022", viewer);
        assertThat(told.status()).isEqualTo(200);
        assertThat(told.body().path("position").asLong()).isEqualTo(then);
        assertThat(told.header("X-Event-Position")).isEqualTo(Long.toString(then));
        assertThat(told.body().path("reportDate").asText()).isEqualTo("2022-12-15");
        // asked again a day later, as its page and then its spreadsheet are: the report built the first time
        String builtAt = told.body().path("builtAt").asText();
        clock.setToday(LocalDate.of(2022, 12, 16));
        Api.Response again = api.get("/api/reports/council?year=2022&position=" + then + "&reportDate=2022-12-15",
                viewer);
        assertThat(withoutBuiltAt(again.body())).isEqualTo(withoutBuiltAt(told.body()));
        assertThat(again.body().path("builtAt").asText()).isEqualTo(builtAt);
        clock.setToday(LocalDate.of(2022, 12, 15));
        JsonNode before = partnership(told.body(), coast);
        assertThat(goal(before, goalId).path("target").decimalValue()).isEqualByComparingTo("40");
        assertThat(before.path("commitments").path("made").asLong()).isEqualTo(1);

        // later: the target is revised and the commitment closed
        events.appendOn("2022-12-10", new ResultGoalRevised(coast, goalId, "Nye bedrifter", null, "stk", BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.valueOf(40), BigDecimal.valueOf(60), null, List.of("9.3"),
                        "nytt grunnlag"),
                new OutcomeReported(commitment, coast, county, OutcomeResult.FULFILLED, "ferdig",
                        List.of(new IndicatorValue(goalId, BigDecimal.valueOf(7))),
                        List.of(new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(800), "NOK")),
                        LocalDate.of(2022, 12, 9)));
        long now = caughtUp();
        assertThat(now).isGreaterThan(then);

        JsonNode latest = api.get("/api/reports/council?year=2022", viewer).body();
        assertThat(latest.path("position").asLong()).isEqualTo(now);
        JsonNode after = partnership(latest, coast);
        assertThat(goal(after, goalId).path("target").decimalValue()).isEqualByComparingTo("60");
        assertThat(goal(after, goalId).path("achieved").decimalValue()).isEqualByComparingTo("7");
        assertThat(goal(after, goalId).path("revisionsInYear")).hasSize(1);
        assertThat(after.path("commitments").path("closedByResult").path("FULFILLED").asLong()).isEqualTo(1);
        assertResource(after, "FUNDING", "NOK", "1000", "800");

        Api.Response rebuilt = api.get("/api/reports/council?year=2022&position=" + then, viewer);
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.header("X-Event-Position")).isEqualTo(Long.toString(then));
        JsonNode old = partnership(rebuilt.body(), coast);
        assertThat(goal(old, goalId).path("target").decimalValue()).isEqualByComparingTo("40");
        assertThat(goal(old, goalId).path("achieved").decimalValue()).isEqualByComparingTo("0");
        assertThat(goal(old, goalId).path("revisionsInYear")).isEmpty();
        assertThat(old.path("commitments").path("closedByResult").path("FULFILLED").asLong()).isZero();
        assertResource(old, "FUNDING", "NOK", "1000", "0");
        // the whole report is what the council was told, but for when it was built
        assertThat(withoutBuiltAt(rebuilt.body())).isEqualTo(withoutBuiltAt(told.body()));

        Api.Response csv = api.get("/api/reports/council?year=2022&position=" + then, viewer, "Accept", "text/csv");
        assertThat(csv.header("X-Event-Position")).isEqualTo(Long.toString(then));
        Map<String, String> csvRow = row(parseCsv(csv.raw().body()), coast);
        assertThat(csvRow.get("position")).isEqualTo(Long.toString(then));
        assertThat(csvRow.get("closedFulfilled")).isEqualTo("0");
        assertThat(csvRow.get("FUNDING NOK delivered")).isEqualTo("0");

        Api.Response html = api.get("/api/reports/council?year=2022&position=" + then, viewer, "Accept", "text/html",
                "Accept-Language", "nb");
        assertThat(html.raw().body()).contains("id=\"position\">" + then + "<");
        assertThat(figure(section(html.raw().body(), coast), "closed-FULFILLED")).isEqualTo("0");
        assertThat(figure(section(html.raw().body(), coast), "target")).isEqualTo("40");
    }

    @Test
    void positions_outside_the_history_and_dates_outside_the_year_are_bad_requests() {
        clock.setToday(LocalDate.of(2026, 11, 29));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        long head = history.head();
        assertInvalid(api.get("/api/reports/council?year=1800", viewer), "year");
        assertInvalid(api.get("/api/reports/council?year=2022&position=-1", viewer), "position");
        assertInvalid(api.get("/api/reports/council?year=2022&position=" + (head + 1), viewer), "position");
        assertInvalid(api.get("/api/reports/council?year=2022&position=9999999", viewer), "position");
        assertInvalid(api.get("/api/reports/council?year=2022&reportDate=2021-06-30", viewer), "reportDate");
        assertInvalid(api.get("/api/reports/council?year=2026&reportDate=2027-03-01", viewer), "reportDate");
        Api.Response notANumber = api.get("/api/reports/council?year=tjue", viewer);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body().path("detail").asText())
                .isEqualTo("Invalid parameter: 'year' must be a whole number, not 'tjue'.");
        assertThat(notANumber.body().path("errors").findValuesAsText("field")).containsExactly("year");
        Api.Response noYear = api.get("/api/reports/council", viewer);
        assertThat(noYear.status()).isEqualTo(400);
        assertThat(noYear.body().path("errors").findValuesAsText("message")).containsExactly("is required");
        assertThat(api.get("/api/reports/council?year=2022", viewer, "Accept", "application/xml").status())
                .isEqualTo(406);
        Api.Response any = api.get("/api/reports/council?year=2022&position=" + head, viewer, "Accept", "*/*");
        assertThat(any.status()).isEqualTo(200);
        assertThat(any.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(api.get("/api/reports/council?year=2022", null).status()).isEqualTo(401);
    }

    /**
     * The stamp of every report (year, position, report date) rebuilds it. So a year that has not begun is
     * refused, having no day to count to, and so is a report date after today: its "overdue at the report
     * date" would count commitments that are merely due by then.
     */
    @Test
    void every_report_is_rebuilt_by_its_stamp_and_years_and_dates_to_come_are_refused() {
        clock.setToday(LocalDate.of(2026, 11, 29));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        assertInvalid(api.get("/api/reports/council?year=2027", viewer), "year");
        assertInvalid(api.get("/api/reports/council?year=2026&reportDate=2026-12-31", viewer), "reportDate");
        assertInvalid(api.get("/api/reports/council?year=2026&reportDate=2026-11-30", viewer), "reportDate");

        for (int year : new int[] {2025, 2026}) {
            Api.Response report = api.get("/api/reports/council?year=" + year, viewer);
            assertThat(report.status()).isEqualTo(200);
            JsonNode stamp = report.body();
            assertThat(stamp.path("reportDate").asText()).isEqualTo(year == 2026 ? "2026-11-29" : "2025-12-31");
            Api.Response rebuilt = api.get("/api/reports/council?year=" + year + "&position="
                    + stamp.path("position").asLong() + "&reportDate=" + stamp.path("reportDate").asText(), viewer);
            assertThat(rebuilt.status()).as(rebuilt.raw().body()).isEqualTo(200);
            assertThat(withoutBuiltAt(rebuilt.body())).isEqualTo(withoutBuiltAt(stamp));
        }

        clock.setToday(LocalDate.of(2027, 1, 1));
        Api.Response begun = api.get("/api/reports/council?year=2027", viewer);
        assertThat(begun.status()).isEqualTo(200);
        assertThat(begun.body().path("reportDate").asText()).isEqualTo("2027-01-01");
    }

    /**
     * What is recorded after a report's date does not count, so the report of a year gone by stays the same however
     * much is written meanwhile: it is built once, and each answer is stamped with the position it was asked at.
     */
    @Test
    void a_report_of_a_year_gone_by_is_built_once_however_much_is_written_after_it() {
        clock.setToday(LocalDate.of(2024, 3, 1));
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        UUID agder = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        events.appendOn("2023-05-02", new OrganisationRegistered(agder, "Agder fylkeskommune",
                        OrganisationNumbers.next(), Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(network, "Sørlandsnettverket", PartnershipKind.STRATEGIC, null, "mandat",
                        null, null, null, new Period(LocalDate.of(2023, 1, 1), null), agder),
                new MemberAdmitted(network, agder, MemberRole.CONVENOR, Representation.LEADERSHIP));
        long before = caughtUp();
        Api.Response first = api.get("/api/reports/council?year=2023", viewer);
        assertThat(first.header("X-Event-Position")).isEqualTo(Long.toString(before));

        // written in the new year: a goal, which the 2023 report does not count
        events.appendOn("2024-02-01", new ResultGoalDefined(network, UUID.randomUUID(), "Nye bedrifter", null, "stk",
                BigDecimal.ZERO, BigDecimal.TEN, null, List.of("9.3")));
        long after = caughtUp();
        clock.setToday(LocalDate.of(2024, 3, 2));
        Api.Response second = api.get("/api/reports/council?year=2023", viewer);

        assertThat(second.header("X-Event-Position")).isEqualTo(Long.toString(after));
        assertThat(second.body().path("position").asLong()).isEqualTo(after);
        assertThat(second.body().path("builtAt").asText()).as("not built again")
                .isEqualTo(first.body().path("builtAt").asText());
        assertThat(second.body().path("partnerships")).isEqualTo(first.body().path("partnerships"));
        assertThat(partnership(second.body(), network).path("goals")).isEmpty();
        Api.Response rebuilt = api.get("/api/reports/council?year=2023&position=" + before
                + "&reportDate=2023-12-31", viewer);
        assertThat(rebuilt.header("X-Event-Position")).isEqualTo(Long.toString(before));
        assertThat(rebuilt.body().path("partnerships")).isEqualTo(first.body().path("partnerships"));
    }

    private long caughtUp() {
        long head = history.head();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> reports.processedPosition() >= head);
        return head;
    }

    private static JsonNode withoutBuiltAt(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove("builtAt");
        return copy;
    }

}
