package no.partnerskap.projections.pages;

import static no.partnerskap.projections.pages.PagesTestSupport.all;
import static no.partnerskap.projections.pages.PagesTestSupport.byId;
import static no.partnerskap.projections.pages.PagesTestSupport.fetch;
import static no.partnerskap.projections.pages.PagesTestSupport.page;
import static no.partnerskap.projections.pages.PagesTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.FollowUpRequested;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.TestClock;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.OrganisationNumbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * After some years a big partnership has thousands of overdue commitments: the dashboard shows the first of each
 * list of what needs attention, says how many there are, and links to the commitment list filtered the same way,
 * which has every one.
 */
@PagesTest
class AttentionListsTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestClock clock;

    final UUID organisation = UUID.randomUUID();
    final UUID partnership = UUID.randomUUID();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_dashboard_lists_the_first_twenty_says_how_many_and_links_to_every_one() {
        clock.setToday(LocalDate.of(2027, 3, 1));
        events.append(new OrganisationRegistered(organisation, "Havkraft AS", OrganisationNumbers.next(),
                        Sector.BUSINESS),
                new PartnershipEstablished(partnership, "Stor region", PartnershipKind.STRATEGIC, null, "M", "P",
                        null, null, new Period(LocalDate.of(2026, 1, 1), null), organisation),
                new MemberAdmitted(partnership, organisation, MemberRole.CONVENOR, Representation.LEADERSHIP));
        // 23 overdue, the longest overdue first; the secretariat has asked 21 of them to report
        List<String> overdue = new ArrayList<>();
        for (int day = 1; day <= 23; day++) {
            UUID commitment = UUID.randomUUID();
            overdue.add(commitment.toString());
            record(commitment, LocalDate.of(2027, 1, day));
            if (day <= 21) {
                events.appendOn("2027-02-01", new FollowUpRequested(commitment, partnership, organisation,
                        UUID.randomUUID(), "rapporter", null));
            }
        }
        UUID dueSoon = UUID.randomUUID();
        record(dueSoon, LocalDate.of(2027, 3, 10));

        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        JsonNode dashboard = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/partnerships/" + partnership, viewer).body(),
                        d -> d.path("overdue").path("total").asLong() == 23
                                && d.path("openFollowUps").path("total").asLong() == 21
                                && d.path("dueWithin30Days").path("total").asLong() == 1);

        assertThat(ids(dashboard.path("overdue").path("items"))).containsExactlyElementsOf(overdue.subList(0, 20));
        assertThat(dashboard.path("overdue").path("size").asInt()).isEqualTo(20);
        assertThat(ids(dashboard.path("openFollowUps").path("items"))).containsExactlyElementsOf(overdue.subList(0, 20));
        assertThat(ids(dashboard.path("dueWithin30Days").path("items"))).containsExactly(dueSoon.toString());
        assertThat(dashboard.path("divergent").path("total").asLong()).isZero();

        // the list, filtered as each of the dashboard's, has every one
        String list = "/api/partnerships/" + partnership + "/commitments?size=500&";
        assertThat(ids(api.get(list + "status=OVERDUE", viewer).body().path("items")))
                .containsExactlyElementsOf(overdue);
        assertThat(ids(api.get(list + "openFollowUp=true", viewer).body().path("items")))
                .containsExactlyElementsOf(overdue.subList(0, 21));
        assertThat(ids(api.get(list + "dueWithinDays=30", viewer).body().path("items")))
                .containsExactly(dueSoon.toString());
        assertThat(api.get(list + "dueWithinDays=5", viewer).body().path("total").asLong()).as("due in 9 days").isZero();
        assertThat(api.get(list + "openFollowUp=true&status=OVERDUE&dueWithinDays=30", viewer).body().path("total")
                .asLong()).as("the filters narrow together").isZero();
        String csv = api.get("/api/partnerships/" + partnership + "/commitments.csv?openFollowUp=true", viewer).raw()
                .body();
        assertThat(csv.split("\r\n")).as("a header and 21 rows").hasSize(22);
        for (String bad : new String[] {"dueWithinDays=-1", "dueWithinDays=3661", "dueWithinDays=soon",
                "openFollowUp=maybe"}) {
            Api.Response refused = api.get(list + bad, viewer);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(bad).startsWith("application/problem+json");
        }

        // the page: twenty rows, how many there are, and the link to all of them
        String html = page(port, "/pages/partnerships/" + partnership + "?lang=en");
        String overdueSection = all(html, "(<section aria-labelledby=\"overdue\">.*?</section>)").get(0);
        assertThat(all(overdueSection, "(<th scope=\"row\">)")).hasSize(20);
        assertThat(text(overdueSection)).contains("The first 20 of 23, by due date.").contains("Show all 23");
        String showAll = all(overdueSection, "<a href=\"([^\"]*)\">Show all 23</a>").get(0);
        assertThat(showAll).isEqualTo("/pages/partnerships/" + partnership + "?status=OVERDUE#commitments");
        String everyOverdue = page(port, showAll.replace("#commitments", "") + "&lang=en");
        assertThat(all(everyOverdue, "data-commitment=\"([^\"]*)\"")).containsExactlyElementsOf(overdue);

        String followUps = all(html, "(<section aria-labelledby=\"follow-ups\">.*?</section>)").get(0);
        String allFollowUps = all(followUps, "<a href=\"([^\"]*)\">Show all 21</a>").get(0);
        String filtered = page(port, allFollowUps.replace("#commitments", "") + "&lang=en&size=10");
        assertThat(byId(filtered, "commitment-filter")).contains("Only commitments with an open follow-up request.");
        assertThat(all(filtered, "data-commitment=\"([^\"]*)\"")).containsExactlyElementsOf(overdue.subList(0, 10));
        assertThat(all(filtered, "<a rel=\"next\" href=\"([^\"]*)\"").get(0)).contains("openFollowUp=true");
        assertThat(all(filtered, "id=\"commitments-csv\" href=\"([^\"]*)\"").get(0)).contains("openFollowUp=true");
        // a list of one: no note
        String dueSoonSection = all(html, "(<section aria-labelledby=\"due-soon\">.*?</section>)").get(0);
        assertThat(dueSoonSection).doesNotContain("Show all");
        for (String bad : new String[] {"-1", "3661", "2147483647", "soon"}) {
            assertThat(fetch(port, "/pages/partnerships/" + partnership + "?dueWithinDays=" + bad).statusCode())
                    .as("as the list it links to: " + bad).isEqualTo(400);
        }
    }

    private void record(UUID commitment, LocalDate due) {
        events.appendOn("2026-11-01", new CommitmentRecorded(commitment, partnership, organisation,
                "Tiltak " + due, "beskrivelse", List.of(), List.of(), due, LocalDate.of(2026, 11, 1)));
    }

    private static List<String> ids(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(r -> r.path("id").asText()).toList();
    }
}
