package no.partnerskap.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.Days;
import no.partnerskap.testsupport.OrganisationNumbers;
import no.partnerskap.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * commitment-service killed with SIGKILL under write load, again and again: every command that
 * was acknowledged has exactly one set of events, and a client retrying with its
 * Idempotency-Key gets the original answer.
 */
class CommitmentServiceCrashTest {

    private static final int CYCLES = 3;
    private static final int WRITERS = 4;

    record Request(String commitment, String key, int percent) {
    }

    @Test
    void kill_9_under_write_load_loses_nothing_and_duplicates_nothing() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        Path keys = Files.createTempDirectory("crash-test");
        int port = ServiceProcess.freePort();
        ServiceProcess service = new ServiceProcess("commitment-crash", "commitment.jar", port, List.of(
                "--spring.profiles.active=local", "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.commitmentUser(),
                "--spring.datasource.password=" + db.commitmentPassword(),
                "--partnerships.dev-issuer.key-file=" + keys.resolve("dev-key.json"),
                "--partnerships.audit.checkpoint.check-interval=1h"));
        JdbcTemplate store = new JdbcTemplate(db.superuser());
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        List<Request> unanswered = new ArrayList<>();
        try (service) {
            service.start();
            Api api = Api.onPort(port);
            String secretariat = api.token("sekretariat", null, "SECRETARIAT");
            String org = api.post("/api/organisations", secretariat, Map.of("name", "Partner", "organisationNumber",
                    OrganisationNumbers.next(), "sector", "BUSINESS")).text("id");
            String partnership = api.post("/api/partnerships", secretariat, Map.of("name", "P", "kind", "STRATEGIC",
                    "mandate", "M", "period", Map.of("from", "2026-01-01"), "convenorOrganisationId", org)).text("id");
            String partner = api.token("partner", org, "PARTNER");
            List<String> commitments = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                commitments.add(api.post("/api/partnerships/" + partnership + "/commitments", partner, Map.of(
                        "organisationId", org, "title", "C" + i, "dueDate", "2030-01-01")).text("id"));
            }

            for (int cycle = 0; cycle < CYCLES; cycle++) {
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger acksThisCycle = new AtomicInteger();
                List<Request> failed = java.util.Collections.synchronizedList(new ArrayList<>());
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                List<Future<?>> writing = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    int c = cycle;
                    writing.add(writers.submit(() -> {
                        for (int n = 0; running.get(); n++) {
                            Request request = new Request(commitments.get(n % commitments.size()),
                                    "c" + c + "-w" + writer + "-" + n, n % 101);
                            Long version = send(api, partner, request);
                            if (version == null) {
                                failed.add(request);
                            } else {
                                acknowledged.put(request.key(), version);
                                acksThisCycle.incrementAndGet();
                            }
                        }
                    }));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> acksThisCycle.get() >= 40);
                service.kill();
                running.set(false);
                writers.shutdown();
                assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                for (Future<?> writer : writing) {
                    writer.get(); // an answer a writer did not expect fails the test here, with its message
                }
                service.start();
                unanswered.addAll(failed);
                // the clients whose answer was lost retry with the same key
                for (Request request : failed) {
                    Long version = send(api, partner, request);
                    assertThat(version).as("retry of " + request.key()).isNotNull();
                    acknowledged.put(request.key(), version);
                }
            }
            // a retry of an acknowledged command gets the first answer and writes nothing
            long before = count(store, "select count(*) from event_store.domain_event_entry");
            for (String key : acknowledged.keySet().stream().limit(20).toList()) {
                Request original = findRequest(store, key);
                Api.Response again = api.post("/api/commitments/" + original.commitment() + "/progress-reports",
                        partner, Map.of("percentComplete", original.percent(), "asOf", Days.today()),
                        "Idempotency-Key", key);
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.header("ETag")).isEqualTo("\"" + acknowledged.get(key) + "\"");
                assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            }
            assertThat(count(store, "select count(*) from event_store.domain_event_entry")).isEqualTo(before);
        }

        // every acknowledged command has exactly one event; nothing without an acknowledgement
        List<Map<String, Object>> perKey = store.queryForList("""
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey' as key, count(*) as n
                from event_store.domain_event_entry where payload_type like '%ProgressReported'
                group by 1""");
        assertThat(perKey).allSatisfy(row -> assertThat(((Number) row.get("n")).longValue()).isEqualTo(1));
        assertThat(perKey).extracting(row -> (String) row.get("key"))
                .containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
        System.out.printf("Crash test: %d cycles, %d commands acknowledged, %d events found, %d answers lost "
                + "and retried%n", CYCLES, acknowledged.size(), perKey.size(), unanswered.size());
    }

    /** The version answered, or null when no answer came (the service died mid-request). */
    private static Long send(Api api, String token, Request request) {
        try {
            Api.Response response = api.post("/api/commitments/" + request.commitment() + "/progress-reports", token,
                    Map.of("percentComplete", request.percent(), "asOf", Days.today()),
                    "Idempotency-Key", request.key());
            if (response.status() == 200) {
                return response.body().path("version").asLong();
            }
            assertThat(response.status()).as(response.body().toString()).isGreaterThanOrEqualTo(500);
            return null;
        } catch (RuntimeException connectionLost) {
            return null;
        }
    }

    private static Request findRequest(JdbcTemplate store, String key) {
        return store.queryForObject("""
                select aggregate_identifier, (convert_from(payload, 'UTF8')::jsonb ->> 'percentComplete')::int
                from event_store.domain_event_entry
                where convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey' = ?""",
                (rs, n) -> new Request(rs.getString(1), key, rs.getInt(2)), key);
    }

    private static long count(JdbcTemplate store, String sql) {
        return store.queryForObject(sql, Long.class);
    }
}
