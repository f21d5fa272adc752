package no.partnerskap.projections.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestClock;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every read endpoint × every role, and no token: read models for any role, audit reads for
 * auditors and the secretariat (the read models' status too), writes for nobody.
 */
@ProjectionServiceTest
class ReadAuthorizationMatrixTest {

    enum Needs { ANY_ROLE, AUDITOR_OR_SECRETARIAT }

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @TestFactory
    Stream<DynamicTest> every_read_endpoint_for_every_role() {
        UUID org = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        events.append(new OrganisationRegistered(org, "O", "821311632", Sector.OTHER),
                new PartnershipEstablished(partnership, "P", PartnershipKind.STRATEGIC, null, "M", null, null, null,
                        new Period(LocalDate.of(2026, 1, 1), null), org),
                new MemberAdmitted(partnership, org, MemberRole.CONVENOR, Representation.LEADERSHIP));
        Api api = Api.onPort(port);
        String viewer = tokens.token("v", null, "VIEWER");
        assertThat(api.get("/api/partnerships/" + partnership + "?minVersion=1", viewer).status()).isEqualTo(200);
        // the scorecard comes from another processor: wait for the organisation's registration too
        assertThat(api.get("/api/organisations/" + org + "/scorecard?minVersion=0", viewer).status()).isEqualTo(200);

        Map<String, Needs> endpoints = new LinkedHashMap<>();
        endpoints.put("/api/partnerships", Needs.ANY_ROLE);
        endpoints.put("/api/partnerships/" + partnership, Needs.ANY_ROLE);
        endpoints.put("/api/partnerships/" + partnership + "/commitments", Needs.ANY_ROLE);
        endpoints.put("/api/partnerships/" + partnership + "/commitments.csv", Needs.ANY_ROLE);
        endpoints.put("/api/commitments/overdue", Needs.ANY_ROLE);
        endpoints.put("/api/commitments/overdue.csv", Needs.ANY_ROLE);
        endpoints.put("/api/organisations", Needs.ANY_ROLE);
        endpoints.put("/api/organisations/" + org, Needs.ANY_ROLE);
        endpoints.put("/api/organisations/" + org + "/scorecard", Needs.ANY_ROLE);
        endpoints.put("/api/sdg", Needs.ANY_ROLE);
        endpoints.put("/api/reports/council?year=2026", Needs.ANY_ROLE);
        endpoints.put("/api/audit/partnership/" + partnership + "/events", Needs.AUDITOR_OR_SECRETARIAT);
        endpoints.put("/api/audit/partners/" + org + "/trail", Needs.AUDITOR_OR_SECRETARIAT);
        // the state as of now, with the test's clock a day on (a time to come is refused)
        clock.setToday(LocalDate.now().plusDays(1));
        endpoints.put("/api/audit/partnership/" + partnership + "?asOf=" + Instant.now(),
                Needs.AUDITOR_OR_SECRETARIAT);
        endpoints.put("/api/audit/export", Needs.AUDITOR_OR_SECRETARIAT);
        endpoints.put("/api/audit/verify", Needs.AUDITOR_OR_SECRETARIAT);
        endpoints.put("/api/audit/checkpoints", Needs.AUDITOR_OR_SECRETARIAT);
        endpoints.put("/admin/projections", Needs.AUDITOR_OR_SECRETARIAT);
        endpoints.put("/admin/projections/commitments", Needs.AUDITOR_OR_SECRETARIAT);
        endpoints.put("/admin/projections/completeness", Needs.AUDITOR_OR_SECRETARIAT);
        // the dashboard pages, e.g. behind a proxy that adds the reader's token (public read is off here)
        endpoints.put("/", Needs.ANY_ROLE);
        endpoints.put("/pages/partnerships/" + partnership, Needs.ANY_ROLE);
        endpoints.put("/pages/overdue", Needs.ANY_ROLE);
        endpoints.put("/pages/organisations/" + org, Needs.ANY_ROLE);
        endpoints.put("/pages/sdg", Needs.ANY_ROLE);
        endpoints.put("/css/pages.css", Needs.ANY_ROLE);

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("SECRETARIAT", tokens.token("s", null, "SECRETARIAT"));
        callers.put("AUDITOR", tokens.token("a", null, "AUDITOR"));
        callers.put("PARTNER", tokens.token("p", org.toString(), "PARTNER"));
        callers.put("VIEWER", tokens.token("v", null, "VIEWER"));
        callers.put("no role", tokens.token("n", null));
        callers.put("no token", null);

        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Needs> e : endpoints.entrySet()) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                int expected = caller.getValue() == null ? 401 : switch (e.getValue()) {
                    case ANY_ROLE -> caller.getKey().equals("no role") ? 403 : 200;
                    case AUDITOR_OR_SECRETARIAT -> List.of("AUDITOR", "SECRETARIAT").contains(caller.getKey()) ? 200
                            : 403;
                };
                tests.add(DynamicTest.dynamicTest(caller.getKey() + " → " + expected + ": " + e.getKey(), () ->
                        assertThat(api.get(e.getKey(), caller.getValue()).status()).isEqualTo(expected)));
            }
        }
        // nothing on the read side writes: a POST to a read model is refused whoever asks, and a caller
        // is told where commands go
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            // also where the read side serves nothing: the command's path on the write side
            for (String path : List.of("/api/partnerships", "/api/organisations",
                    "/api/commitments/" + UUID.randomUUID() + "/progress-reports")) {
                tests.add(DynamicTest.dynamicTest(caller.getKey() + " cannot POST to " + path, () -> {
                    Api.Response post = api.post(path, caller.getValue(), Map.of());
                    if (caller.getValue() == null) {
                        assertThat(post.status()).isEqualTo(401);
                    } else {
                        assertThat(post.status()).isEqualTo(405);
                        assertThat(post.text("detail")).contains("Send commands to commitment-service");
                        // GET where this service reads; where it serves nothing, no method (an empty Allow)
                        assertThat(post.header("Allow")).isEqualTo(path.contains("progress-reports") ? "" : "GET");
                    }
                }));
            }
        }
        return tests.stream();
    }
}
