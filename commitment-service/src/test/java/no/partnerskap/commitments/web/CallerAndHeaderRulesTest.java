package no.partnerskap.commitments.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.commitments.support.OneCommitment;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.Days;
import no.partnerskap.testsupport.OrganisationNumbers;
import no.partnerskap.testsupport.RawHttp;
import no.partnerskap.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Requests refused before their command runs, so that nothing is written: who asks, and what their headers hold. */
@CommitmentServiceTest
class CallerAndHeaderRulesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPostgres.Database database;

    Api api;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        api = Api.onPort(port);
        jdbc = new JdbcTemplate(database.superuser());
    }

    @Test
    void a_retry_by_the_same_subject_acting_for_another_organisation_is_not_told_it_succeeded() {
        OneCommitment one = OneCommitment.create(api);
        String other = api.post("/api/organisations", one.secretariat(), Map.of("name", "Annen AS",
                "organisationNumber", OrganisationNumbers.next(), "sector", "BUSINESS")).text("id");
        Map<String, Object> report = Map.of("percentComplete", 61, "asOf", Days.today());
        Api.Response first = api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                report, "Idempotency-Key", "report-61");
        assertThat(first.status()).isEqualTo(200);
        long before = events();

        // the same subject ("partner"), now with a token for another organisation, sends the same request again
        String sameSubjectOtherOrganisation = api.token("partner", other, "PARTNER");
        Api.Response replay = api.post("/api/commitments/" + one.commitment() + "/progress-reports",
                sameSubjectOtherOrganisation, report, "Idempotency-Key", "report-61");

        assertThat(replay.status()).as(replay.body().toString()).isEqualTo(422);
        assertThat(replay.header("Idempotent-Replayed")).isNull();
        assertThat(events()).isEqualTo(before);
        // and the real retry still gets its first answer
        Api.Response retry = api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                report, "Idempotency-Key", "report-61");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events()).isEqualTo(before);
    }

    /** What is being created has no version yet, so an If-Match cannot hold (RFC 9110): 412, nothing written. */
    @Test
    void an_if_match_on_something_not_yet_created_is_a_failed_precondition() {
        OneCommitment one = OneCommitment.create(api);
        long before = events();
        Map<String, Api.Response> answers = Map.of(
                "organisation", api.post("/api/organisations", one.secretariat(), Map.of("name", "Ny AS",
                        "organisationNumber", OrganisationNumbers.next(), "sector", "BUSINESS"), "If-Match", "\"0\""),
                "partnership", api.post("/api/partnerships", one.secretariat(), Map.of("name", "P", "kind",
                        "STRATEGIC", "mandate", "M", "period", Map.of("from", "2026-01-01"),
                        "convenorOrganisationId", one.organisation()), "If-Match", "\"0\""),
                "commitment", api.post("/api/partnerships/" + one.partnership() + "/commitments", one.partner(),
                        Map.of("organisationId", one.organisation(), "title", "T", "dueDate", "2030-01-01"),
                        "If-Match", "\"0\""));
        answers.forEach((what, answer) -> {
            assertThat(answer.status()).as(what).isEqualTo(412);
            assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
        });
        assertThat(events()).isEqualTo(before);
        // If-Match: * asks only that the target (the collection posted to) be there, not for a version
        assertThat(api.post("/api/organisations", one.secretariat(), Map.of("name", "Ny AS",
                "organisationNumber", OrganisationNumbers.next(), "sector", "BUSINESS"), "If-Match", "*").status())
                .isEqualTo(201);
    }

    /** If-Match compares strongly (RFC 9110): a weak ETag never matches, even one naming the current version. */
    @Test
    void a_weak_etag_in_if_match_is_a_failed_precondition() {
        OneCommitment one = OneCommitment.create(api);
        Api.Response current = api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 10, "asOf", Days.today()));
        long before = events();

        Api.Response weak = api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 20, "asOf", Days.today()), "If-Match", "W/" + current.header("ETag"));

        assertThat(weak.status()).isEqualTo(412);
        assertThat(weak.text("detail")).contains("weak ETag");
        assertThat(events()).isEqualTo(before);
        assertThat(api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 20, "asOf", Days.today()), "If-Match", current.header("ETag")).status())
                .isEqualTo(200);
    }

    /** JSON only: a body in another format skipped every check the JSON reader makes (here a control character). */
    @Test
    void a_body_that_is_not_json_is_refused_and_writes_nothing() throws Exception {
        OneCommitment one = OneCommitment.create(api);
        long before = events();

        String answer = rawPost("/api/organisations", one.secretariat(), "application/yaml", "X-Correlation-Id: yaml",
                "name: \"A\\u0001B\"\norganisationNumber: \"" + OrganisationNumbers.next() + "\"\nsector: BUSINESS\n");

        assertThat(answer).startsWith("HTTP/1.1 415").contains("application/problem+json");
        assertThat(events()).isEqualTo(before);
    }

    /** No command takes a query parameter: {@code ?dryRun=true} was ignored, and the write made. */
    @Test
    void a_command_with_a_query_parameter_is_refused_and_writes_nothing() {
        OneCommitment one = OneCommitment.create(api);
        long before = events();
        long checkpoints = checkpoints();

        Api.Response dryRun = api.post("/api/organisations?dryRun=true", one.secretariat(), Map.of("name", "Prøve AS",
                "organisationNumber", OrganisationNumbers.next(), "sector", "BUSINESS"));
        Api.Response twice = api.post("/api/commitments/" + one.commitment() + "/progress-reports?a=1&a=2",
                one.partner(), Map.of("percentComplete", 20, "asOf", Days.today()));
        Api.Response force = api.post("/admin/checkpoints?force=true", one.secretariat(), null);

        for (Map.Entry<String, Api.Response> refused : Map.of("dryRun", dryRun, "a", twice, "force", force)
                .entrySet()) {
            assertThat(refused.getValue().status()).as(refused.getKey()).isEqualTo(400);
            assertThat(refused.getValue().body().path("errors").get(0).path("field").asText())
                    .isEqualTo(refused.getKey());
            assertThat(refused.getValue().body().path("errors").get(0).path("message").asText())
                    .startsWith("is not a parameter of this command, which takes none");
        }
        assertThat(events()).isEqualTo(before);
        assertThat(checkpoints()).isEqualTo(checkpoints);
        // a read asked of the write side is still sent to the read side, an unknown address still not found
        assertThat(api.get("/api/commitments/" + one.commitment() + "?minVersion=1", one.partner()).status())
                .isEqualTo(405);
        assertThat(api.post("/api/nothing?x=1", one.partner(), Map.of()).status()).isEqualTo(404);
    }

    @Test
    void a_write_whose_caller_accepts_no_json_is_refused_before_it_is_written() {
        OneCommitment one = OneCommitment.create(api);
        long before = events();
        long checkpoints = checkpoints();

        Api.Response html = api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 77, "asOf", Days.today()), "Accept", "text/html");
        Api.Response created = api.post("/api/partnerships/" + one.partnership() + "/commitments", one.partner(),
                Map.of("organisationId", one.organisation(), "title", "T", "dueDate", "2030-01-01"),
                "Accept", "application/xml");

        // JSON, but in a charset no JSON is written in, or JSON declared not acceptable (q=0)
        Api.Response latin = api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 78, "asOf", Days.today()), "Accept", "application/json;charset=iso-8859-1");
        Api.Response utf16 = api.post("/api/organisations", one.secretariat(), Map.of("name", "Ny AS",
                "organisationNumber", OrganisationNumbers.next(), "sector", "BUSINESS"),
                "Accept", "application/json;charset=utf-16le");
        Api.Response notJson = api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 79, "asOf", Days.today()), "Accept", "application/json;q=0");
        Api.Response seal = api.post("/admin/checkpoints", one.secretariat(), null, "Accept", "text/html");
        // another JSON type the answer is not: a client reading the type would take a stored write for an error
        Api.Response problem = api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 80, "asOf", Days.today()), "Accept", "application/problem+json");

        assertThat(html.status()).isEqualTo(406);
        assertThat(created.status()).isEqualTo(406);
        assertThat(latin.status()).isEqualTo(406);
        assertThat(utf16.status()).isEqualTo(406);
        assertThat(notJson.status()).isEqualTo(406);
        assertThat(seal.status()).isEqualTo(406);
        assertThat(problem.status()).isEqualTo(406);
        assertThat(events()).isEqualTo(before);
        assertThat(checkpoints()).isEqualTo(checkpoints);
        assertThat(api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 77, "asOf", Days.today()), "Accept", "text/html, application/json;q=0.5")
                .status()).isEqualTo(200);
        // a header that admits JSON somewhere gets it, whatever it prefers: never a 406 after the write
        Api.Response preferred = api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 81, "asOf", Days.today()), "Accept",
                "application/json;charset=iso-8859-1, */*;q=0.1");
        assertThat(preferred.status()).isEqualTo(200);
        assertThat(preferred.header("Content-Type")).isEqualTo("application/json");
        assertThat(events()).isEqualTo(before + 2);
    }

    /** Text in another encoding, sent as JSON: told so, rather than that a field has the wrong type. */
    @Test
    void a_body_that_is_not_utf8_is_told_so_and_writes_nothing() throws Exception {
        OneCommitment one = OneCommitment.create(api);
        long before = events();
        byte[] latin1 = ("{\"organisationId\":\"" + one.organisation() + "\",\"title\":\"Grønn havn\","
                + "\"dueDate\":\"2030-01-01\"}").getBytes(StandardCharsets.ISO_8859_1);

        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                                + "/api/partnerships/" + one.partnership() + "/commitments"))
                        .header("Authorization", "Bearer " + one.partner()).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin1)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("not UTF-8");
        assertThat(events()).isEqualTo(before);
    }

    /** A 403 says what is wrong: the token, or the organisation the request names. */
    @Test
    void a_partner_refused_for_its_organisation_is_told_whether_the_token_or_the_request_is_wrong() {
        OneCommitment one = OneCommitment.create(api);
        long before = events();
        Map<String, Object> commitment = Map.of("organisationId", one.organisation(), "title", "T",
                "dueDate", "2030-01-01");

        Api.Response noOrganisation = api.post("/api/partnerships/" + one.partnership() + "/commitments",
                api.token("kari@kommune.no", null, "PARTNER"), commitment);
        Api.Response another = api.post("/api/partnerships/" + one.partnership() + "/commitments",
                api.token("kari@kommune.no", java.util.UUID.randomUUID().toString(), "PARTNER"), commitment);

        assertThat(noOrganisation.status()).isEqualTo(403);
        assertThat(noOrganisation.text("detail")).contains("the token names no registered organisation");
        assertThat(another.status()).isEqualTo(403);
        assertThat(another.text("detail")).contains("the request " + one.organisation());
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void an_accept_header_that_cannot_be_read_gets_a_problem_naming_it_and_writes_nothing() {
        OneCommitment one = OneCommitment.create(api);
        long before = events();

        for (String accept : List.of("garbage", "application/json;q=1.5")) {
            Api.Response refused = api.post("/api/commitments/" + one.commitment() + "/progress-reports",
                    one.partner(), Map.of("percentComplete", 70, "asOf", Days.today()), "Accept", accept);

            assertThat(refused.status()).as(accept).isEqualTo(406);
            assertThat(refused.header("Content-Type")).as(accept).isEqualTo("application/problem+json");
            assertThat(refused.text("detail")).as(accept).contains("Accept").contains("application/json");
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void an_idempotency_key_that_is_not_ascii_is_a_bad_request_and_writes_nothing() throws Exception {
        OneCommitment one = OneCommitment.create(api);
        long before = events();

        String answer = rawPost("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                "Idempotency-Key: ключ-ü", "{\"percentComplete\":64,\"asOf\":\"" + Days.today() + "\"}");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("printable ASCII");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void an_idempotency_key_read_as_latin_1_or_holding_a_tab_is_a_bad_request_and_writes_nothing() throws Exception {
        OneCommitment one = OneCommitment.create(api);
        long before = events();

        // UTF-8 "ø" arrives as two printable ISO-8859-1 characters, which the firewall lets through
        String latin = rawPost("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                "Idempotency-Key: nøkkel", "{\"percentComplete\":66,\"asOf\":\"" + Days.today() + "\"}");
        String tab = rawPost("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                "Idempotency-Key: a\tb", "{\"percentComplete\":67,\"asOf\":\"" + Days.today() + "\"}");

        assertThat(latin).startsWith("HTTP/1.1 400").contains("Idempotency-Key").contains("printable ASCII");
        assertThat(tab).startsWith("HTTP/1.1 400").contains("printable ASCII");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_correlation_id_that_is_not_ascii_is_replaced_rather_than_stored_garbled() throws Exception {
        OneCommitment one = OneCommitment.create(api);

        String answer = rawPost("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                "X-Correlation-Id: kø-ü", "{\"percentComplete\":65,\"asOf\":\"" + Days.today() + "\"}");

        assertThat(answer).startsWith("HTTP/1.1 200");
        String stored = jdbc.queryForObject("select convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' from"
                + " event_store.domain_event_entry where aggregate_identifier = ? order by sequence_number desc limit 1",
                String.class, one.commitment());
        assertThat(stored).matches("[0-9a-f-]{36}");
        // the client learns the id its write was recorded with, to find it again in the history
        assertThat(answer).containsIgnoringCase("X-Correlation-Id: " + stored + "\r\n");
    }

    /** A client logs the id its write is recorded with: the one it gave, on a refusal too. */
    @Test
    void the_correlation_id_comes_back_with_the_answer() {
        OneCommitment one = OneCommitment.create(api);
        Api.Response given = api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 20, "asOf", Days.today()), "X-Correlation-Id", "sak-2026/4711");
        assertThat(given.status()).isEqualTo(200);
        assertThat(given.header("X-Correlation-Id")).isEqualTo("sak-2026/4711");
        Api.Response refused = api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", 20, "asOf", LocalDate.parse(Days.today()).plusDays(1).toString()),
                "X-Correlation-Id", "sak-2026/4712");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("X-Correlation-Id")).isEqualTo("sak-2026/4712");

        // refused before any controller runs: by the token, the negotiation, the method or the address
        Map<String, Object> report = Map.of("percentComplete", 20, "asOf", Days.today());
        String path = "/api/commitments/" + one.commitment() + "/progress-reports";
        Map<Integer, Api.Response> early = Map.of(
                401, api.post(path, null, report, "X-Correlation-Id", "sak-401"),
                403, api.post(path, api.token("viewer", null, "VIEWER"), report, "X-Correlation-Id", "sak-403"),
                406, api.post(path, one.partner(), report, "X-Correlation-Id", "sak-406", "Accept", "text/csv"),
                405, api.get(path, one.partner(), "X-Correlation-Id", "sak-405"),
                404, api.post("/api/nothing", one.partner(), report, "X-Correlation-Id", "sak-404"));
        early.forEach((status, answer) -> {
            assertThat(answer.status()).isEqualTo(status);
            assertThat(answer.header("X-Correlation-Id")).as("the answer " + status).isEqualTo("sak-" + status);
        });
    }

    @Test
    void an_address_the_server_cannot_decode_is_a_problem_document_and_writes_nothing() {
        OneCommitment one = OneCommitment.create(api);
        long before = events();

        String answer = rawPost("/api/commitments/%zz/progress-reports", one.partner(), "",
                "{\"percentComplete\":10,\"asOf\":\"" + Days.today() + "\"}");

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("hexadecimal").doesNotContain("<html");
        assertThat(events()).isEqualTo(before);
    }

    /** A request with a header in UTF-8 bytes, which Java's HTTP client will not send. */
    private String rawPost(String path, String token, String header, String body) {
        return rawPost(path, token, "application/json", header, body);
    }

    private String rawPost(String path, String token, String contentType, String header, String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(port, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: " + contentType + "\r\n"
                + "Content-Length: " + json.length + "\r\n" + (header.isEmpty() ? "" : header + "\r\n"), json);
    }

    private long checkpoints() {
        return jdbc.queryForObject("select count(*) from event_store.checkpoint", Long.class);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
    }
}
