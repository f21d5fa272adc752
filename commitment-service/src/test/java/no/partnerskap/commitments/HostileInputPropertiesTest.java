package no.partnerskap.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import no.partnerskap.api.common.VisibleText;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.OrganisationNumbers;
import no.partnerskap.testsupport.TestPostgres;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated malformed, oversized and hostile bodies, headers and ids against every write
 * endpoint: never a 5xx, never a write with a 4xx, and text is stored exactly as sent.
 */
class HostileInputPropertiesTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final AtomicLong tried = new AtomicLong();
    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;
    private static String secretariat;
    private static String partner;
    private static List<String> endpoints;
    private static Map<String, Map<String, Object>> validBodies;
    private static String organisation;

    @BeforeContainer
    static void start() {
        TestPostgres.Database db = TestPostgres.newDatabase();
        app = CommitmentServiceApplication.start("--server.port=0", "--spring.profiles.active=local",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.commitmentUser(),
                "--spring.datasource.password=" + db.commitmentPassword(),
                "--partnerships.audit.checkpoint.check-interval=1h", "--logging.level.root=WARN");
        api = Api.onPort(((WebServerApplicationContext) app).getWebServer().getPort());
        jdbc = new JdbcTemplate(db.superuser());
        secretariat = api.token("sekretariat", null, "SECRETARIAT");
        organisation = api.post("/api/organisations", secretariat, Map.of("name", "A", "organisationNumber",
                OrganisationNumbers.next(), "sector", "BUSINESS")).text("id");
        partner = api.token("partner", organisation, "PARTNER");
        String p = api.post("/api/partnerships", secretariat, Map.of("name", "P", "kind", "STRATEGIC", "mandate", "M",
                "period", Map.of("from", "2026-01-01"), "convenorOrganisationId", organisation)).text("id");
        String goal = api.post("/api/partnerships/" + p + "/goals", secretariat, Map.of("title", "G")).text("goalId");
        String c = api.post("/api/partnerships/" + p + "/commitments", partner, Map.of("organisationId", organisation,
                "title", "C", "dueDate", "2030-01-01")).text("id");
        String m = api.post("/api/commitments/" + c + "/milestones", partner, Map.of("title", "M")).text("milestoneId");
        String d = api.post("/api/partnerships/" + p + "/disagreements", partner, Map.of("subject", "S"))
                .text("disagreementId");
        validBodies = new HashMap<>();
        validBodies.put("/api/organisations", Map.of("name", "X", "organisationNumber", "821311632", "sector", "BUSINESS"));
        validBodies.put("/api/organisations/" + organisation + "/name", Map.of("name", "A2"));
        validBodies.put("/api/partnerships", Map.of("name", "Q", "kind", "STRATEGIC", "mandate", "M",
                "period", Map.of("from", "2026-01-01"), "convenorOrganisationId", organisation));
        validBodies.put("/api/partnerships/" + p + "/members", Map.of("organisationId", organisation, "role", "PARTNER",
                "representation", "LEADERSHIP"));
        validBodies.put("/api/partnerships/" + p + "/members/" + organisation + "/role", Map.of("role", "CONVENOR"));
        validBodies.put("/api/partnerships/" + p + "/goals", Map.of("title", "G2", "sdgTargets", List.of("9.5")));
        validBodies.put("/api/partnerships/" + p + "/goals/" + goal + "/revision", Map.of("title", "G", "indicator", "I",
                "unit", "U", "baseline", 0, "target", 1, "targetDate", "2029-12-31", "sdgTargets", List.of(), "reason", "R"));
        validBodies.put("/api/partnerships/" + p + "/agreement", Map.of("signedOn", "2026-02-01",
                "documentReference", "D"));
        validBodies.put("/api/partnerships/" + p + "/mandate", Map.of("mandate", "M2", "reason", "R"));
        validBodies.put("/api/partnerships/" + p + "/meetings", Map.of("date", "2026-03-01", "attendance", List.of()));
        validBodies.put("/api/partnerships/" + p + "/disagreements", Map.of("subject", "S2"));
        validBodies.put("/api/partnerships/" + p + "/disagreements/" + d + "/resolution", Map.of("resolution", "R"));
        validBodies.put("/api/partnerships/" + p + "/commitments", Map.of("organisationId", organisation, "title", "C2",
                "dueDate", "2030-01-01", "resources", List.of(Map.of("kind", "FUNDING", "amount", 5, "unit", "NOK"))));
        validBodies.put("/api/commitments/" + c + "/revision", Map.of("title", "C", "description", "D", "goalIds", List.of(), "resources", List.of(), "reason", "R"));
        validBodies.put("/api/commitments/" + c + "/milestones", Map.of("title", "M2"));
        validBodies.put("/api/commitments/" + c + "/milestones/" + m + "/completion", Map.of());
        validBodies.put("/api/commitments/" + c + "/progress-reports", Map.of("percentComplete", 10, "asOf",
                "2026-01-01", "evidence", List.of("https://example.no/x")));
        validBodies.put("/api/commitments/" + c + "/deadline-extension", Map.of("newDueDate", "2031-01-01",
                "reason", "R"));
        validBodies.put("/api/commitments/" + c + "/follow-up-requests", Map.of("message", "M"));
        validBodies.put("/api/commitments/" + c + "/assessments", Map.of("level", "LIMITED"));
        validBodies.put("/api/commitments/" + c + "/outcome", Map.of("result", "FULFILLED"));
        validBodies.put("/api/commitments/" + c + "/withdrawal", Map.of("reason", "R"));
        validBodies.put("/api/partnerships/" + p + "/members/" + organisation + "/departure", Map.of("reason", "R"));
        validBodies.put("/api/partnerships/" + p + "/conclusion", Map.of("reason", "R"));
        endpoints = List.copyOf(validBodies.keySet());
    }

    @AfterContainer
    static void stop() {
        System.out.println("Hostile inputs tried: " + tried.get());
        app.close();
    }

    @Provide
    Arbitrary<String> endpoint() {
        return Arbitraries.of(endpoints);
    }

    /** Values a field should never have: wrong types, junk, injections, the very large and the very deep. */
    @Provide
    Arbitrary<Object> hostileValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(50),
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMinLength(10_001).ofMaxLength(12_000),
                Arbitraries.of("'; drop table event_store.domain_event_entry; --", "<script>alert(1)</script>",
                        "\u0000", "../../etc/passwd", "${jndi:ldap://x}", "%s%s%s%n", "1e999999", "-1", "NaN",
                        "2026-13-45", "99999-01-01", "", " "),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.just(true), Arbitraries.just(null),
                Arbitraries.just(List.of(1, "a", Map.of())), Arbitraries.just(Map.of("nested", Map.of("x", 1))));
    }

    /** A valid body with one field replaced or added, or raw text that is not the body at all. */
    @Provide
    Arbitrary<String> hostileBody() {
        Arbitrary<String> mutated = Combinators.combine(endpoint(), Arbitraries.strings().alpha().ofMaxLength(12),
                hostileValue(), Arbitraries.integers().between(0, 10)).as((path, name, value, pick) -> {
                    Map<String, Object> body = new HashMap<>(validBodies.get(path));
                    List<String> fields = List.copyOf(body.keySet());
                    String field = fields.isEmpty() || pick == 0 ? name : fields.get(pick % fields.size());
                    body.put(field, value);
                    try {
                        return json.writeValueAsString(body);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        Arbitrary<String> raw = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of("{", "[]", "null", "{\"a\":", "\"just a string\"", "{\"name\":\"x\"}}",
                        "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
        return Arbitraries.oneOf(mutated, raw);
    }

    @Property(tries = 400)
    void a_hostile_body_is_never_a_5xx_and_a_refusal_writes_nothing(@ForAll("endpoint") String path,
                                                                      @ForAll("hostileBody") String body) {
        tried.incrementAndGet();
        long before = events();
        Api.Response response = api.post(path, path.contains("/api/commitments/") ? partner : secretariat, body);
        assertThat(response.status()).as(body).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(events()).as(body).isEqualTo(before);
        }
    }

    @Property(tries = 150)
    void hostile_ids_and_headers_are_refused_cleanly(@ForAll("endpoint") String path,
                                                       @ForAll("printable") String id,
                                                       @ForAll("printable") String header) {
        tried.incrementAndGet();
        long before = events();
        String mangled = path.replaceFirst("[0-9a-f]{8}-[0-9a-f-]{27}", URLEncoder.encode(id, StandardCharsets.UTF_8));
        Api.Response byId = api.post(mangled, secretariat, validBodies.get(path));
        assertThat(byId.status()).isLessThan(500);
        Api.Response byHeader = api.post(path, secretariat, validBodies.get(path), "If-Match", header,
                "Idempotency-Key", header, "X-Correlation-Id", header);
        assertThat(byHeader.status()).isLessThan(500);
        if (byId.status() >= 400 && byHeader.status() >= 400) {
            assertThat(events()).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<String> printable() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(300).ofMaxLength(400),
                Arbitraries.of("*", "\"\"", "W/\"-1\"", "\"99999999999999999999\"", "'; --", "<b>"));
    }

    @Property(tries = 150)
    void text_is_stored_exactly_as_sent(@ForAll("text") String generated) throws Exception {
        // each try a new name: a rename to the name it has is refused
        String name = generated + " " + tried.incrementAndGet();
        Api.Response response = api.post("/api/organisations/" + organisation + "/name", secretariat,
                Map.of("name", name));
        assertThat(response.status()).isEqualTo(200);
        String payload = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = ? order by sequence_number desc limit 1""", String.class, organisation);
        JsonNode stored = json.readTree(payload);
        assertThat(stored.path("name").asText()).isEqualTo(name);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0020', '\ud7ff').ofMinLength(1).ofMaxLength(190),
                Arbitraries.of("<script>alert('x')</script>", "Robert'); DROP TABLE organisation_lookup;--",
                        "Æøå Sámi ŋ 🚀", "a\"b\\c", "&lt;not escaped twice&gt;"))
                // a name needs a visible character: one of only no-break spaces is refused; and text holds no
                // control characters (U+007F-U+009F are in the range)
                .filter(s -> !VisibleText.isBlank(s) && s.chars().noneMatch(Character::isISOControl));
    }

    @Example
    void a_body_over_the_size_limit_is_413_and_writes_nothing() {
        tried.incrementAndGet();
        long before = events();
        String huge = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        Api.Response response = api.post("/api/organisations/" + organisation + "/name", secretariat, huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(response.text("instance")).isEqualTo("/api/organisations/" + organisation + "/name");
        assertThat(events()).isEqualTo(before);
    }

    private static long events() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
    }
}
