package no.partnerskap.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.partnerskap.testsupport.Api;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.testsupport.OrganisationNumbers;
import no.partnerskap.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The first slice over HTTP: register an organisation, establish a partnership, and the refusals. */
@CommitmentServiceTest
class FoundationSliceTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestPostgres.Database database;

    Api api;
    String secretariat;
    // JUnit makes a new instance per test: fresh numbers each time, as the database is shared
    final String countyNumber = OrganisationNumbers.next();
    final String duplicatedNumber = OrganisationNumbers.next();
    final String networkNumber = OrganisationNumbers.next();
    final String retriedNumber = OrganisationNumbers.next();
    final String renamedNumber = OrganisationNumbers.next();
    final String refusedNumber = OrganisationNumbers.next();

    @BeforeEach
    void setUp() {
        api = Api.onPort(port);
        secretariat = api.token("sekretariat@vestlandfylke.no", null, "SECRETARIAT");
    }

    static Map<String, Object> organisation(String number) {
        return Map.of("name", "Vestland fylkeskommune", "organisationNumber", number, "sector", "PUBLIC_COUNTY");
    }

    static Map<String, Object> partnership(String convenor, String kind, String parent) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "name", "Grønn industri Vestland", "kind", kind, "mandate", "Samordne grønn omstilling",
                "purpose", "Flere grønne arbeidsplasser", "period", Map.of("from", "2026-01-01", "to", "2029-12-31"),
                "convenorOrganisationId", convenor));
        if (parent != null) {
            body.put("parentPartnershipId", parent);
        }
        return body;
    }

    long events() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
    }

    @Test
    void registers_an_organisation_and_establishes_a_partnership_with_the_convenor_as_first_member() {
        Api.Response registered = api.post("/api/organisations", secretariat, organisation(countyNumber));
        assertThat(registered.status()).isEqualTo(201);
        String organisationId = registered.text("id");
        assertThat(registered.header("Location")).isEqualTo("/api/organisations/" + organisationId);
        assertThat(registered.header("ETag")).isEqualTo("\"0\"");

        Api.Response established = api.post("/api/partnerships", secretariat,
                partnership(organisationId, "STRATEGIC", null), "X-Correlation-Id", "case-2026-17");
        assertThat(established.status()).isEqualTo(201);
        String partnershipId = established.text("id");
        assertThat(established.header("ETag")).isEqualTo("\"1\"");

        List<Map<String, Object>> stored = jdbc.queryForList("""
                select payload_type, sequence_number, convert_from(meta_data, 'UTF8') as meta
                from event_store.domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                partnershipId);
        assertThat(stored).extracting(row -> row.get("payload_type")).containsExactly(
                "no.partnerskap.api.partnership.PartnershipEvent$PartnershipEstablished",
                "no.partnerskap.api.partnership.PartnershipEvent$MemberAdmitted");
        assertThat((String) stored.get(0).get("meta"))
                .contains("\"subject\":\"sekretariat@vestlandfylke.no\"")
                .contains("\"roles\":\"SECRETARIAT\"")
                .contains("\"correlationId\":\"case-2026-17\"");
    }

    @Test
    void refuses_an_invalid_organisation_number_with_field_errors_and_writes_nothing() {
        long before = events();
        Api.Response response = api.post("/api/organisations", secretariat,
                Map.of("name", "", "organisationNumber", "12345", "sector", "PUBLIC_COUNTY"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "organisationNumber");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_read_sent_to_the_write_side_is_pointed_to_the_read_side() {
        String organisation = api.post("/api/organisations", secretariat, organisation(OrganisationNumbers.next()))
                .text("id");
        Api.Response read = api.get("/api/organisations/" + organisation + "/name", secretariat);
        assertThat(read.status()).isEqualTo(405);
        assertThat(read.header("Content-Type")).startsWith("application/problem+json");
        assertThat(read.header("Allow")).isEqualTo("POST");
        assertThat(read.text("detail")).contains("projection-service");

        // where a created resource's Location points, and what the read side serves
        for (String readSide : List.of("/api/organisations/" + organisation, "/api/commitments/" + organisation,
                "/api/partnerships/" + organisation + "/goals/" + organisation, "/api/sdg")) {
            Api.Response elsewhere = api.get(readSide, secretariat);
            assertThat(elsewhere.status()).as(readSide).isEqualTo(405);
            assertThat(elsewhere.text("detail")).as(readSide).contains("projection-service");
            // no method is taken there: an Allow naming POST would say one is
            assertThat(elsewhere.header("Allow")).as(readSide).isEmpty();
        }
        // where a command is taken, the read's answer says which
        assertThat(api.get("/api/partnerships/" + organisation + "/commitments", secretariat).header("Allow"))
                .isEqualTo("POST");

        Api.Response nowhere = api.get("/api/organisation", secretariat);
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.text("detail")).isEqualTo("Nothing is at /api/organisation.");
        assertThat(api.get("/api/organisation", null).status()).isEqualTo(401);
    }

    @Test
    void refuses_an_id_that_is_not_a_uuid_naming_it_and_writes_nothing() {
        long before = events();
        Api.Response response = api.post("/api/organisations/not-a-uuid/name", secretariat, Map.of("name", "X"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("detail")).isEqualTo("Invalid parameter: 'id' must be a UUID, not 'not-a-uuid'.");
        assertThat(response.body().path("errors").findValuesAsText("field")).containsExactly("id");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refuses_a_number_failing_the_mod11_check_as_invalid_input() {
        long before = events();
        Api.Response response = api.post("/api/organisations", secretariat, organisation("821311633"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsText("field")).containsExactly("organisationNumber");
        assertThat(response.body().path("errors").findValuesAsText("message")).containsExactly("is not an "
                + "organisation number: the first digit must be 8 or 9, and the ninth the mod-11 check digit of the other eight");
        // nine zeros pass the arithmetic, but no register hands out a number starting with 0
        assertThat(api.post("/api/organisations", secretariat, organisation("000000000")).status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refuses_unknown_fields_and_unknown_enum_values() {
        Api.Response unknownField = api.post("/api/organisations", secretariat,
                Map.of("name", "X", "organisationNumber", networkNumber, "sector", "BUSINESS", "admin", true));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body().path("errors").findValuesAsText("field")).containsExactly("admin");

        Api.Response unknownSector = api.post("/api/organisations", secretariat,
                Map.of("name", "X", "organisationNumber", networkNumber, "sector", "PIRATES"));
        assertThat(unknownSector.status()).isEqualTo(400);
        assertThat(unknownSector.body().path("errors").findValuesAsText("field")).containsExactly("sector");
        assertThat(unknownSector.body().path("errors").get(0).path("message").asText()).startsWith(
                "cannot read PIRATES as Sector; one of PUBLIC_STATE, PUBLIC_COUNTY, ");
    }

    @Test
    void an_organisation_number_registers_once() {
        assertThat(api.post("/api/organisations", secretariat, organisation(duplicatedNumber)).status()).isEqualTo(201);
        long before = events();
        Api.Response again = api.post("/api/organisations", secretariat, organisation(duplicatedNumber));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("rule")).isEqualTo("organisation-number-registers-once");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void needs_a_valid_token_and_the_secretariat_role() {
        assertThat(api.post("/api/organisations", null, organisation(refusedNumber)).status()).isEqualTo(401);
        Api.Response garbage = api.post("/api/organisations", "not.a.token", organisation(refusedNumber));
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.header("Content-Type")).startsWith("application/problem+json");
        assertThat(garbage.text("instance")).isEqualTo("/api/organisations");
        String viewer = api.token("viewer", null, "VIEWER");
        assertThat(api.post("/api/organisations", viewer, organisation(refusedNumber)).status()).isEqualTo(403);
        String auditor = api.token("auditor", null, "AUDITOR");
        assertThat(api.post("/api/organisations", auditor, organisation(refusedNumber)).status()).isEqualTo(403);
    }

    @Test
    void a_thematic_network_sits_only_under_a_strategic_partnership() {
        String org = api.post("/api/organisations", secretariat, organisation(networkNumber)).text("id");
        String strategic = api.post("/api/partnerships", secretariat, partnership(org, "STRATEGIC", null)).text("id");
        Api.Response network = api.post("/api/partnerships", secretariat,
                partnership(org, "THEMATIC_NETWORK", strategic));
        assertThat(network.status()).isEqualTo(201);

        long before = events();
        Api.Response underNetwork = api.post("/api/partnerships", secretariat,
                partnership(org, "THEMATIC_NETWORK", network.text("id")));
        assertThat(underNetwork.status()).isEqualTo(409);
        assertThat(underNetwork.text("rule")).isEqualTo("network-parent-must-be-strategic");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void an_idempotency_key_replays_the_first_answer_and_refuses_a_different_body() {
        Api.Response first = api.post("/api/organisations", secretariat, organisation(retriedNumber),
                "Idempotency-Key", "register-986105174");
        long after = events();
        Api.Response retry = api.post("/api/organisations", secretariat, organisation(retriedNumber),
                "Idempotency-Key", "register-986105174");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events()).isEqualTo(after);

        Api.Response reused = api.post("/api/organisations", secretariat, organisation(networkNumber),
                "Idempotency-Key", "register-986105174");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text("type")).isEqualTo("urn:partnerships:idempotency:key-reused");
        assertThat(events()).isEqualTo(after);
    }

    /** Only a success is kept: a request refused wrote nothing, and its key may go again once the cause is mended. */
    @Test
    void a_key_whose_request_was_refused_may_be_sent_again() {
        String id = api.post("/api/organisations", secretariat, organisation(renamedNumber)).text("id");
        Api.Response refused = api.post("/api/organisations/" + id + "/name", secretariat,
                Map.of("name", "Vestland fylkeskommune"), "Idempotency-Key", "rename-1");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        Api.Response mended = api.post("/api/organisations/" + id + "/name", secretariat,
                Map.of("name", "Vestland fylke"), "Idempotency-Key", "rename-1");
        assertThat(mended.status()).as(mended.body().toString()).isEqualTo(200);
        assertThat(mended.header("Idempotent-Replayed")).isNull();
        Api.Response unknown = api.post("/api/organisations/" + UUID.randomUUID() + "/name", secretariat,
                Map.of("name", "Ingen"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("detail")).startsWith("No organisation ");
    }

    @Test
    void a_stale_if_match_is_refused_with_412() {
        String id = api.post("/api/organisations", secretariat, organisation(renamedNumber)).text("id");
        Api.Response renamed = api.post("/api/organisations/" + id + "/name", secretariat,
                Map.of("name", "Nytt navn"), "If-Match", "\"0\"");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isEqualTo("\"1\"");
        long before = events();
        Api.Response stale = api.post("/api/organisations/" + id + "/name", secretariat,
                Map.of("name", "Enda et navn"), "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void an_unknown_id_is_404() {
        Api.Response response = api.post("/api/organisations/" + java.util.UUID.randomUUID() + "/name", secretariat,
                Map.of("name", "Nytt navn"));
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void the_projection_role_can_read_but_not_write_the_event_store() {
        var readOnly = new JdbcTemplate(database.as(database.projectionUser(), database.projectionPassword()));
        assertThat(readOnly.queryForObject("select count(*) from event_store.domain_event_entry", Long.class))
                .isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readOnly.update("""
                        insert into event_store.domain_event_entry (event_identifier, aggregate_identifier,
                        sequence_number, type, time_stamp, payload_type, payload)
                        values ('forged', 'forged', 0, 'Organisation', '2026-01-01T00:00:00Z', 'x', 'x'::bytea)"""))
                .rootCause().hasMessageContaining("permission denied");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> readOnly.update("delete from event_store.domain_event_entry"))
                .rootCause().hasMessageContaining("permission denied");
    }
}
