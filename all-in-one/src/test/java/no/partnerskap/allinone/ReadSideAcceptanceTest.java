package no.partnerskap.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.OrganisationNumbers;
import no.partnerskap.testsupport.ReadSide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partnership's year written through commitment-service, then every read endpoint of
 * projection-service checked against the figures a person would count by hand.
 */
class ReadSideAcceptanceTest {

    static AllInOne system;
    static Path dataDir;
    static Api write;
    static Api read;
    static String secretariat;
    static String county;
    static String business;
    static String partnership;
    static String jobs;
    static String energy;
    static String charging;
    static String pilot;
    static String heat;
    static String late;
    static final LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
    static final String READ_YOUR_WRITES_BOUND = "partnerships.read-your-writes.max-wait";

    @BeforeAll
    static void aYear() throws Exception {
        dataDir = Files.createTempDirectory("read-side");
        // the services run as in production, but a slow build machine makes the test slower, not red:
        // a ?minVersion= read waits up to 30 s instead of 5 (the services read this system property)
        System.setProperty(READ_YOUR_WRITES_BOUND, "30s");
        AllInOne.Options options = new AllInOne.Options(dataDir, freePort(), freePort(), freePort());
        system = AllInOne.start(options);
        write = Api.onPort(options.commitmentPort());
        read = Api.onPort(options.projectionPort());
        secretariat = write.token("sekretariat", null, "SECRETARIAT");
        county = created(write.post("/api/organisations", secretariat, Map.of("name", "Vestland fylkeskommune",
                "organisationNumber", OrganisationNumbers.next(), "sector", "PUBLIC_COUNTY")), "id");
        business = created(write.post("/api/organisations", secretariat, Map.of("name", "Havkraft AS",
                "organisationNumber", OrganisationNumbers.next(), "sector", "BUSINESS")), "id");
        partnership = created(write.post("/api/partnerships", secretariat, Map.of("name", "Grønn region",
                "kind", "STRATEGIC", "mandate", "Grønn omstilling", "period", Map.of("from", "2026-01-01"),
                "convenorOrganisationId", county)), "id");
        write.post("/api/partnerships/" + partnership + "/members", secretariat, Map.of("organisationId", business,
                "role", "PARTNER", "representation", "MANAGEMENT"));
        jobs = created(write.post("/api/partnerships/" + partnership + "/goals", secretariat, Map.of("title",
                "Arbeidsplasser", "baseline", 0, "target", 40, "sdgTargets", List.of("8.5", "17.17"))), "goalId");
        energy = created(write.post("/api/partnerships/" + partnership + "/goals", secretariat, Map.of("title",
                "Fornybar energi", "baseline", 10, "target", 30, "sdgTargets", List.of("7.2"))), "goalId");
        write.post("/api/partnerships/" + partnership + "/meetings", secretariat, Map.of("date",
                today.minusDays(30).toString(), "attendance", List.of(
                        Map.of("organisationId", county, "representation", "LEADERSHIP"),
                        Map.of("organisationId", business, "representation", "LEADERSHIP"))));

        String countyPartner = write.token("radgiver", county, "PARTNER");
        String businessPartner = write.token("leder", business, "PARTNER");
        // 1: funded charging points, fulfilled with 12 jobs and 450 000 of 500 000 NOK
        charging = commitment(countyPartner, county, "Ladepunkter", jobs, today.plusDays(200),
                Map.of("kind", "FUNDING", "amount", 500000, "unit", "NOK"));
        write.post("/api/commitments/" + charging + "/outcome", countyPartner, Map.of("result", "FULFILLED",
                "indicatorValues", List.of(Map.of("goalId", jobs, "value", 12)),
                "resourcesDelivered", List.of(Map.of("kind", "FUNDING", "amount", 450000, "unit", "NOK"))));
        // 2: a pilot, on track, 60 % reported, 40 person-days
        pilot = commitment(businessPartner, business, "Hydrogenpilot", energy, today.plusDays(300),
                Map.of("kind", "PERSON_DAYS", "amount", 40, "unit", "days"));
        // not dated before the commitment was recorded (today), so without a reporting lag here
        assertThat(write.post("/api/commitments/" + pilot + "/progress-reports", businessPartner, Map.of(
                "percentComplete", 60, "asOf", today.minusDays(2).toString())).status()).isEqualTo(409);
        write.post("/api/commitments/" + pilot + "/progress-reports", businessPartner, Map.of("percentComplete", 60,
                "asOf", today.toString()));
        // 3: at risk: due within 30 days with 20 % done
        heat = commitment(businessPartner, business, "Spillvarme", energy, today.plusDays(20),
                Map.of("kind", "FUNDING", "amount", 100000, "unit", "NOK"));
        write.post("/api/commitments/" + heat + "/progress-reports", businessPartner, Map.of("percentComplete", 20,
                "asOf", today.toString()));
        // 4: withdrawn, its pledge no longer stands
        late = commitment(countyPartner, county, "Sykkelveier", jobs, today.plusDays(100),
                Map.of("kind", "FUNDING", "amount", 70000, "unit", "NOK"));
        String lastVersion = write.post("/api/commitments/" + late + "/withdrawal", countyPartner,
                Map.of("reason", "Budsjettkutt")).header("ETag").replace("\"", "");
        assertThat(read.get("/api/commitments/" + late + "?minVersion=" + lastVersion, secretariat).status())
                .isEqualTo(200);
        // the read side runs as in production, with two segments per processor: the last write's
        // version covers only its own segment, so wait until every processor has every event
        await().atMost(Duration.ofSeconds(60)).until(() -> ReadSide.caughtUp(read, secretariat));
    }

    @AfterAll
    static void stop() throws Exception {
        system.close();
        System.clearProperty(READ_YOUR_WRITES_BOUND);
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void overview_and_dashboard_show_the_hand_counted_figures() {
        JsonNode list = read.get("/api/partnerships", secretariat).body();
        JsonNode summary = list.get(0);
        assertThat(summary.path("name").asText()).isEqualTo("Grønn region");
        assertThat(summary.path("activeMembers").asLong()).isEqualTo(2);
        assertThat(summary.path("signals").path("total").asLong()).isEqualTo(4);
        assertThat(summary.path("signals").path("onTrack").asLong()).isEqualTo(1);
        assertThat(summary.path("signals").path("atRisk").asLong()).isEqualTo(1);
        assertThat(summary.path("signals").path("closed").asLong()).isEqualTo(2);

        JsonNode dashboard = read.get("/api/partnerships/" + partnership, secretariat).body();
        assertThat(dashboard.path("meetings").asLong()).isEqualTo(1);
        assertThat(dashboard.path("commitmentsByStatus").path("FULFILLED").asLong()).isEqualTo(1);
        assertThat(dashboard.path("commitmentsByStatus").path("WITHDRAWN").asLong()).isEqualTo(1);
        assertThat(dashboard.path("commitmentsByStatus").path("ACTIVE").asLong()).isEqualTo(2);
        JsonNode jobsGoal = byField(dashboard.path("goals"), "id", jobs);
        assertThat(jobsGoal.path("achieved").decimalValue()).isEqualByComparingTo("12");
        assertThat(jobsGoal.path("progressPercent").decimalValue()).isEqualByComparingTo("30.0");
        JsonNode funding = byField(dashboard.path("resources"), "kind", "FUNDING");
        assertThat(funding.path("pledged").decimalValue()).isEqualByComparingTo("600000");
        assertThat(funding.path("delivered").decimalValue()).isEqualByComparingTo("450000");
        assertThat(ids(dashboard.path("dueWithin30Days").path("items"))).containsExactly(heat);
        assertThat(byField(dashboard.path("members"), "organisationId", business).path("leadershipAttendances")
                .asLong()).isEqualTo(1);
    }

    @Test
    void commitment_lists_filter_and_the_detail_shows_the_timeline() {
        JsonNode atRisk = read.get("/api/partnerships/" + partnership + "/commitments?signal=AT_RISK", secretariat)
                .body();
        assertThat(ids(atRisk.path("items"))).containsExactly(heat);
        JsonNode ofCounty = read.get("/api/partnerships/" + partnership + "/commitments?organisationId=" + county,
                secretariat).body();
        assertThat(ofCounty.path("total").asLong()).isEqualTo(2);
        JsonNode forEnergy = read.get("/api/partnerships/" + partnership + "/commitments?goalId=" + energy,
                secretariat).body();
        assertThat(forEnergy.path("total").asLong()).isEqualTo(2);

        JsonNode detail = read.get("/api/commitments/" + late, secretariat).body();
        assertThat(detail.path("commitment").path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(detail.path("timeline").get(1).path("kind").asText()).isEqualTo("WITHDRAWN");
        assertThat(detail.path("timeline").get(1).path("reason").asText()).isEqualTo("Budsjettkutt");
    }

    @Test
    void scorecard_and_sdg_coverage_count_what_was_promised_and_delivered() {
        JsonNode scorecard = read.get("/api/organisations/" + county + "/scorecard", secretariat).body();
        assertThat(scorecard.path("figures").path("made").asLong()).isEqualTo(2);
        assertThat(scorecard.path("figures").path("fulfilled").asLong()).isEqualTo(1);
        assertThat(scorecard.path("figures").path("fulfilledOnTime").asLong()).isEqualTo(1);
        assertThat(scorecard.path("figures").path("withdrawn").asLong()).isEqualTo(1);
        JsonNode businessCard = read.get("/api/organisations/" + business + "/scorecard", secretariat).body();
        assertThat(businessCard.path("reports").asLong()).isEqualTo(2);
        assertThat(businessCard.path("medianReportingLagDays").decimalValue()).isEqualByComparingTo("0"); // both same day

        JsonNode sdg = read.get("/api/sdg", secretariat).body();
        JsonNode goal7 = byField(sdg, "goal", "7");
        assertThat(goal7.path("commitments").asLong()).isEqualTo(2);
        JsonNode target72 = byField(goal7.path("targets"), "target", "7.2");
        assertThat(target72.path("partnerships").asLong()).isEqualTo(1);
        assertThat(byField(target72.path("resources"), "kind", "FUNDING").path("pledged").decimalValue())
                .isEqualByComparingTo("100000");
        JsonNode goal8 = byField(sdg, "goal", "8");
        // the withdrawn commitment counts as made, its 70 000 NOK no longer as pledged
        assertThat(goal8.path("commitments").asLong()).isEqualTo(2);
        assertThat(byField(byField(goal8.path("targets"), "target", "8.5").path("resources"), "kind", "FUNDING")
                .path("pledged").decimalValue()).isEqualByComparingTo("500000");
    }

    private static String commitment(String token, String org, String title, String goal, LocalDate due,
                                     Map<String, Object> resource) {
        return created(write.post("/api/partnerships/" + partnership + "/commitments", token, Map.of(
                "organisationId", org, "title", title, "goalIds", List.of(goal), "dueDate", due.toString(),
                "resources", List.of(resource))), "id");
    }

    private static String created(Api.Response response, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text(field);
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> n.path(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }

    private static List<String> ids(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(r -> r.path("id").asText()).toList();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
