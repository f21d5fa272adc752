package no.partnerskap.commitments.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.Days;
import no.partnerskap.testsupport.OrganisationNumbers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Every write endpoint × every caller: the secretariat, a partner acting for its own or another
 * organisation, an auditor, a viewer, nobody, and four kinds of bad token.
 */
@CommitmentServiceTest
class AuthorizationMatrixTest {

    enum Who { SECRETARIAT_ONLY, OWN_PARTNER_OR_SECRETARIAT, ANY_MEMBER }

    record Endpoint(String path, Map<String, Object> body, Who who) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder devEncoder;

    @TestFactory
    Stream<DynamicTest> every_endpoint_for_every_caller() throws Exception {
        Api api = Api.onPort(port);
        String secretariat = api.token("sekretariat", null, "SECRETARIAT");
        String orgA = api.post("/api/organisations", secretariat, Map.of("name", "A", "organisationNumber",
                OrganisationNumbers.next(), "sector", "BUSINESS")).text("id");
        String orgB = api.post("/api/organisations", secretariat, Map.of("name", "B", "organisationNumber",
                OrganisationNumbers.next(), "sector", "BUSINESS")).text("id");
        String p = api.post("/api/partnerships", secretariat, Map.of("name", "P", "kind", "STRATEGIC", "mandate", "M",
                "period", Map.of("from", "2026-01-01"), "convenorOrganisationId", orgA)).text("id");
        api.post("/api/partnerships/" + p + "/members", secretariat,
                Map.of("organisationId", orgB, "role", "PARTNER", "representation", "LEADERSHIP"));
        String goal = api.post("/api/partnerships/" + p + "/goals", secretariat, Map.of("title", "G")).text("goalId");
        String c = api.post("/api/partnerships/" + p + "/commitments", secretariat, Map.of("organisationId", orgA,
                "title", "C", "dueDate", "2030-01-01")).text("id");
        String milestone = api.post("/api/commitments/" + c + "/milestones", secretariat, Map.of("title", "M"))
                .text("milestoneId");
        String disagreement = api.post("/api/partnerships/" + p + "/disagreements", api.token("a", orgA, "PARTNER"),
                Map.of("subject", "S")).text("disagreementId");
        assertThat(java.util.Arrays.asList(orgA, orgB, p, goal, c, milestone, disagreement)).doesNotContainNull();

        // closing endpoints last, so the others meet open aggregates
        List<Endpoint> endpoints = List.of(
                new Endpoint("/api/organisations", Map.of("name", "X", "organisationNumber", "821311632",
                        "sector", "BUSINESS"), Who.SECRETARIAT_ONLY),
                new Endpoint("/api/organisations/" + orgB + "/name", Map.of("name", "B2"), Who.SECRETARIAT_ONLY),
                new Endpoint("/api/partnerships", Map.of("name", "Q", "kind", "STRATEGIC", "mandate", "M",
                        "period", Map.of("from", "2026-01-01"), "convenorOrganisationId", orgA), Who.SECRETARIAT_ONLY),
                new Endpoint("/api/partnerships/" + p + "/members", Map.of("organisationId", orgB, "role", "PARTNER",
                        "representation", "LEADERSHIP"), Who.SECRETARIAT_ONLY),
                new Endpoint("/api/partnerships/" + p + "/members/" + orgB + "/role", Map.of("role", "OBSERVER"),
                        Who.SECRETARIAT_ONLY),
                new Endpoint("/api/partnerships/" + p + "/goals", Map.of("title", "G2"), Who.SECRETARIAT_ONLY),
                new Endpoint("/api/partnerships/" + p + "/goals/" + goal + "/revision", Map.of("title", "G",
                        "indicator", "I", "unit", "U", "baseline", 0, "target", 1, "targetDate", "2029-12-31",
                        "sdgTargets", List.of(), "reason", "R"), Who.SECRETARIAT_ONLY),
                new Endpoint("/api/partnerships/" + p + "/agreement", Map.of("signedOn", "2026-02-01",
                        "documentReference", "D"), Who.SECRETARIAT_ONLY),
                new Endpoint("/api/partnerships/" + p + "/mandate", Map.of("mandate", "M2", "reason", "R"),
                        Who.SECRETARIAT_ONLY),
                new Endpoint("/api/partnerships/" + p + "/meetings", Map.of("date", "2026-03-01", "attendance",
                        List.of()), Who.SECRETARIAT_ONLY),
                new Endpoint("/api/partnerships/" + p + "/disagreements", Map.of("subject", "S2"), Who.ANY_MEMBER),
                new Endpoint("/api/partnerships/" + p + "/disagreements/" + disagreement + "/resolution",
                        Map.of("resolution", "R"), Who.SECRETARIAT_ONLY),
                new Endpoint("/api/partnerships/" + p + "/commitments", Map.of("organisationId", orgA, "title", "C2",
                        "dueDate", "2030-01-01"), Who.OWN_PARTNER_OR_SECRETARIAT),
                new Endpoint("/api/commitments/" + c + "/revision", Map.of("title", "C", "description", "D", "goalIds", List.of(), "resources", List.of(), "reason", "R"),
                        Who.OWN_PARTNER_OR_SECRETARIAT),
                new Endpoint("/api/commitments/" + c + "/milestones", Map.of("title", "M2"),
                        Who.OWN_PARTNER_OR_SECRETARIAT),
                new Endpoint("/api/commitments/" + c + "/milestones/" + milestone + "/completion", Map.of(),
                        Who.OWN_PARTNER_OR_SECRETARIAT),
                new Endpoint("/api/commitments/" + c + "/progress-reports", Map.of("percentComplete", 10,
                        "asOf", Days.today()), Who.OWN_PARTNER_OR_SECRETARIAT),
                new Endpoint("/api/commitments/" + c + "/deadline-extension", Map.of("newDueDate", "2031-01-01",
                        "reason", "R"), Who.OWN_PARTNER_OR_SECRETARIAT),
                new Endpoint("/api/commitments/" + c + "/follow-up-requests", Map.of("message", "M"),
                        Who.SECRETARIAT_ONLY),
                new Endpoint("/api/commitments/" + c + "/assessments", Map.of("level", "LIMITED"),
                        Who.SECRETARIAT_ONLY),
                new Endpoint("/api/commitments/" + c + "/outcome", Map.of("result", "FULFILLED"),
                        Who.OWN_PARTNER_OR_SECRETARIAT),
                new Endpoint("/api/commitments/" + c + "/withdrawal", Map.of("reason", "R"),
                        Who.OWN_PARTNER_OR_SECRETARIAT),
                new Endpoint("/api/partnerships/" + p + "/members/" + orgB + "/departure", Map.of("reason", "R"),
                        Who.SECRETARIAT_ONLY),
                new Endpoint("/api/partnerships/" + p + "/conclusion", Map.of("reason", "R"), Who.SECRETARIAT_ONLY));

        Map<String, Supplier<String>> refused = new LinkedHashMap<>();
        refused.put("no token", () -> null);
        refused.put("expired", () -> sign(devEncoder, DevIssuer.ISSUER, Instant.now().minusSeconds(600)));
        refused.put("wrong issuer", () -> sign(devEncoder, "someone-else", Instant.now().plusSeconds(600)));
        refused.put("wrongly signed", () -> sign(strangerEncoder(), DevIssuer.ISSUER, Instant.now().plusSeconds(600)));
        refused.put("alg none", AuthorizationMatrixTest::unsigned);
        // every event records who acted, and a token without an expiry would never expire
        refused.put("no subject", () -> sign(devEncoder, DevIssuer.ISSUER, Instant.now().plusSeconds(600),
                claims -> claims.remove("sub")));
        refused.put("blank subject", () -> sign(devEncoder, DevIssuer.ISSUER, Instant.now().plusSeconds(600),
                claims -> claims.put("sub", " ")));
        refused.put("no expiry", () -> sign(devEncoder, DevIssuer.ISSUER, Instant.now().plusSeconds(600),
                claims -> claims.remove("exp")));
        // nor would a stolen one valid for a year
        refused.put("valid for a year", () -> sign(devEncoder, DevIssuer.ISSUER,
                Instant.now().plus(java.time.Duration.ofDays(365))));
        // a subject no read model could show: 256 characters, or a control character
        refused.put("overlong subject", () -> sign(devEncoder, DevIssuer.ISSUER, Instant.now().plusSeconds(600),
                claims -> claims.put("sub", "u".repeat(251) + "@x.no")));
        refused.put("control character in subject", () -> sign(devEncoder, DevIssuer.ISSUER,
                Instant.now().plusSeconds(600), claims -> claims.put("sub", "mal\u0000lory")));

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("auditor", api.token("auditor", null, "AUDITOR"));
        callers.put("viewer", api.token("viewer", orgA, "VIEWER"));
        callers.put("other partner", api.token("b", orgB, "PARTNER"));
        callers.put("own partner", api.token("a", orgA, "PARTNER"));
        // county council staff: the secretariat, acting for the council (a member)
        callers.put("secretariat", api.token("sekretariat", orgA, "SECRETARIAT"));
        // an auditor stays independent of the history it verifies, whatever other role its token holds
        callers.put("auditor who is also secretariat", api.token("revisor", orgA, "AUDITOR", "SECRETARIAT"));
        callers.put("auditor who is also partner", api.token("revisor-a", orgA, "PARTNER", "AUDITOR"));

        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Supplier<String>> bad : refused.entrySet()) {
            for (Endpoint e : endpoints) {
                tests.add(DynamicTest.dynamicTest(bad.getKey() + " → 401: " + e.path(),
                        () -> assertThat(api.post(e.path(), bad.getValue().get(), e.body()).status()).isEqualTo(401)));
            }
        }
        for (String neverWrites : List.of("auditor", "viewer")) {
            for (Endpoint e : endpoints) {
                tests.add(DynamicTest.dynamicTest(neverWrites + " with an invalid body → 403, not 400: " + e.path(),
                        () -> assertThat(api.post(e.path(), callers.get(neverWrites), Map.of("no such field", 1))
                                .status()).isEqualTo(403)));
            }
        }
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            for (Endpoint e : endpoints) {
                boolean allowed = switch (caller.getKey()) {
                    case "secretariat" -> true;
                    case "own partner" -> e.who() != Who.SECRETARIAT_ONLY;
                    case "other partner" -> e.who() == Who.ANY_MEMBER;
                    default -> false;
                };
                tests.add(DynamicTest.dynamicTest(caller.getKey() + (allowed ? " allowed: " : " → 403: ") + e.path(),
                        () -> {
                            Api.Response response = api.post(e.path(), caller.getValue(), e.body());
                            if (allowed) {
                                assertThat(response.status()).as(response.body().toString())
                                        .isNotIn(401, 403).isLessThan(500);
                            } else {
                                assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
                            }
                        }));
            }
        }
        return tests.stream();
    }

    private static String sign(JwtEncoder encoder, String issuer, Instant expires) {
        return sign(encoder, issuer, expires, claims -> { });
    }

    private static String sign(JwtEncoder encoder, String issuer, Instant expires, Consumer<Map<String, Object>> change) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject("mallory")
                .issuedAt(expires.minusSeconds(3600)).expiresAt(expires).claim("roles", List.of("SECRETARIAT"))
                .claims(change).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    private static JwtEncoder strangerEncoder() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("stranger").generate();
            return new NimbusJwtEncoder(new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(
                    new com.nimbusds.jose.jwk.JWKSet(key)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + DevIssuer.ISSUER + "\",\"sub\":\"mallory\",\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond() + ",\"roles\":[\"SECRETARIAT\"]}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }
}
