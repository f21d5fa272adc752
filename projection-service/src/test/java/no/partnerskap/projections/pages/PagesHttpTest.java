package no.partnerskap.projections.pages;

import static no.partnerskap.projections.pages.PagesTestSupport.all;
import static no.partnerskap.projections.pages.PagesTestSupport.byId;
import static no.partnerskap.projections.pages.PagesTestSupport.fetch;
import static no.partnerskap.projections.pages.PagesTestSupport.h1;
import static no.partnerskap.projections.pages.PagesTestSupport.headingLevels;
import static no.partnerskap.projections.pages.PagesTestSupport.htmlLang;
import static no.partnerskap.projections.pages.PagesTestSupport.page;
import static no.partnerskap.projections.pages.PagesTestSupport.row;
import static no.partnerskap.projections.pages.PagesTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import no.partnerskap.api.common.AuditMetadata;
import no.partnerskap.api.common.SdgCatalogue;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipConcluded;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.TestClock;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard pages over real HTTP, anonymously, in English and Norwegian: the figures, the words, the markup. */
@PagesTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestClock clock;
    @Autowired
    TestTokens tokens;

    PageScenario given;

    @BeforeAll
    void given() {
        clock.setToday(PageScenario.TODAY);
        given = new PageScenario(events).given(port);
    }

    @AfterAll
    void resetClock() {
        clock.reset();
    }

    /** The pages run no script: a browser is told to refuse any, and anything fetched from elsewhere. */
    @Test
    void pages_tell_the_browser_to_run_no_script_and_fetch_nothing_from_elsewhere() {
        for (String path : new String[] {"/", "/pages/partnerships/" + given.partnership, "/pages/sdg",
                "/api/reports/council?year=" + PageScenario.TODAY.getYear()}) {
            HttpResponse<String> page = fetch(port, path, "Accept", "text/html");
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
                    .startsWith("default-src 'none'; ").doesNotContain("script-src");
        }
        // a HEAD is answered as the GET is, without the body
        HttpResponse<String> head = PagesTestSupport.head(port, "/");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        // Swagger UI runs its own scripts
        HttpResponse<String> swagger = fetch(port, "/swagger-ui/index.html");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    @Test
    void overview_lists_each_partnership_with_its_signals_in_both_languages() {
        String en = page(port, "/?lang=en");
        assertThat(h1(en)).isEqualTo("Partnerships");
        assertThat(htmlLang(en)).isEqualTo("en");
        // name, kind, active members, commitments, on track, at risk, overdue, closed
        assertThat(row(en, "data-partnership", given.partnership.toString()))
                .isEqualTo(given.name + " Strategic partnership 2 5 1 1 1 2");
        assertThat(en).contains("href=\"/pages/partnerships/" + given.partnership + "\"");
        assertThat(en).contains("<th scope=\"col\" class=\"num\">At risk</th>");

        String nb = page(port, "/?lang=nb");
        assertThat(h1(nb)).isEqualTo("Partnerskap");
        assertThat(htmlLang(nb)).isEqualTo("nb");
        assertThat(row(nb, "data-partnership", given.partnership.toString()))
                .isEqualTo(given.name + " Strategisk partnerskap 2 5 1 1 1 2");
        assertThat(nb).contains("I rute</th>").contains("I faresonen</th>").contains("Forsinket</th>")
                .contains("Avsluttet</th>");
    }

    @Test
    void partnership_page_shows_the_follow_up_figures_in_english() {
        String en = page(port, "/pages/partnerships/" + given.partnership + "?lang=en");
        assertThat(h1(en)).isEqualTo(given.name);
        assertThat(en).contains("<h2 id=\"goals\">Result goals</h2>")
                .contains("<h2 id=\"by-status\">Commitments by status</h2>")
                .contains("<h2 id=\"resources\">Resources pledged and delivered</h2>")
                .contains("Open disagreements</h2>").contains("Open follow-up requests</h2>");
        assertThat(text(en)).contains("Samordne innsatsen for grønn omstilling i regionen")
                .contains("Convenor Vestland fylkeskommune").contains("Meetings recorded 2");

        assertThat(row(en, "data-organisation", given.business.toString()))
                .isEqualTo("Havkraft AS 923609016 Partner Management Active 2 of 2 1");
        assertThat(row(en, "data-organisation", given.county.toString()))
                .isEqualTo("Vestland fylkeskommune 821311632 Convenor Leadership Active 1 of 2 1");
        // re-baselined 0-40 to 10-50, 12 achieved: 30 % of the way
        assertThat(row(en, "data-goal", given.jobs.toString())).startsWith("Nye arbeidsplasser nye jobber (stk) 10 50")
                .contains("8.5, 17.17 12 30%").contains("Target 40 → 50, baseline 0 → 10: ny statistikk");
        assertThat(row(en, "data-status", "ACTIVE")).isEqualTo("Active 2 40%");
        // the bar draws the share its text says: 2 of 5
        assertThat(all(en, "(<tr[^>]*data-status=\"ACTIVE\".*?</tr>)").get(0)).contains("width=\"40.00\"");
        assertThat(row(en, "data-status", "OVERDUE")).isEqualTo("Overdue 1 20%");
        assertThat(row(en, "data-status", "FULFILLED")).isEqualTo("Fulfilled 1 20%");
        assertThat(row(en, "data-status", "PARTIALLY_FULFILLED")).isEqualTo("Partly fulfilled 0 0%");
        assertThat(row(en, "data-status", "WITHDRAWN")).isEqualTo("Withdrawn 1 20%");
        assertThat(row(en, "data-signal", "AT_RISK")).isEqualTo("At risk 1 20%");
        assertThat(row(en, "data-signal", "CLOSED")).isEqualTo("Closed 2 40%");
        assertThat(row(en, "data-resource", "FUNDING")).startsWith("Funding NOK 250,000 90,000 36%");
        assertThat(row(en, "data-resource", "PERSON_DAYS")).startsWith("Person-days days 40 0 0%");

        String overdue = section(en, "overdue");
        assertThat(overdue).contains("Tiltak " + given.late.toString().substring(0, 8)).contains("February 1, 2027")
                .contains("Overdue").doesNotContain(given.slow.toString().substring(0, 8));
        assertThat(section(en, "due-soon")).contains("Tiltak " + given.slow.toString().substring(0, 8))
                .contains("March 20, 2027").contains("20%").contains("At risk");
        assertThat(section(en, "follow-ups")).contains("Tiltak " + given.slow.toString().substring(0, 8))
                .contains("February 12, 2027");
        assertThat(section(en, "divergent")).contains("Tiltak " + given.done.toString().substring(0, 8))
                .contains("Fulfilled · 90%").contains("Limited").contains("Closed");
        assertThat(section(en, "disagreements")).contains("Fordeling av midler Havkraft AS");
    }

    @Test
    void partnership_page_speaks_norwegian_with_norwegian_figures() {
        String nb = page(port, "/pages/partnerships/" + given.partnership + "?lang=nb");
        assertThat(htmlLang(nb)).isEqualTo("nb");
        assertThat(nb).contains("<h2 id=\"goals\">Resultatmål</h2>")
                .contains("<h2 id=\"by-status\">Forpliktelser etter status</h2>")
                .contains("<h2 id=\"resources\">Ressurser lovet og levert</h2>")
                .contains("<h2 id=\"members\">Medlemmer</h2>")
                .contains("<h2 id=\"overdue\">Forsinkede forpliktelser</h2>")
                .contains("<h2 id=\"follow-ups\">Åpne oppfølginger</h2>")
                .contains("<h2 id=\"disagreements\">Åpne uenigheter</h2>");
        assertThat(text(nb)).contains("Partnerskapsavtale ikke signert").contains("Sammenkaller Vestland fylkeskommune");
        assertThat(row(nb, "data-organisation", given.business.toString()))
                .isEqualTo("Havkraft AS 923609016 Partner Mellomledelse Aktiv 2 av 2 1");
        assertThat(row(nb, "data-goal", given.jobs.toString())).contains("12 30 %")
                .contains("Målverdi 40 → 50, utgangsverdi 0 → 10: ny statistikk");
        assertThat(row(nb, "data-status", "OVERDUE")).isEqualTo("Forsinket 1 20 %");
        assertThat(row(nb, "data-status", "WITHDRAWN")).isEqualTo("Trukket 1 20 %");
        assertThat(row(nb, "data-signal", "ON_TRACK")).isEqualTo("I rute 1 20 %");
        assertThat(row(nb, "data-resource", "FUNDING")).startsWith("Finansiering NOK 250 000 90 000 36 %");
        assertThat(section(nb, "overdue")).contains("1. februar 2027").contains("Forsinket");
        assertThat(section(nb, "divergent")).contains("Oppfylt · 90 %").contains("Begrenset").contains("Avsluttet");
    }

    @Test
    void partnership_page_lists_every_commitment_with_a_link_to_its_own_page() {
        String en = page(port, "/pages/partnerships/" + given.partnership + "?lang=en");
        String table = all(en, "(<table[^>]*id=\"commitment-table\".*?</table>)").get(0);
        assertThat(all(table, "data-commitment=\"([^\"]+)\"")).containsExactly(
                given.late.toString(), given.slow.toString(), given.done.toString(), given.withdrawn.toString(),
                given.onTrack.toString());
        // title, organisation, due date, status, latest report, assessment, signal
        assertThat(row(en, "data-commitment", given.done.toString())).isEqualTo("Tiltak "
                + given.done.toString().substring(0, 8) + " Vestland fylkeskommune June 30, 2027 Fulfilled 90% Limited Closed");
        assertThat(row(en, "data-commitment", given.withdrawn.toString())).contains("Withdrawn – – Closed");
        assertThat(table).contains("href=\"/pages/commitments/" + given.done + "\"");
        assertThat(all(en, "(<section aria-labelledby=\"overdue\">.*?</section>)").get(0))
                .contains("href=\"/pages/commitments/" + given.late + "\"");
    }

    @Test
    void partnership_page_pages_through_its_commitments_and_shows_one_status_at_a_time() {
        String path = "/pages/partnerships/" + given.partnership;
        String second = page(port, path + "?lang=en&size=2&page=1");
        assertThat(listed(second)).containsExactly(given.done.toString(), given.withdrawn.toString());
        assertThat(byId(second, "commitment-range")).isEqualTo("Commitments 3–4 of 5, by due date.");
        assertThat(text(pager(second))).isEqualTo("Previous Page 2 of 3 Next");
        assertThat(pager(second)).contains("href=\"" + path + "?page=0&amp;size=2#commitments\"")
                .contains("href=\"" + path + "?page=2&amp;size=2#commitments\"");

        // past the last page: the last page, without a link onwards
        String past = page(port, path + "?lang=nb&size=2&page=9");
        assertThat(listed(past)).containsExactly(given.onTrack.toString());
        assertThat(byId(past, "commitment-range")).isEqualTo("Forpliktelse 5–5 av 5, etter frist.");
        assertThat(text(pager(past))).isEqualTo("Forrige Side 3 av 3");

        String all = page(port, path + "?lang=en");
        assertThat(all).doesNotContain("id=\"commitment-range\"").doesNotContain("class=\"pager\"");
        assertThat(all(all, "(<tr[^>]*data-status=\"OVERDUE\".*?</tr>)").get(0))
                .contains("href=\"" + path + "?status=OVERDUE#commitments\"");

        String overdue = page(port, path + "?lang=en&status=OVERDUE");
        assertThat(listed(overdue)).containsExactly(given.late.toString());
        assertThat(byId(overdue, "commitment-filter")).isEqualTo(
                "Only commitments with the status Overdue. Show all commitments");
        assertThat(all(overdue, "(<caption.*?</caption>)").stream().map(PagesTestSupport::text))
                .contains("The partnership's commitments you chose, by due date");

        assertThat(all(all, "(<tr[^>]*data-signal=\"AT_RISK\".*?</tr>)").get(0))
                .contains("href=\"" + path + "?signal=AT_RISK#commitments\"");
        String atRisk = page(port, path + "?lang=nb&signal=AT_RISK");
        assertThat(listed(atRisk)).containsExactly(given.slow.toString());
        assertThat(byId(atRisk, "commitment-filter")).isEqualTo(
                "Bare forpliktelser med signal I faresonen. Vis alle forpliktelser");
        assertThat(atRisk).contains("href=\"/api/partnerships/" + given.partnership
                + "/commitments.csv?signal=AT_RISK&amp;separator=semicolon\"");
        assertThat(fetch(port, path + "?signal=LATE").statusCode()).isEqualTo(400);

        // one organisation's commitments, from its scorecard's figures per partnership
        String scorecard = page(port, "/pages/organisations/" + given.business + "?lang=en");
        String filtered = path + "?organisationId=" + given.business + "#commitments";
        // a link whose text is a number says what it counts to a screen reader
        assertThat(scorecard).contains("aria-label=\"3 commitments in " + given.name + ": show them\"");
        assertThat(row(scorecard, "data-partnership", given.partnership.toString())).startsWith(given.name + " 3 ");
        assertThat(scorecard).contains("href=\"" + filtered + "\"");
        String havkraft = page(port, filtered.replace("#commitments", "&lang=en"));
        assertThat(listed(havkraft)).containsExactly(given.late.toString(), given.withdrawn.toString(),
                given.onTrack.toString());
        assertThat(byId(havkraft, "commitment-filter")).isEqualTo(
                "Only the commitments of Havkraft AS. Show all commitments");
        assertThat(fetch(port, path + "?organisationId=x").statusCode()).isEqualTo(400);

        // the list as a spreadsheet: the chosen status, every page
        String csvPath = "/api/partnerships/" + given.partnership + "/commitments.csv?status=OVERDUE";
        assertThat(overdue).contains("href=\"" + csvPath + "\"");
        HttpResponse<String> csv = fetch(port, csvPath);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"commitments-" + given.partnership + ".csv\"");
        assertThat(csv.body().split("\r\n")).hasSize(2);
        assertThat(csv.body()).startsWith("commitmentId,partnershipId,partnership,title,organisationId,organisation,recordedOn,"
                + "originalDueDate,dueDate,status,signal,atRiskBecause,latestPercent,latestReportAsOf,latestAssessment,divergent,"
                + "openFollowUpSince,openFollowUpRespondBy,closedOn,daysOverdue,version\r\n" + given.late + "," + given.partnership + "," + given.name + ",");
        String everything = fetch(port, "/api/partnerships/" + given.partnership + "/commitments.csv").body();
        assertThat(everything.split("\r\n")).hasSize(6);
        assertThat(everything).containsPattern(given.done
                + "," + given.partnership + "," + given.name + ",Tiltak \\w+,[^,]+,Vestland fylkeskommune,2026-11-01,2027-06-30,2027-06-30,"
                + "FULFILLED,CLOSED,,90,2027-01-01,LIMITED,true,,,2027-0\\d-\\d\\d,,\\d+\\r\\n");
        assertThat(fetch(port, "/api/partnerships/" + given.partnership + "/commitments.csv?status=LATE").statusCode())
                .isEqualTo(400);

        // in bokmål, the spreadsheet Norwegian Excel opens as it is: semicolons, and a byte order mark for the ø
        String nb = page(port, path + "?status=OVERDUE&lang=nb");
        String semicolonPath = csvPath + "&separator=semicolon";
        assertThat(nb).contains("href=\"" + semicolonPath.replace("&", "&amp;") + "\"");
        String excel = fetch(port, semicolonPath).body();
        assertThat(excel).startsWith("\uFEFFcommitmentId;partnershipId;partnership;title;")
                .contains("\r\n" + given.late + ";" + given.partnership + ";" + given.name + ";");
        assertThat(excel.split("\r\n")).hasSize(2);
        assertThat(fetch(port, csvPath + "&separator=tab").statusCode()).isEqualTo(400);

        // a filter value the page cannot use is the reader's address, not a missing partnership; the way back keeps
        // the rest of the address
        HttpResponse<String> late = fetch(port, path + "?status=LATE&signal=OVERDUE&lang=en");
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(h1(late.body())).isEqualTo("This page does not understand the address");
        assertThat(byId(late.body(), "not-understood"))
                .isEqualTo("The address gives status the value “LATE”, which this page cannot use.");
        assertThat(late.body()).contains("href=\"" + path + "?signal=OVERDUE&amp;lang=en\"");
        assertThat(fetch(port, path + "?page=x").statusCode()).isEqualTo(400);
        // a filter it does not take, and one given twice
        HttpResponse<String> unknown = fetch(port, path + "?organisationID=x&lang=nb");
        assertThat(byId(unknown.body(), "not-understood"))
                .isEqualTo("Adressen ber om organisationID = «x», som denne siden ikke kjenner.");
        assertThat(byId(unknown.body(), "takes")).startsWith("Den tar: divergent, dueWithinDays, ");
        HttpResponse<String> twice = fetch(port, path + "?organisationId=" + given.partnership + "&organisationId="
                + given.partnership);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        // what a newsletter or a social network adds to a shared link does not stop the page
        assertThat(fetch(port, path + "?utm_source=nyhetsbrev&fbclid=abc").statusCode()).isEqualTo(200);
    }

    private static List<String> listed(String html) {
        return all(all(html, "(<table[^>]*id=\"commitment-table\".*?</table>)").get(0), "data-commitment=\"([^\"]+)\"");
    }

    private static String pager(String html) {
        return all(html, "(<nav class=\"pager\".*?</nav>)").get(0);
    }

    @Test
    void commitment_page_shows_what_was_promised_and_what_came_of_it_in_both_languages() {
        String en = page(port, "/pages/commitments/" + given.done + "?lang=en");
        assertThat(h1(en)).isEqualTo("Tiltak " + given.done.toString().substring(0, 8));
        assertThat(htmlLang(en)).isEqualTo("en");
        assertThat(text(en)).contains("Fulfilled · Closed").contains("Partnership " + given.name)
                .contains("Organisation Vestland fylkeskommune").contains("Recorded November 1, 2026")
                .contains("Due date June 30, 2027").contains("Latest progress report 90% ( January 1, 2027 )")
                .contains("Secretariat assessment Limited").contains("beskrivelse");
        assertThat(text(section(en, "goals"))).contains("Nye arbeidsplasser");
        assertThat(row(en, "data-resource", "FUNDING")).startsWith("Funding NOK 100,000 90,000 90%");
        assertThat(row(en, "data-entry", "0")).isEqualTo("November 1, 2026 Commitment recorded due June 30, 2027 "
                + "Tiltak " + given.done.toString().substring(0, 8));
        assertThat(row(en, "data-entry", "1")).isEqualTo("January 5, 2027 Progress report 90% as of January 1, 2027 n");
        assertThat(row(en, "data-entry", "2")).isEqualTo("January 5, 2027 Assessed by the secretariat Limited tvilsomt");
        // with the indicator values it reported, which move its goals' progress on the dashboard
        assertThat(row(en, "data-entry", "3")).isEqualTo(
                "January 5, 2027 Final report Fulfilled as of February 15, 2027 n Nye arbeidsplasser: 12");

        String nb = page(port, "/pages/commitments/" + given.done + "?lang=nb");
        assertThat(htmlLang(nb)).isEqualTo("nb");
        assertThat(text(nb)).contains("Oppfylt · Avsluttet").contains("Frist 30. juni 2027");
        assertThat(row(nb, "data-entry", "1")).isEqualTo("5. januar 2027 Framdriftsrapport 90 % per 1. januar 2027 n");
        assertThat(nb).contains("aria-label=\"Rapporterte indikatorverdier\"");

        HttpResponse<String> unknown = fetch(port, "/pages/commitments/" + UUID.randomUUID() + "?lang=en");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(h1(unknown.body())).isEqualTo("Page not found");
    }

    @Test
    void a_concluded_partnership_s_page_says_when_and_that_its_members_were_members_until_then() {
        UUID concluded = UUID.randomUUID();
        events.append(PageScenario.TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), Map.of(),
                new PartnershipEstablished(concluded, "Avsluttet samarbeid", PartnershipKind.STRATEGIC, null, "M",
                        null, null, null, new Period(LocalDate.of(2026, 1, 1), null), given.business),
                new MemberAdmitted(concluded, given.business, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new PartnershipConcluded(concluded, "formålet er nådd"));
        Api api = Api.onPort(port);
        JsonNode dashboard = api.get("/api/partnerships/" + concluded + "?minVersion=2", null).body();
        assertThat(dashboard.path("concludedOn").asText()).isEqualTo(PageScenario.TODAY.toString());

        String nb = page(port, "/pages/partnerships/" + concluded + "?lang=nb");
        assertThat(text(nb)).contains("Avsluttet 1. mars 2027: formålet er nådd");
        assertThat(row(nb, "data-organisation", given.business.toString()))
                .isEqualTo("Havkraft AS 923609016 Sammenkaller Ledelse Medlem til avslutningen 0 av 0 0");
        // on the overview too: members at the conclusion, not "active" members (their scorecards count none)
        assertThat(row(page(port, "/?lang=nb"), "data-partnership", concluded.toString()))
                .startsWith("Avsluttet samarbeid (avsluttet) Strategisk partnerskap 1 ved avslutningen");
    }

    @Test
    void a_median_reporting_lag_of_one_day_is_one_day() {
        UUID reporter = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        LocalDate asOf = PageScenario.TODAY.minusDays(1);
        events.append(PageScenario.TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), Map.of(),
                new OrganisationRegistered(reporter, "Ettertid AS", "974760673", Sector.BUSINESS),
                new CommitmentRecorded(commitment, partnership, reporter, "Tiltak", null, List.of(), List.of(),
                        LocalDate.of(2027, 9, 1), asOf),
                new ProgressReported(commitment, partnership, reporter, 10, "i gang", List.of(), asOf));
        assertThat(Api.onPort(port).get("/api/commitments/" + commitment + "?minVersion=1", null).status())
                .isEqualTo(200);
        // the scorecard comes from another processor: wait for the organisation's registration too
        assertThat(Api.onPort(port).get("/api/organisations/" + reporter + "/scorecard?minVersion=0", null).status())
                .isEqualTo(200);

        assertThat(text(byId(page(port, "/pages/organisations/" + reporter + "?lang=nb"), "lag"))).isEqualTo("1 dag");
        assertThat(text(byId(page(port, "/pages/organisations/" + reporter + "?lang=en"), "lag"))).isEqualTo("1 day");
    }

    /** Up to the strategic partnership, and down from it to each network under it. */
    @Test
    void a_thematic_network_names_and_links_its_strategic_partnership_and_it_the_network() {
        UUID network = UUID.randomUUID();
        events.append(new PartnershipEstablished(network, "Havnettverk", PartnershipKind.THEMATIC_NETWORK,
                given.partnership, "M", null, null, null, new Period(LocalDate.of(2026, 1, 1), null), given.scripted));
        JsonNode dashboard = Api.onPort(port).get("/api/partnerships/" + network + "?minVersion=0", null).body();
        assertThat(dashboard.path("parentPartnershipId").asText()).isEqualTo(given.partnership.toString());
        assertThat(dashboard.path("parentPartnershipName").asText()).isEqualTo(given.name);
        assertThat(page(port, "/pages/partnerships/" + network)).contains(
                "<a href=\"/pages/partnerships/" + given.partnership + "\">" + given.name + "</a>");

        JsonNode parent = Api.onPort(port).get("/api/partnerships/" + given.partnership, null).body();
        assertThat(parent.path("networks")).anySatisfy(n -> {
            assertThat(n.path("id").asText()).isEqualTo(network.toString());
            assertThat(n.path("name").asText()).isEqualTo("Havnettverk");
            assertThat(n.path("concluded").asBoolean()).isFalse();
        });
        String parentPage = page(port, "/pages/partnerships/" + given.partnership + "?lang=nb");
        assertThat(text(parentPage)).contains("Tematiske nettverk under det");
        assertThat(parentPage).containsPattern("<dd id=\"networks\">.*<a href=\"/pages/partnerships/" + network
                + "\">Havnettverk</a>");
    }

    @Test
    void only_the_secretariat_auditors_and_the_partner_itself_see_who_reported() {
        UUID commitment = UUID.randomUUID();
        events.append(PageScenario.TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(),
                Map.of(AuditMetadata.SUBJECT, "kari.nordmann@skript.no"),
                new CommitmentRecorded(commitment, given.network, given.scripted, "Kartlegging", null, List.of(),
                        List.of(), LocalDate.of(2027, 9, 1), PageScenario.TODAY),
                new ProgressReported(commitment, given.network, given.scripted, 10, "i gang", List.of(),
                        PageScenario.TODAY));
        Api api = Api.onPort(port);

        Api.Response anonymous = api.get("/api/commitments/" + commitment + "?minVersion=1", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().path("timeline").findValuesAsText("text")).containsExactly("Kartlegging", "i gang");
        assertThat(anonymous.body().path("timeline").findValues("recordedBy")).allMatch(JsonNode::isNull).hasSize(2);
        assertThat(page(port, "/pages/commitments/" + commitment)).doesNotContain("kari.nordmann");

        // a viewer's token may be one a proxy in front of public dashboards adds for everyone; another
        // organisation's partner has no business with the person either
        for (String reader : List.of(tokens.token("v", null, "VIEWER"),
                tokens.token("p", UUID.randomUUID().toString(), "PARTNER"))) {
            assertThat(api.get("/api/commitments/" + commitment, reader).body().path("timeline")
                    .findValues("recordedBy")).allMatch(JsonNode::isNull).hasSize(2);
        }
        for (String reader : List.of(tokens.token("s", null, "SECRETARIAT"), tokens.token("a", null, "AUDITOR"),
                tokens.token("k", given.scripted.toString(), "PARTNER"))) {
            assertThat(api.get("/api/commitments/" + commitment, reader).body().path("timeline")
                    .findValuesAsText("recordedBy")).containsExactly("kari.nordmann@skript.no", "kari.nordmann@skript.no");
        }
    }

    @Test
    void overdue_page_lists_overdue_commitments_across_partnerships() {
        String en = page(port, "/pages/overdue?lang=en");
        assertThat(h1(en)).isEqualTo("Overdue commitments");
        assertThat(text(en)).contains("as of March 1, 2027");
        // 2027-02-01 to 2027-03-01: 28 days; 2027-01-15: 45 days
        assertThat(row(en, "data-commitment", given.late.toString())).contains(given.name).contains("Havkraft AS")
                .contains("February 1, 2027 28").endsWith("Overdue");
        assertThat(row(en, "data-commitment", given.networkLate.toString())).contains("January 15, 2027 45");
        assertThat(en).doesNotContain("data-commitment=\"" + given.slow + "\"")
                .doesNotContain("data-commitment=\"" + given.done + "\"");

        // the same list from the API, and as a spreadsheet
        // (other tests of this database add overdue commitments of their own)
        List<String> onPage = all(en, "data-commitment=\"([^\"]+)\"");
        assertThat(onPage).containsSubsequence(given.networkLate.toString(), given.late.toString());
        JsonNode api = Api.onPort(port).get("/api/commitments/overdue?size=500", null).body();
        assertThat(api.path("items").findValuesAsText("id")).containsExactlyElementsOf(onPage);
        assertThat(api.path("total").asLong()).isEqualTo(onPage.size());
        JsonNode late = api.path("items").get(onPage.indexOf(given.late.toString()));
        assertThat(late.path("partnershipName").asText()).isEqualTo(given.name);
        assertThat(late.path("daysOverdue").asInt()).isEqualTo(28);
        JsonNode notOverdue = Api.onPort(port).get("/api/commitments/" + given.slow, null).body().path("commitment");
        assertThat(notOverdue.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(notOverdue.path("daysOverdue").isNull()).isTrue();
        assertThat(en).contains("href=\"/api/commitments/overdue.csv\"");
        HttpResponse<String> csv = fetch(port, "/api/commitments/overdue.csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"overdue-commitments.csv\"");
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines).hasSize(onPage.size() + 1);
        assertThat(lines.get(onPage.indexOf(given.late.toString()) + 1))
                .startsWith(given.late + "," + given.partnership + "," + given.name + ",Tiltak ")
                .contains(",Havkraft AS,2026-11-01,2027-02-01,2027-02-01,OVERDUE,OVERDUE,").containsPattern(",28,\\d+$");

        String nb = page(port, "/pages/overdue?lang=nb");
        assertThat(h1(nb)).isEqualTo("Forsinkede forpliktelser");
        assertThat(row(nb, "data-commitment", given.late.toString())).contains("1. februar 2027 28")
                .endsWith("Forsinket");
    }

    @Test
    void overdue_list_comes_a_page_at_a_time() {
        Api api = Api.onPort(port);
        List<String> everything = api.get("/api/commitments/overdue?size=500", null).body().path("items")
                .findValuesAsText("id");
        int total = everything.size();
        assertThat(total).isGreaterThanOrEqualTo(2);

        JsonNode second = api.get("/api/commitments/overdue?size=1&page=1", null).body();
        assertThat(second.path("items").findValuesAsText("id")).containsExactly(everything.get(1));
        assertThat(second.path("total").asLong()).isEqualTo(total);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(api.get("/api/commitments/overdue", null).body().path("size").asInt()).isEqualTo(50);
        for (String bad : List.of("page=-1", "size=0", "size=501", "page=x")) {
            Api.Response refused = api.get("/api/commitments/overdue?" + bad, null);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body().path("title").asText()).as(bad).isNotBlank();
        }

        String path = "/pages/overdue";
        String page = page(port, path + "?lang=en&size=1&page=1");
        assertThat(all(page, "data-commitment=\"([^\"]+)\"")).containsExactly(everything.get(1));
        assertThat(byId(page, "overdue-count"))
                .isEqualTo(total == 1 ? "1 overdue commitment." : total + " overdue commitments.");
        assertThat(byId(page, "commitment-range")).isEqualTo("Showing 2–2, the longest overdue first.");
        assertThat(text(pager(page))).isEqualTo("Previous Page 2 of " + total + (total > 2 ? " Next" : ""));
        assertThat(pager(page)).contains("href=\"" + path + "?page=0&amp;size=1\"");
        assertThat(page).contains("href=\"/api/commitments/overdue.csv\"");

        // past the last page: the last page, without a link onwards
        String past = page(port, path + "?lang=nb&size=1&page=" + (total + 5));
        assertThat(all(past, "data-commitment=\"([^\"]+)\"")).containsExactly(everything.get(total - 1));
        assertThat(byId(past, "commitment-range")).isEqualTo("Viser " + total + "–" + total
                + ", lengst forsinket først.");
        assertThat(text(pager(past))).isEqualTo("Forrige Side " + total + " av " + total);
        assertThat(fetch(port, path + "?page=x").statusCode()).isEqualTo(400);
    }

    @Test
    void organisation_scorecard_in_both_languages() {
        String en = page(port, "/pages/organisations/" + given.business + "?lang=en");
        assertThat(h1(en)).isEqualTo("Havkraft AS: Scorecard");
        assertThat(text(en)).contains("Organisation number 923609016").contains("Sector Business")
                .contains("Active memberships 1").contains("Progress and final reports 1");
        assertThat(row(en, "data-figure", "made")).isEqualTo("Made 3");
        assertThat(row(en, "data-figure", "overdue")).isEqualTo("Overdue 1");
        assertThat(row(en, "data-figure", "withdrawn")).isEqualTo("Withdrawn 1");
        assertThat(text(byId(en, "per-partnership-table"))).contains(given.name + " 3 1 1 0 0 0 0 1");

        String nb = page(port, "/pages/organisations/" + given.county + "?lang=nb");
        assertThat(h1(nb)).isEqualTo("Vestland fylkeskommune: Resultatkort");
        assertThat(text(nb)).contains("Sektor Fylkeskommune").contains("Aktive medlemskap 1");
        assertThat(row(nb, "data-figure", "made")).isEqualTo("Inngått 2");
        assertThat(row(nb, "data-figure", "fulfilled")).isEqualTo("Oppfylt 1");
        assertThat(row(nb, "data-figure", "fulfilledOnTime")).isEqualTo("Oppfylt i tide 1");
    }

    @Test
    void sdg_page_names_the_goals_in_the_chosen_language() {
        SdgCatalogue.Goal decentWork = SdgCatalogue.official().goal(8).orElseThrow();
        String en = page(port, "/pages/sdg?lang=en");
        assertThat(h1(en)).isEqualTo("SDG coverage");
        assertThat(row(en, "data-goal", "8")).startsWith("8. " + decentWork.nameEn() + " ");
        assertThat(row(en, "data-target", "17.17")).startsWith("17.17 " + SdgCatalogue.official().goal(17)
                .orElseThrow().nameEn());
        assertThat(row(en, "data-target", "8.5")).contains("Funding: ");

        String nb = page(port, "/pages/sdg?lang=nb");
        assertThat(h1(nb)).isEqualTo("Dekning av bærekraftsmålene");
        assertThat(decentWork.nameNb()).isNotEqualTo(decentWork.nameEn());
        assertThat(row(nb, "data-goal", "8")).startsWith("8. " + decentWork.nameNb() + " ");
        assertThat(row(nb, "data-target", "8.5")).contains("Finansiering: ");
        assertThat(text(nb)).contains("delmål dekket");
    }

    @Test
    void names_carrying_a_script_are_shown_as_text_never_run() {
        String escapedOrganisation = "&lt;script&gt;alert(&#39;org&#39;)&lt;/script&gt; Skript AS";
        String escapedPartnership = "Kystnett &lt;script&gt;alert(&#39;partnership&#39;)&lt;/script&gt;";
        List<String> pages = List.of("/", "/pages/partnerships/" + given.network,
                "/pages/organisations/" + given.scripted, "/pages/overdue", "/pages/commitments/" + given.networkLate);
        for (String path : pages) {
            String html = page(port, path);
            assertThat(html).as(path).doesNotContainIgnoringCase("<script");
        }
        assertThat(page(port, "/")).contains(escapedPartnership);
        String network = page(port, "/pages/partnerships/" + given.network);
        assertThat(network).contains("<h1>" + escapedPartnership + "</h1>").contains(escapedOrganisation);
        assertThat(page(port, "/pages/organisations/" + given.scripted)).contains(escapedOrganisation);
        assertThat(page(port, "/pages/overdue")).contains(escapedOrganisation).contains(escapedPartnership);
    }

    @Test
    void language_comes_from_the_switch_then_the_cookie_then_accept_language() {
        assertThat(htmlLang(page(port, "/"))).isEqualTo("en");
        assertThat(h1(page(port, "/", "Accept-Language", "nb-NO,nb;q=0.9,en;q=0.5"))).isEqualTo("Partnerskap");
        assertThat(h1(page(port, "/", "Accept-Language", "nn-NO"))).isEqualTo("Partnerskap");
        assertThat(h1(page(port, "/", "Accept-Language", "de-DE,en;q=0.8,nb;q=0.5"))).isEqualTo("Partnerships");
        assertThat(htmlLang(page(port, "/", "Accept-Language", "fr"))).isEqualTo("en");

        HttpResponse<String> switched = fetch(port, "/pages/sdg?lang=nb", "Accept-Language", "en");
        assertThat(htmlLang(switched.body())).isEqualTo("nb");
        String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("lang=nb;").contains("Path=/").containsIgnoringCase("SameSite=Lax");
        // the cookie is remembered over the browser's Accept-Language
        assertThat(h1(page(port, "/", "Cookie", "lang=nb", "Accept-Language", "en"))).isEqualTo("Partnerskap");
        assertThat(h1(page(port, "/?lang=en", "Cookie", "lang=nb"))).isEqualTo("Partnerships");
        // a language the pages do not speak is not claimed in <html lang>
        assertThat(htmlLang(page(port, "/?lang=fr"))).isEqualTo("en");
        assertThat(htmlLang(page(port, "/", "Cookie", "lang=sv"))).isEqualTo("en");

        // every page links to itself in the other language
        String overview = page(port, "/pages/overdue?lang=en");
        assertThat(overview).contains("href=\"/pages/overdue?lang=nb\"").contains("href=\"/pages/overdue?lang=en\"");
    }

    @Test
    void every_page_is_marked_up_for_assistive_technology() {
        List<String> paths = List.of("/", "/pages/partnerships/" + given.partnership, "/pages/overdue",
                "/pages/organisations/" + given.business, "/pages/sdg");
        for (String lang : List.of("en", "nb")) {
            for (String path : paths) {
                String html = page(port, path + "?lang=" + lang);
                String what = path + "?lang=" + lang;
                assertThat(htmlLang(html)).as(what).isEqualTo(lang);
                h1(html);
                List<Integer> levels = headingLevels(html);
                assertThat(levels.get(0)).as(what).isEqualTo(1);
                for (int i = 1; i < levels.size(); i++) {
                    assertThat(levels.get(i)).as(what + " heading order " + levels).isLessThanOrEqualTo(levels.get(i - 1) + 1);
                }
                List<String> tables = all(html, "(<table.*?</table>)");
                assertThat(tables).as(what).isNotEmpty();
                for (String table : tables) {
                    assertThat(table).as(what).contains("<caption>");
                    // on a narrow screen a table scrolls sideways: the keyboard must reach it to scroll it
                    assertThat(table).as(what).startsWith("<table").matches("(?s)<table[^>]*tabindex=\"0\".*");
                    assertThat(all(table, "(<th(?:\\s[^>]*)?>)")).as(what).allMatch(th -> th.contains("scope=\""));
                }
                assertThat(html).as(what).contains("<nav class=\"lang\" aria-label=")
                        .contains("<main id=\"main\">");
            }
        }
    }

    /** Switching language keeps the filter and the page number: only the language changes. */
    @Test
    void the_language_links_keep_what_the_page_shows() {
        String filtered = page(port, "/pages/partnerships/" + given.partnership + "?status=OVERDUE&lang=en&page=0");

        java.util.regex.Matcher nb = Pattern.compile("id=\"lang-nb\" href=\"([^\"]*)\"").matcher(filtered);
        assertThat(nb.find()).isTrue();
        assertThat(nb.group(1).replace("&amp;", "&")).isEqualTo("/pages/partnerships/" + given.partnership
                + "?status=OVERDUE&page=0&lang=nb");
    }

    /** An overdue commitment's signal is overdue too: its page says so once, not "Forsinket · Forsinket". */
    @Test
    void an_overdue_commitment_is_said_to_be_overdue_once() {
        String nb = page(port, "/pages/commitments/" + given.late + "?lang=nb");
        assertThat(text(all(nb, "(<p class=\"lead\">.*?</p>)").get(0))).isEqualTo("Forsinket");
        String done = page(port, "/pages/commitments/" + given.done + "?lang=nb");
        assertThat(text(all(done, "(<p class=\"lead\">.*?</p>)").get(0))).isEqualTo("Oppfylt · Avsluttet");
    }

    @Test
    void unknown_ids_answer_with_a_page_that_says_so() {
        HttpResponse<String> missing = fetch(port, "/pages/partnerships/" + UUID.randomUUID() + "?lang=nb");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(h1(missing.body())).isEqualTo("Fant ikke siden");
        assertThat(htmlLang(missing.body())).isEqualTo("nb");
        HttpResponse<String> malformed = fetch(port, "/pages/organisations/not-a-uuid");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(h1(malformed.body())).isEqualTo("Page not found");
        // a mistyped path is a page that is not there too, not the API's problem document
        HttpResponse<String> mistyped = fetch(port, "/pages/partnership/" + UUID.randomUUID() + "?lang=nb");
        assertThat(mistyped.statusCode()).isEqualTo(404);
        assertThat(mistyped.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(h1(mistyped.body())).isEqualTo("Fant ikke siden");
        // whatever the address ends in, the page is HTML, and says so
        for (String path : new String[] {"/pages/x.js", "/pages/sdg.css", "/pages/partnerships/a.json"}) {
            HttpResponse<String> named = fetch(port, path);
            assertThat(named.statusCode()).as(path).isEqualTo(404);
            assertThat(named.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
        }
    }

    @Test
    void templates_never_write_unescaped_text() throws IOException {
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/pages"))) {
            for (Path template : templates.toList()) {
                assertThat(Files.readString(template)).as(template.toString()).doesNotContain("utext")
                        .doesNotContain("<script");
            }
        }
    }

    /** The text of a page's section under the heading with this id. */
    private static String section(String html, String headingId) {
        List<String> sections = all(html, "(<section aria-labelledby=\"" + headingId + "\">.*?</section>)");
        assertThat(sections).as("section " + headingId).hasSize(1);
        return text(sections.get(0));
    }
}
