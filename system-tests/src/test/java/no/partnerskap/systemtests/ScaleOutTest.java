package no.partnerskap.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.Days;
import no.partnerskap.testsupport.OrganisationNumbers;
import no.partnerskap.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two commitment-service instances write to the same aggregates at once: the database's unique
 * (aggregate, sequence) decides, the loser retries, and nothing is lost or duplicated.
 */
class ScaleOutTest {

    private static final int REQUESTS_PER_WRITER = 40;

    @Test
    void two_write_instances_lose_and_duplicate_nothing() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        Path keys = Files.createTempDirectory("scale-out");
        List<String> args = List.of("--spring.profiles.active=local", "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.commitmentUser(),
                "--spring.datasource.password=" + db.commitmentPassword(),
                "--partnerships.dev-issuer.key-file=" + keys.resolve("dev-key.json"),
                "--partnerships.audit.checkpoint.check-interval=1h");
        ServiceProcess first = new ServiceProcess("commitment-a", "commitment.jar", ServiceProcess.freePort(), args);
        ServiceProcess second = new ServiceProcess("commitment-b", "commitment.jar", ServiceProcess.freePort(), args);
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        String commitment;
        try (first; second) {
            first.start();
            second.start();
            Api a = Api.onPort(first.port());
            Api b = Api.onPort(second.port());
            String secretariat = a.token("sekretariat", null, "SECRETARIAT");
            String org = a.post("/api/organisations", secretariat, Map.of("name", "P", "organisationNumber",
                    OrganisationNumbers.next(), "sector", "BUSINESS")).text("id");
            String partnership = a.post("/api/partnerships", secretariat, Map.of("name", "P", "kind", "STRATEGIC",
                    "mandate", "M", "period", Map.of("from", "2026-01-01"), "convenorOrganisationId", org)).text("id");
            String partner = a.token("partner", org, "PARTNER");
            commitment = b.post("/api/partnerships/" + partnership + "/commitments", partner, Map.of(
                    "organisationId", org, "title", "C", "dueDate", "2030-01-01")).text("id");

            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                Api api = w % 2 == 0 ? a : b;
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < REQUESTS_PER_WRITER; n++) {
                        String key = "w" + writer + "-" + n;
                        Api.Response response = api.post("/api/commitments/" + commitment + "/progress-reports",
                                partner, Map.of("percentComplete", n, "asOf", Days.today()), "Idempotency-Key", key);
                        answers.put(key, response.status());
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();
        }
        JdbcTemplate store = new JdbcTemplate(db.superuser());
        long acknowledged = answers.values().stream().filter(s -> s == 200).count();
        long stored = store.queryForObject("""
                select count(*) from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%ProgressReported'""", Long.class, commitment);
        Map<String, Object> sequence = store.queryForMap("""
                select count(*) as n, count(distinct sequence_number) as d, max(sequence_number) as m
                from event_store.domain_event_entry where aggregate_identifier = ?""", commitment);
        assertThat(answers.values()).allMatch(s -> s == 200 || s == 409);
        assertThat(stored).isEqualTo(acknowledged);
        assertThat(sequence.get("n")).isEqualTo(sequence.get("d"));
        assertThat(((Number) sequence.get("m")).longValue()).isEqualTo(((Number) sequence.get("n")).longValue() - 1);
        System.out.printf("Scale-out: %d requests over 2 instances, %d acknowledged, %d events stored, %d refused "
                + "with 409 after retries%n", answers.size(), acknowledged, stored, answers.size() - acknowledged);
    }
}
