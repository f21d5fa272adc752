package no.partnerskap.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.commitments.support.OneCommitment;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.Days;
import no.partnerskap.testsupport.OrganisationNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Input an exploratory tester got accepted and written: repeated list entries, enums given by
 * number, text with no visible character, unbounded amounts and loosely read dates. Each is a 400
 * naming the field, and writes nothing; so does a dissent by an organisation that is not a member.
 */
@CommitmentServiceTest
class InputValidationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    OneCommitment one;
    String goal;

    @BeforeEach
    void setUp() {
        api = Api.onPort(port);
        one = OneCommitment.create(api);
        goal = api.post("/api/partnerships/" + one.partnership() + "/goals", one.secretariat(),
                Map.of("title", "G", "baseline", 0, "target", 40)).text("goalId");
    }

    // ---- control characters ------------------------------------------------------------------

    /** U+0000 fits in JSON and an event, but in no PostgreSQL text: every read model would stop at it. */
    @Test
    void text_holds_no_control_characters_but_tabs_and_line_breaks() {
        Api.Response nul = invalid("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 1, "asOf", Days.today(), "narrative", "a\u0000b"), "narrative");
        assertThat(nul.body().path("errors").get(0).path("message").asText()).contains("control characters");
        invalid("/api/organisations", one.secretariat(), Map.of("name", "Nul\u0000Org",
                "organisationNumber", OrganisationNumbers.next(), "sector", "BUSINESS"), "name");
        invalid("/api/partnerships/" + one.partnership() + "/mandate", one.secretariat(),
                Map.of("mandate", "x\u0007y", "reason", "r"), "mandate");
        invalid("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 1, "asOf", Days.today(), "evidence", List.of("https://a.no/\u0000")),
                "evidence[0]");

        assertThat(api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 1, "asOf", Days.today(), "narrative", "linje 1\r\nlinje 2\tmed tab"))
                .status()).isEqualTo(200);
    }

    /**
     * JSON can escape half a surrogate pair; no UTF-8 can hold it. Stored, it read back as '?' and stopped
     * PostgreSQL reading the event's payload as JSON (every partner's audit trail failed on it).
     */
    @Test
    void text_holds_no_half_of_a_surrogate_pair() {
        String path = "/api/commitments/" + one.commitment() + "/progress-reports";
        for (String narrative : new String[] {"halv\\ud800vei", "halv\\udc00vei", "slutt\\ud83d"}) {
            Api.Response lone = invalid(path, one.partner(),
                    "{\"percentComplete\":1,\"asOf\":\"" + Days.today() + "\",\"narrative\":\"" + narrative + "\"}", "narrative");
            assertThat(lone.body().path("errors").get(0).path("message").asText()).contains("surrogate");
        }
        // a pair is one character (here an emoji), escaped or not
        assertThat(api.post(path, one.partner(),
                "{\"percentComplete\":1,\"asOf\":\"" + Days.today() + "\",\"narrative\":\"bra \\ud83d\\ude00 og \ud83d\ude00\"}")
                .status()).isEqualTo(200);
    }

    /** A limit counts characters, as the API document's maxLength does: an emoji is one, not two. */
    @Test
    void a_length_limit_counts_characters() {
        String path = "/api/partnerships/" + one.partnership() + "/commitments";
        String emoji = "\ud83d\ude00";
        Api.Response full = api.post(path, one.partner(), Map.of("organisationId", one.organisation(),
                "title", emoji.repeat(200), "dueDate", "2030-01-01"));
        assertThat(full.status()).as(full.body().toString()).isEqualTo(201);
        invalid(path, one.partner(), Map.of("organisationId", one.organisation(), "title", emoji.repeat(201),
                "dueDate", "2030-01-01"), "title");
        invalid(path, one.partner(), Map.of("organisationId", one.organisation(), "title", "æ".repeat(201),
                "dueDate", "2030-01-01"), "title");
        // lists keep their own limit
        invalid(path, one.partner(), Map.of("organisationId", one.organisation(), "title", "T",
                "goalIds", java.util.stream.Stream.generate(java.util.UUID::randomUUID).limit(101).toList(),
                "dueDate", "2030-01-01"), "goalIds");
    }

    /** Strictly read: text is a JSON string and a whole number a JSON number, not one taken for the other. */
    @Test
    void text_is_a_string_and_a_whole_number_a_number() {
        String report = "/api/commitments/" + one.commitment() + "/progress-reports";
        for (String percent : new String[] {"\"40\"", "40.0", "40.5", "true"}) {
            invalid(report, one.partner(), "{\"percentComplete\":" + percent + ",\"asOf\":\"" + Days.today() + "\"}",
                    "percentComplete");
        }
        Api.Response number = invalid("/api/organisations", one.secretariat(), "{\"name\":\"X\",\"organisationNumber\":"
                + OrganisationNumbers.next() + ",\"sector\":\"BUSINESS\"}", "organisationNumber");
        // the integrator is told what to send
        assertThat(number.body().path("errors").get(0).path("message").asText()).isEqualTo("must be a JSON string");
        Api.Response quoted = invalid(report, one.partner(), "{\"percentComplete\":\"40\",\"asOf\":\"" + Days.today()
                + "\"}", "percentComplete");
        assertThat(quoted.body().path("errors").get(0).path("message").asText())
                .startsWith("must be a whole JSON number, without a fraction or quotes");
        invalid(report, one.partner(), "{\"percentComplete\":40,\"asOf\":\"" + Days.today()
                + "\",\"narrative\":true}", "narrative");
        // amounts stay numbers or decimal strings
        assertThat(api.post(report, one.partner(), "{\"percentComplete\":40,\"asOf\":\"" + Days.today() + "\"}")
                .status()).isEqualTo(200);
    }

    /** An id is a UUID or null: "" was read as null, and a thematic network lost its parent without a word. */
    @Test
    void an_id_is_a_uuid_never_empty_text() {
        Api.Response empty = invalid("/api/partnerships", one.secretariat(), "{\"name\":\"Nettverk\","
                + "\"kind\":\"THEMATIC_NETWORK\",\"parentPartnershipId\":\"\",\"mandate\":\"M\","
                + "\"period\":{\"from\":\"2026-01-01\"},\"convenorOrganisationId\":\"" + one.organisation() + "\"}",
                "parentPartnershipId");
        assertThat(empty.body().path("errors").get(0).path("message").asText()).startsWith("must be an id, a UUID");
        Api.Response malformed = invalid("/api/partnerships/" + one.partnership() + "/commitments", one.partner(),
                "{\"organisationId\":\"Partner AS\",\"title\":\"T\",\"dueDate\":\"2030-01-01\"}",
                "organisationId");
        assertThat(malformed.body().path("errors").get(0).path("message").asText()).startsWith("must be an id, a UUID")
                .endsWith(", not Partner AS");
    }

    // ---- the same organisation or goal twice in one list ------------------------------------

    @Test
    void a_meeting_lists_each_attendee_once() {
        Api.Response response = invalid("/api/partnerships/" + one.partnership() + "/meetings", one.secretariat(),
                Map.of("date", "2026-03-15", "attendance", List.of(
                        Map.of("organisationId", one.organisation(), "representation", "LEADERSHIP"),
                        Map.of("organisationId", one.organisation(), "representation", "OPERATIONAL"))),
                "attendance");
        assertThat(response.body().path("errors").get(0).path("message").asText()).contains(one.organisation());
    }

    @Test
    void a_commitment_serves_each_goal_once() {
        invalid("/api/partnerships/" + one.partnership() + "/commitments", one.partner(), Map.of(
                "organisationId", one.organisation(), "title", "T", "goalIds", List.of(goal, goal),
                "dueDate", "2030-01-01"), "goalIds");
        invalid("/api/commitments/" + one.commitment() + "/revision", one.partner(), Map.of(
                "title", "T", "description", "D", "goalIds", List.of(goal, goal), "resources", List.of(), "reason", "R"),
                "goalIds");
    }

    /** Nor a goal's figures and SDG targets, by revising its title alone, nor its baseline by leaving it out. */
    @Test
    void a_goal_revision_states_the_whole_goal_it_keeps() {
        String revision = "/api/partnerships/" + one.partnership() + "/goals/" + goal + "/revision";
        String whole = "\"indicator\":null,\"unit\":null,\"baseline\":0,\"target\":40,\"targetDate\":null,";
        invalid(revision, one.secretariat(), "{\"title\":\"Nytt navn\"," + whole + "\"reason\":\"Presisert\"}",
                "sdgTargets");
        for (String field : List.of("indicator", "unit", "baseline", "target", "targetDate")) {
            String without = whole.replaceAll("\"" + field + "\":[^,]*,", "");
            Api.Response left = invalid(revision, one.secretariat(), "{\"title\":\"Nytt navn\"," + without
                    + "\"sdgTargets\":[],\"reason\":\"Presisert\"}", field);
            assertThat(left.text("detail")).as(field).contains("null for none");
        }
        assertThat(api.post(revision, one.secretariat(), "{\"title\":\"Nytt navn\"," + whole
                + "\"sdgTargets\":[\"9.5\"],\"reason\":\"Presisert\"}").status()).isEqualTo(200);
    }

    /**
     * A client that only meant to retitle a commitment must not empty its description, goals and pledges by
     * leaving them out: each is sent, null or [] for none.
     */
    @Test
    void a_revision_states_the_description_goals_and_resources_it_keeps() {
        invalid("/api/commitments/" + one.commitment() + "/revision", one.partner(), Map.of(
                "title", "Nytt navn", "description", "D", "reason", "Presisert"), "goalIds", "resources");
        Api.Response withoutDescription = invalid("/api/commitments/" + one.commitment() + "/revision", one.partner(),
                Map.of("title", "Nytt navn", "goalIds", List.of(), "resources", List.of(), "reason", "Presisert"),
                "description");
        assertThat(withoutDescription.text("detail")).contains("null for none");
        assertThat(api.post("/api/commitments/" + one.commitment() + "/revision", one.partner(), "{\"title\":"
                + "\"Nytt navn\",\"description\":null,\"goalIds\":[],\"resources\":[],\"reason\":\"Presisert\"}")
                .status()).isEqualTo(200);
    }

    /** A description with nothing visible is none: else the history says it changed when nothing shown did. */
    @Test
    void a_description_with_nothing_visible_is_stored_as_none() {
        assertThat(api.post("/api/commitments/" + one.commitment() + "/revision", one.partner(), Map.of(
                "title", "T presisert", "description", " \u200b ", "goalIds", List.of(), "resources", List.of(),
                "reason", "Presisert")).status()).isEqualTo(200);

        String payload = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = ? order by sequence_number desc limit 1""", String.class,
                one.commitment());
        assertThat(payload).contains("\"description\":null");
    }

    /** "NOK ", "nok" and "NOK" are one unit: otherwise the dashboard shows two "Funding, NOK" lines. */
    @Test
    void a_resource_unit_is_stored_trimmed_and_a_currency_code_in_capitals() {
        assertThat(api.post("/api/commitments/" + one.commitment() + "/revision", one.partner(), Map.of(
                "title", "T", "description", "D", "goalIds", List.of(), "reason", "Presisert", "resources", List.of(
                        Map.of("kind", "FUNDING", "amount", 5, "unit", " nok\u00a0"),
                        Map.of("kind", "IN_KIND", "amount", 2, "unit", "m²\t lokaler "),
                        Map.of("kind", "FUNDING", "amount", 7, "unit", "kr")))).status()).isEqualTo(200);

        String payload = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = ? order by sequence_number desc limit 1""", String.class,
                one.commitment().toString());
        assertThat(payload).contains("\"unit\":\"NOK\"").contains("\"unit\":\"m² lokaler\"")
                .doesNotContain("\u00a0")
                .contains("\"unit\":\"kr\"").doesNotContain(" nok").doesNotContain("lokaler \"");
    }

    @Test
    void an_outcome_gives_one_value_per_goal() {
        api.post("/api/commitments/" + one.commitment() + "/revision", one.partner(),
                Map.of("title", "T", "description", "D", "goalIds", List.of(goal), "resources", List.of(),
                        "reason", "Tjener målet"));
        invalid("/api/commitments/" + one.commitment() + "/outcome", one.partner(), Map.of("result", "FULFILLED",
                "indicatorValues", List.of(Map.of("goalId", goal, "value", 12), Map.of("goalId", goal, "value", 14))),
                "indicatorValues");
    }

    @Test
    void a_dissent_names_each_dissenter_once() {
        String disagreement = api.post("/api/partnerships/" + one.partnership() + "/disagreements", one.partner(),
                Map.of("subject", "S")).text("disagreementId");
        invalid("/api/partnerships/" + one.partnership() + "/disagreements/" + disagreement + "/resolution",
                one.secretariat(), Map.of("dissent", "d",
                        "dissentingOrganisationIds", List.of(one.organisation(), one.organisation())),
                "dissentingOrganisationIds");
    }

    @Test
    void a_goal_names_each_sdg_target_once() {
        invalid("/api/partnerships/" + one.partnership() + "/goals", one.secretariat(),
                Map.of("title", "G2", "sdgTargets", List.of("9.5", "9.5")), "sdgTargets");
    }

    // ---- dissenters are members ---------------------------------------------------------------

    @Test
    void only_members_dissent() {
        String disagreement = api.post("/api/partnerships/" + one.partnership() + "/disagreements", one.partner(),
                Map.of("subject", "S")).text("disagreementId");
        long before = events();
        Api.Response response = api.post("/api/partnerships/" + one.partnership() + "/disagreements/" + disagreement
                + "/resolution", one.secretariat(), Map.of("dissent", "d",
                "dissentingOrganisationIds", List.of(one.organisation(), UUID.randomUUID().toString())));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(409);
        assertThat(response.text("type")).isEqualTo("urn:partnerships:rule:dissenters-must-be-members");
        assertThat(events()).isEqualTo(before);
    }

    // ---- enums by name only ---------------------------------------------------------------------

    @Test
    void an_enum_is_given_by_its_name_not_its_index() {
        String c = "/api/commitments/" + one.commitment();
        String p = "/api/partnerships/" + one.partnership();
        enumRefused(c + "/outcome", one.partner(), "{\"result\":1}", "result");
        enumRefused(c + "/assessments", one.secretariat(), "{\"level\":3}", "level");
        enumRefused(c + "/assessments", one.secretariat(), "{\"level\":\"3\"}", "level");
        enumRefused("/api/organisations", one.secretariat(), "{\"name\":\"X\",\"organisationNumber\":\""
                + OrganisationNumbers.next() + "\",\"sector\":3}", "sector");
        enumRefused("/api/partnerships", one.secretariat(), "{\"name\":\"P\",\"kind\":1,\"mandate\":\"M\","
                + "\"period\":{\"from\":\"2026-01-01\"},\"convenorOrganisationId\":\"" + one.organisation() + "\"}",
                "kind");
        String other = api.post("/api/organisations", one.secretariat(), Map.of("name", "Y",
                "organisationNumber", OrganisationNumbers.next(), "sector", "BUSINESS")).text("id");
        enumRefused(p + "/members", one.secretariat(), "{\"organisationId\":\"" + other
                + "\",\"role\":0,\"representation\":\"LEADERSHIP\"}", "role");
        enumRefused(p + "/members", one.secretariat(), "{\"organisationId\":\"" + other
                + "\",\"role\":\"PARTNER\",\"representation\":\"2\"}", "representation");
        enumRefused(p + "/commitments", one.partner(), "{\"organisationId\":\"" + one.organisation()
                + "\",\"title\":\"T\",\"dueDate\":\"2030-01-01\",\"resources\":[{\"kind\":1,\"amount\":5,"
                + "\"unit\":\"NOK\"}]}", "resources[0].kind");
    }

    // ---- required text needs a visible character ----------------------------------------------

    @Test
    void required_text_of_unicode_spaces_or_invisible_characters_is_blank() {
        String c = "/api/commitments/" + one.commitment();
        invalid(c + "/withdrawal", one.partner(), Map.of("reason", "\u00a0\u2003\u3000"), "reason");
        invalid("/api/partnerships/" + one.partnership() + "/members/" + one.organisation() + "/departure",
                one.secretariat(), Map.of("reason", "\u2003"), "reason");
        invalid("/api/partnerships/" + one.partnership() + "/commitments", one.partner(), Map.of(
                "organisationId", one.organisation(), "title", "\u00a0", "dueDate", "2030-01-01"), "title");
        for (String blank : List.of("\u2007", "\u202f", "\u200b", "\ufeff", "\u200b\u00a0\u2060", " ", "\t\n")) {
            invalid(c + "/withdrawal", one.partner(), Map.of("reason", blank), "reason");
        }
    }

    @Test
    void text_with_a_visible_character_among_unicode_spaces_is_taken() {
        Api.Response response = api.post("/api/commitments/" + one.commitment() + "/withdrawal", one.partner(),
                Map.of("reason", "\u00a0Lagt\u00a0ned\u200b"));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    // ---- amounts a county council could mean ------------------------------------------------------

    @Test
    void an_amount_is_bounded() {
        String commitments = "/api/partnerships/" + one.partnership() + "/commitments";
        for (String amount : List.of("1e999999999", "\"1e400\"", "1e-999999999", "1000000000000000",
                "0.0000001")) {
            invalid(commitments, one.partner(), "{\"organisationId\":\"" + one.organisation() + "\",\"title\":\"T\","
                    + "\"dueDate\":\"2030-01-01\",\"resources\":[{\"kind\":\"FUNDING\",\"amount\":" + amount
                    + ",\"unit\":\"NOK\"}]}", "resources[0].amount");
        }
        String p = "/api/partnerships/" + one.partnership();
        invalid(p + "/goals", one.secretariat(), "{\"title\":\"G\",\"baseline\":1e20,\"target\":\"1e400\"}",
                "baseline", "target");
        invalid(p + "/goals/" + goal + "/revision", one.secretariat(),
                "{\"title\":\"G\",\"indicator\":null,\"unit\":null,\"baseline\":null,\"target\":1e999999999,"
                        + "\"targetDate\":null,\"sdgTargets\":[],\"reason\":\"R\"}", "target");
        invalid("/api/commitments/" + one.commitment() + "/outcome", one.partner(), "{\"result\":\"FULFILLED\","
                + "\"indicatorValues\":[{\"goalId\":\"" + goal + "\",\"value\":1e400}],\"resourcesDelivered\":"
                + "[{\"kind\":\"FUNDING\",\"amount\":\"1e400\",\"unit\":\"NOK\"}]}",
                "indicatorValues[0].value", "resourcesDelivered[0].amount");
    }

    @Test
    void the_largest_amount_is_taken() {
        Api.Response response = api.post("/api/partnerships/" + one.partnership() + "/commitments", one.partner(),
                "{\"organisationId\":\"" + one.organisation() + "\",\"title\":\"T\",\"dueDate\":\"2030-01-01\","
                        + "\"resources\":[{\"kind\":\"FUNDING\",\"amount\":999999999999999.999999,\"unit\":\"NOK\"},"
                        + "{\"kind\":\"PERSON_DAYS\",\"amount\":\"2.5\",\"unit\":\"days\"}]}");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    }

    // ---- dates as YYYY-MM-DD strings only -------------------------------------------------------

    @Test
    void a_date_is_a_yyyy_mm_dd_string() {
        String commitments = "/api/partnerships/" + one.partnership() + "/commitments";
        for (String date : List.of("20270630", "[2027,6,30]", "\"2027-06-30T00:00:00Z\"", "\"+999999-12-31\"",
                "\"2027-6-30\"", "\"27-06-30\"", "\" 2027-06-30\"", "\"2027-02-30\"", "[\"2027-06-30\"]", "{}")) {
            Api.Response response = invalid(commitments, one.partner(), "{\"organisationId\":\"" + one.organisation()
                    + "\",\"title\":\"T\",\"dueDate\":" + date + "}", "dueDate");
            assertThat(response.body().path("errors").get(0).path("message").asText()).as(date)
                    .contains("YYYY-MM-DD").doesNotContain("LocalDate");
        }
        // the form is right, the day is not: 2026 is no leap year
        Api.Response noSuchDay = invalid("/api/partnerships/" + one.partnership() + "/agreement", one.secretariat(),
                "{\"signedOn\":\"2026-02-29\",\"documentReference\":\"Avtale 2026/1\"}", "signedOn");
        assertThat(noSuchDay.body().path("errors").get(0).path("message").asText())
                .isEqualTo("names a day the calendar does not have: 2026-02-29 (the form, YYYY-MM-DD, is right)");
        String c = "/api/commitments/" + one.commitment();
        String p = "/api/partnerships/" + one.partnership();
        invalid("/api/partnerships", one.secretariat(), "{\"name\":\"P\",\"kind\":\"STRATEGIC\",\"mandate\":\"M\","
                + "\"period\":{\"from\":20260101},\"convenorOrganisationId\":\"" + one.organisation() + "\"}",
                "period.from");
        invalid(p + "/goals", one.secretariat(), "{\"title\":\"G\",\"targetDate\":\"+10000-01-01\"}", "targetDate");
        invalid(p + "/agreement", one.secretariat(), "{\"signedOn\":[2026,2,1],\"documentReference\":\"D\"}",
                "signedOn");
        invalid(p + "/meetings", one.secretariat(), "{\"date\":\"2026-03-15T10:00:00Z\",\"attendance\":[]}", "date");
        invalid(c + "/milestones", one.partner(), "{\"title\":\"M\",\"dueDate\":20270131}", "dueDate");
        invalid(c + "/progress-reports", one.partner(), "{\"percentComplete\":10,\"asOf\":20260101}", "asOf");
        invalid(c + "/deadline-extension", one.partner(), "{\"newDueDate\":\"+999999-12-31\",\"reason\":\"R\"}",
                "newDueDate");
        invalid(c + "/follow-up-requests", one.secretariat(), "{\"respondBy\":[2026,12,15]}", "respondBy");
        invalid(c + "/outcome", one.partner(), "{\"result\":\"FULFILLED\",\"asOf\":\"2027-06-30T00:00Z\"}", "asOf");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A field given twice is ambiguous: neither value is taken, whatever the command. */
    @Test
    void a_field_is_given_once() {
        invalid("/api/organisations", one.secretariat(), "{\"name\":\"A\",\"organisationNumber\":\""
                + OrganisationNumbers.next() + "\",\"sector\":\"BUSINESS\",\"name\":\"B\"}", "name");
        invalid("/api/organisations/" + one.organisation() + "/name", one.secretariat(),
                "{\"name\":\"A\",\"name\":\"B\"}", "name");
        invalid("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                "{\"percentComplete\":40,\"percentComplete\":50,\"asOf\":\"" + Days.today() + "\"}", "percentComplete");
        invalid("/api/partnerships/" + one.partnership() + "/commitments", one.partner(), "{\"organisationId\":\""
                + one.organisation() + "\",\"title\":\"T\",\"dueDate\":\"2030-01-01\",\"resources\":[{\"kind\":"
                + "\"FUNDING\",\"amount\":5,\"amount\":6,\"unit\":\"NOK\"}]}", "resources[0].amount");
    }

    /** One JSON value per body: a second one, or anything after the first, would be dropped without a word. */
    @Test
    void a_body_holds_one_json_value_and_nothing_after_it() {
        String commitment = "{\"organisationId\":\"" + one.organisation() + "\",\"title\":\"%s\",\"dueDate\":\"2030-01-01\"}";
        Api.Response two = invalid("/api/partnerships/" + one.partnership() + "/commitments", one.partner(),
                commitment.formatted("Første") + commitment.formatted("Andre"));
        assertThat(two.text("detail")).contains("after");
        invalid("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                "{\"percentComplete\":10,\"asOf\":\"" + Days.today() + "\"} ,\"percentComplete\":99");
        invalid("/api/organisations/" + one.organisation() + "/name", one.secretariat(), "{\"name\":\"A\"} xyz");
    }

    /** Asserts a 400 problem naming exactly these fields, and that nothing was written. */
    private Api.Response invalid(String path, String token, Object body, String... fields) {
        long before = events();
        Api.Response response = api.post(path, token, body);
        assertThat(response.status()).as(body + " → " + response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().path("errors").findValuesAsText("field")).as(body.toString())
                .containsExactlyInAnyOrder(fields);
        assertThat(events()).as(body.toString()).isEqualTo(before);
        return response;
    }

    private void enumRefused(String path, String token, String body, String field) {
        Api.Response response = invalid(path, token, body, field);
        assertThat(response.body().path("errors").get(0).path("message").asText()).as(body).contains("one of ");
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
    }
}
