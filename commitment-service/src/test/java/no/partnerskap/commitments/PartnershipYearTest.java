package no.partnerskap.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.partnerskap.testsupport.Api;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.testsupport.Days;
import no.partnerskap.testsupport.OrganisationNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole partnership year over HTTP: every step's answer and the events it stored, and the
 * refusals along the way (each writes nothing).
 */
@CommitmentServiceTest
class PartnershipYearTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String secretariat;

    @Test
    void a_partnership_year() {
        api = Api.onPort(port);
        secretariat = api.token("sekretariat@vlfk.no", null, "SECRETARIAT");
        String countyNo = OrganisationNumbers.next();
        String municipalityNo = OrganisationNumbers.next();
        String businessNo = OrganisationNumbers.next();
        String universityNo = OrganisationNumbers.next();
        String outsiderNo = OrganisationNumbers.next();

        String county = created(api.post("/api/organisations", secretariat, org("Vestland fylkeskommune", countyNo, "PUBLIC_COUNTY")));
        String municipality = created(api.post("/api/organisations", secretariat, org("Bergen kommune", municipalityNo, "PUBLIC_MUNICIPAL")));
        String business = created(api.post("/api/organisations", secretariat, org("Havkraft AS", businessNo, "BUSINESS")));
        String university = created(api.post("/api/organisations", secretariat, org("Universitetet i Bergen", universityNo, "ACADEMIA")));
        String outsider = created(api.post("/api/organisations", secretariat, org("Utenfor AS", outsiderNo, "BUSINESS")));

        // partners: one names its organisation by number, one by id
        String municipalityPartner = api.token("radgiver@bergen.kommune.no", municipalityNo, "PARTNER");
        String businessPartner = api.token("leder@havkraft.no", business, "PARTNER");
        String outsiderPartner = api.token("daglig@utenfor.no", outsider, "PARTNER");
        String viewer = api.token("journalist", null, "VIEWER");

        // establish a strategic partnership and a thematic network under it
        String strategic = created(api.post("/api/partnerships", secretariat, partnership("Grønn region", "STRATEGIC", null, county)));
        String network = created(api.post("/api/partnerships", secretariat, partnership("Havvind-nettverket", "THEMATIC_NETWORK", strategic, county)));
        refused(api.post("/api/partnerships", secretariat, partnership("Under nettverk", "THEMATIC_NETWORK", network, county)),
                409, "network-parent-must-be-strategic");

        // admit members
        ok(api.post("/api/partnerships/" + strategic + "/members", secretariat, member(municipality, "PARTNER", "MANAGEMENT")));
        ok(api.post("/api/partnerships/" + strategic + "/members", secretariat, member(business, "PARTNER", "LEADERSHIP")));
        ok(api.post("/api/partnerships/" + strategic + "/members", secretariat, member(university, "OBSERVER", "OPERATIONAL")));
        refused(api.post("/api/partnerships/" + strategic + "/members", secretariat, member(business, "PARTNER", "LEADERSHIP")),
                409, "member-at-most-once");
        refused(api.post("/api/partnerships/" + strategic + "/members", businessPartner, member(outsider, "PARTNER", "LEADERSHIP")),
                403, null);
        ok(api.post("/api/partnerships/" + strategic + "/members/" + university + "/role", secretariat,
                Map.of("role", "PARTNER", "representation", "MANAGEMENT")));

        // the convenor hands the network's convening over before it leaves: never a partnership without one
        refused(api.post("/api/partnerships/" + network + "/members/" + county + "/departure", secretariat,
                Map.of("reason", "Overlater nettverket")), 409, "convenor-hands-over-first");
        refused(api.post("/api/partnerships/" + network + "/members/" + county + "/role", secretariat,
                Map.of("role", "PARTNER")), 409, "convenor-hands-over-first");
        ok(api.post("/api/partnerships/" + network + "/members", secretariat, member(business, "CONVENOR", "LEADERSHIP")));
        ok(api.post("/api/partnerships/" + network + "/members/" + county + "/departure", secretariat,
                Map.of("reason", "Overlater nettverket")));

        // goals with SDG targets
        String jobs = goal(strategic, "Grønne arbeidsplasser", List.of("9.5", "17.17"));
        String energy = goal(strategic, "Fornybar energi", List.of("7.2", "14.a"));
        Api.Response badFormat = api.post("/api/partnerships/" + strategic + "/goals", secretariat,
                Map.of("title", "X", "sdgTargets", List.of("18.1")));
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.body().path("errors").findValuesAsText("field")).containsExactly("sdgTargets[0]");
        refused(api.post("/api/partnerships/" + strategic + "/goals", secretariat, Map.of("title", "X", "sdgTargets", List.of("17.99"))),
                409, "sdg-target-must-exist");
        ok(api.post("/api/partnerships/" + strategic + "/goals/" + jobs + "/revision", secretariat,
                Map.of("title", "Grønne arbeidsplasser", "indicator", "Nye arbeidsplasser", "unit", "arbeidsplasser",
                        "baseline", 10, "target", 60, "targetDate", "2029-12-31", "sdgTargets", List.of("9.5", "17.17"),
                        "reason", "Ny statistikk fra SSB")));
        refused(api.post("/api/partnerships/" + strategic + "/goals/" + jobs + "/revision", secretariat,
                Map.of("title", "Uten grunn", "sdgTargets", List.of())), 400, null);

        // agreement, mandate, meeting
        ok(api.post("/api/partnerships/" + strategic + "/agreement", secretariat,
                Map.of("signedOn", "2026-02-01", "documentReference", "Sak 2026/17")));
        ok(api.post("/api/partnerships/" + strategic + "/mandate", secretariat,
                Map.of("mandate", "Samordne grønn omstilling og havvind", "reason", "Vedtak i fylkestinget")));
        refused(api.post("/api/partnerships/" + strategic + "/mandate", secretariat, Map.of("mandate", "Uten grunn", "reason", " ")),
                400, null);
        created(api.post("/api/partnerships/" + strategic + "/meetings", secretariat, Map.of("date", "2026-03-15",
                "agenda", "Oppstart", "minutesReference", "Protokoll 1/2026", "attendance", List.of(
                        Map.of("organisationId", county, "representation", "LEADERSHIP"),
                        Map.of("organisationId", business, "representation", "OPERATIONAL")))), "meetingId");
        refused(api.post("/api/partnerships/" + strategic + "/meetings", secretariat, Map.of("date", "2026-04-15",
                "attendance", List.of(Map.of("organisationId", outsider, "representation", "LEADERSHIP")))),
                409, "attendees-must-be-members");

        // commitments by two partners
        String bridge = created(api.post("/api/partnerships/" + strategic + "/commitments", municipalityPartner,
                commitment(municipality, "Ladeinfrastruktur", List.of(jobs), "2027-06-30",
                        List.of(Map.of("kind", "FUNDING", "amount", 500000, "unit", "NOK")))));
        String pilot = created(api.post("/api/partnerships/" + strategic + "/commitments", businessPartner,
                commitment(business, "Hydrogenpilot", List.of(energy), "2027-03-31",
                        List.of(Map.of("kind", "PERSON_DAYS", "amount", 40, "unit", "days")))));
        refused(api.post("/api/partnerships/" + strategic + "/commitments", businessPartner,
                commitment(municipality, "For en annen", List.of(jobs), "2027-06-30", List.of())), 403, null);
        refused(api.post("/api/partnerships/" + strategic + "/commitments", viewer,
                commitment(municipality, "Tilskuer", List.of(jobs), "2027-06-30", List.of())), 403, null);
        refused(api.post("/api/partnerships/" + strategic + "/commitments", outsiderPartner,
                commitment(outsider, "Ikke medlem", List.of(jobs), "2027-06-30", List.of())), 409, "only-active-members-commit");
        refused(api.post("/api/partnerships/" + strategic + "/commitments", municipalityPartner,
                commitment(municipality, "Fortid", List.of(jobs), "2020-01-01", List.of())), 409, "due-date-not-before-recording");
        refused(api.post("/api/partnerships/" + strategic + "/commitments", municipalityPartner,
                commitment(municipality, "Feil mål", List.of(java.util.UUID.randomUUID().toString()), "2027-06-30", List.of())),
                409, "goals-must-exist-in-partnership");
        refused(api.post("/api/partnerships/" + strategic + "/commitments", municipalityPartner,
                commitment(municipality, "Negativt", List.of(jobs), "2027-06-30",
                        List.of(Map.of("kind", "FUNDING", "amount", -1, "unit", "NOK")))), 400, null);
        // a partner recording for another organisation breaks the same rule as one reporting on another's
        refused(api.post("/api/partnerships/" + strategic + "/commitments", businessPartner,
                commitment(municipality, "For en annen", List.of(jobs), "2027-06-30", List.of())), 403,
                "partners-act-on-own-commitments");

        // progress, milestones, extension, follow-up, assessment
        ok(api.post("/api/commitments/" + bridge + "/progress-reports", municipalityPartner, Map.of("percentComplete", 40,
                "narrative", "Anbud lyst ut", "evidence", List.of("https://bergen.kommune.no/anbud/17"), "asOf", Days.today())));
        refused(api.post("/api/commitments/" + bridge + "/progress-reports", businessPartner, Map.of("percentComplete", 50,
                "asOf", Days.today())), 403, "partners-act-on-own-commitments");
        refused(api.post("/api/commitments/" + bridge + "/progress-reports", municipalityPartner, Map.of("percentComplete", 120,
                "asOf", Days.today())), 400, null);
        refused(api.post("/api/commitments/" + bridge + "/progress-reports", municipalityPartner, Map.of("percentComplete", 50,
                "asOf", "2099-01-01")), 409, "report-not-from-the-future");
        String milestone = created(api.post("/api/commitments/" + bridge + "/milestones", municipalityPartner,
                Map.of("title", "Kontrakt signert", "dueDate", "2027-01-31")), "milestoneId");
        ok(api.post("/api/commitments/" + bridge + "/milestones/" + milestone + "/completion", municipalityPartner,
                Map.of("completedOn", Days.today())));
        ok(api.post("/api/commitments/" + bridge + "/deadline-extension", municipalityPartner,
                Map.of("newDueDate", "2027-12-31", "reason", "Leverandøren er forsinket")));
        refused(api.post("/api/commitments/" + bridge + "/deadline-extension", municipalityPartner,
                Map.of("newDueDate", "2027-01-01", "reason", "Tidligere")), 409, "extension-must-be-later");
        created(api.post("/api/commitments/" + pilot + "/follow-up-requests", secretariat,
                Map.of("message", "Rapporter før styremøtet", "respondBy",
                        java.time.LocalDate.parse(Days.today()).plusDays(14).toString())), "requestId");
        refused(api.post("/api/commitments/" + pilot + "/follow-up-requests", businessPartner, Map.of("message", "Selv")), 403, null);
        ok(api.post("/api/commitments/" + bridge + "/assessments", secretariat, Map.of("level", "SUBSTANTIAL", "comment", "God fremdrift")));
        refused(api.post("/api/commitments/" + bridge + "/assessments", municipalityPartner, Map.of("level", "COMPLETE")), 403, null);

        // no conclusion while a commitment is open: it would stay open for good
        Api.Response early = api.post("/api/partnerships/" + strategic + "/conclusion", secretariat, Map.of("reason", "Tidlig"));
        refused(early, 409, "conclusion-needs-every-commitment-ended");
        assertThat(early.text("detail")).contains("2 open commitments").contains(bridge).contains(pilot);
        // and every one of them, for a client to act on
        assertThat(early.body().path("openCommitments")).hasSize(2);
        assertThat(List.of(early.body().path("openCommitments").get(0).asText(),
                early.body().path("openCommitments").get(1).asText())).containsExactlyInAnyOrder(bridge, pilot);

        // outcome closes; only assessments after that
        ok(api.post("/api/commitments/" + bridge + "/outcome", municipalityPartner, Map.of("result", "FULFILLED",
                "narrative", "20 ladepunkter i drift", "indicatorValues", List.of(Map.of("goalId", jobs, "value", 12)),
                "resourcesDelivered", List.of(Map.of("kind", "FUNDING", "amount", 450000, "unit", "NOK")))));
        refused(api.post("/api/commitments/" + bridge + "/progress-reports", municipalityPartner, Map.of("percentComplete", 100,
                "asOf", Days.today())), 409, "closed-commitment-accepts-only-assessments");
        ok(api.post("/api/commitments/" + bridge + "/assessments", secretariat, Map.of("level", "COMPLETE")));
        ok(api.post("/api/commitments/" + pilot + "/withdrawal", businessPartner, Map.of("reason", "Teknologien er ikke moden")));
        refused(api.post("/api/commitments/" + pilot + "/withdrawal", businessPartner, Map.of("reason", "Igjen")),
                409, "closed-commitment-accepts-only-assessments");

        // a disagreement, closed with the dissent recorded
        String disagreement = created(api.post("/api/partnerships/" + strategic + "/disagreements", businessPartner,
                Map.of("subject", "Fordeling av midler", "description", "Næringslivet får for lite")), "disagreementId");
        refused(api.post("/api/partnerships/" + strategic + "/disagreements", outsiderPartner, Map.of("subject", "Utenfra")),
                409, "only-members-raise-disagreements");
        ok(api.post("/api/partnerships/" + strategic + "/disagreements/" + disagreement + "/resolution", secretariat,
                Map.of("dissent", "Havkraft AS står fast", "dissentingOrganisationIds", List.of(business))));
        refused(api.post("/api/partnerships/" + strategic + "/disagreements/" + disagreement + "/resolution", secretariat,
                Map.of("resolution", "Enighet")), 409, "disagreement-closes-once");

        // a member leaves; the partnership concludes; then it is read-only
        ok(api.post("/api/partnerships/" + strategic + "/members/" + university + "/departure", secretariat,
                Map.of("reason", "Prosjektperioden er over")));
        // minutes approved after the fact: it attended the meeting held the day before it left (a meeting after
        // its departure day is refused: PartnershipTest)
        created(api.post("/api/partnerships/" + strategic + "/meetings", secretariat, Map.of(
                "date", java.time.LocalDate.parse(Days.today()).minusDays(1).toString(), "agenda", "Sluttrapport",
                "attendance", List.of(Map.of("organisationId", university, "representation", "MANAGEMENT")))),
                "meetingId");
        // not while its network works under it
        Api.Response working = api.post("/api/partnerships/" + strategic + "/conclusion", secretariat,
                Map.of("reason", "For tidlig"));
        refused(working, 409, "conclusion-needs-networks-concluded");
        assertThat(working.body().path("openNetworks").get(0).asText()).isEqualTo(network);
        ok(api.post("/api/partnerships/" + network + "/conclusion", secretariat, Map.of("reason", "Nettverket er ferdig")));
        ok(api.post("/api/partnerships/" + strategic + "/conclusion", secretariat, Map.of("reason", "Perioden er over")));
        refused(api.post("/api/partnerships/" + strategic + "/members", secretariat, member(outsider, "PARTNER", "LEADERSHIP")),
                409, "concluded-partnership-is-read-only");
        refused(api.post("/api/partnerships/" + strategic + "/commitments", municipalityPartner,
                commitment(municipality, "Etter slutt", List.of(jobs), "2027-06-30", List.of())), 409,
                "concluded-partnership-is-read-only");

        // what was stored, in order, with who and why
        assertThat(types(strategic)).containsExactly("PartnershipEstablished", "MemberAdmitted", "MemberAdmitted",
                "MemberAdmitted", "MemberAdmitted", "MemberRoleChanged", "ResultGoalDefined", "ResultGoalDefined",
                "ResultGoalRevised", "AgreementSigned", "MandateRevised", "MeetingRecorded", "DisagreementRaised",
                "DisagreementClosedWithDissent", "MemberLeft", "MeetingRecorded", "PartnershipConcluded");
        assertThat(types(bridge)).containsExactly("CommitmentRecorded", "ProgressReported", "MilestoneAdded",
                "MilestoneCompleted", "DeadlineExtended", "CommitmentAssessed", "OutcomeReported", "CommitmentAssessed");
        assertThat(types(pilot)).containsExactly("CommitmentRecorded", "FollowUpRequested", "CommitmentWithdrawn");
        assertThat(metadata(bridge, 1)).contains("\"subject\":\"radgiver@bergen.kommune.no\"")
                .contains("\"issuer\":\"partnerships-local-dev\"")
                .contains("\"organisationId\":\"" + municipality + "\"").contains("\"asOf\":\"" + Days.today() + "\"");
        // a milestone's completion is a report too: when it was true goes with it
        assertThat(metadata(bridge, 3)).contains("\"asOf\":\"" + Days.today() + "\"");
        assertThat(metadata(bridge, 4)).contains("\"reason\":\"Leverandøren er forsinket\"");
        assertThat(metadata(pilot, 2)).contains("\"reason\":\"Teknologien er ikke moden\"");
        assertThat(payload(strategic, 8)).contains("\"previousBaseline\":0").contains("\"baseline\":10")
                .contains("\"reason\":\"Ny statistikk fra SSB\"");
    }

    private List<String> types(String aggregateId) {
        return jdbc.queryForList("""
                select payload_type from event_store.domain_event_entry where aggregate_identifier = ?
                order by sequence_number""", String.class, aggregateId).stream()
                .map(t -> t.substring(t.lastIndexOf('$') + 1)).toList();
    }

    private String metadata(String aggregateId, long sequence) {
        return jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = ? and sequence_number = ?""", String.class, aggregateId, sequence);
    }

    private String payload(String aggregateId, long sequence) {
        return jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = ? and sequence_number = ?""", String.class, aggregateId, sequence);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
    }

    private String goal(String partnership, String title, List<String> sdg) {
        return created(api.post("/api/partnerships/" + partnership + "/goals", secretariat, Map.of("title", title,
                "indicator", "antall", "unit", "stk", "baseline", 0, "target", 40, "targetDate", "2028-12-31",
                "sdgTargets", sdg)), "goalId");
    }

    private static String created(Api.Response response) {
        return created(response, "id");
    }

    private static String created(Api.Response response, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.header("ETag")).matches("\"\\d+\"");
        // a part (goal, meeting, milestone, ...) is read with its partnership or commitment: Location names that
        assertThat(response.header("Location")).matches(field.equals("id") ? ".*/" + response.text(field)
                : "/api/(partnerships|commitments)/[0-9a-f-]{36}");
        return response.text(field);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"" + response.body().path("version").asLong() + "\"");
    }

    private void refused(Api.Response response, int status, String rule) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (rule != null) {
            assertThat(response.text("rule")).isEqualTo(rule);
            assertThat(response.text("type")).isEqualTo("urn:partnerships:rule:" + rule);
        }
    }

    private static Map<String, Object> org(String name, String number, String sector) {
        return Map.of("name", name, "organisationNumber", number, "sector", sector);
    }

    private static Map<String, Object> member(String organisation, String role, String representation) {
        return Map.of("organisationId", organisation, "role", role, "representation", representation);
    }

    private static Map<String, Object> partnership(String name, String kind, String parent, String convenor) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "kind", kind, "mandate", "Samordne innsatsen",
                "period", Map.of("from", "2026-01-01", "to", "2029-12-31"), "convenorOrganisationId", convenor,
                "disagreementProcedure", "Tas opp i forum"));
        if (parent != null) {
            body.put("parentPartnershipId", parent);
        }
        return body;
    }

    private static Map<String, Object> commitment(String organisation, String title, List<String> goals, String due,
                                                  List<Map<String, Object>> resources) {
        return Map.of("organisationId", organisation, "title", title, "description", title + " i regionen",
                "goalIds", goals, "resources", resources, "dueDate", due);
    }
}
