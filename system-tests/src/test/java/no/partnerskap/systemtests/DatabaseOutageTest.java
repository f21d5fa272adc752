package no.partnerskap.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import no.partnerskap.localpostgres.DatabaseBootstrap;
import no.partnerskap.localpostgres.LocalPostgres;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.OrganisationNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL stops for a few seconds under load: the services answer 503 with Retry-After (never
 * 500), report DOWN (readiness too), come back by themselves when it returns, and nothing acknowledged is lost.
 */
class DatabaseOutageTest {

    @Test
    void services_ride_out_a_database_outage() throws Exception {
        Path data = Files.createTempDirectory("outage-test");
        int dbPort = ServiceProcess.freePort();
        LocalPostgres postgres = LocalPostgres.startDurable(data, dbPort);
        DatabaseBootstrap.apply(postgres.superuser("postgres"), postgres::superuser, "partnerships", "c", "p");
        String url = postgres.jdbcUrl("partnerships");
        int commitmentPort = ServiceProcess.freePort();
        ServiceProcess commitments = new ServiceProcess("commitment-outage", "commitment.jar", commitmentPort, List.of(
                "--spring.profiles.active=local", "--spring.datasource.url=" + url,
                "--spring.datasource.username=commitment_service", "--spring.datasource.password=c",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--partnerships.dev-issuer.key-file=" + data.resolve("dev-key.json"),
                "--partnerships.audit.checkpoint.check-interval=1h"));
        ServiceProcess projections = new ServiceProcess("projection-outage", "projection.jar",
                ServiceProcess.freePort(), List.of("--spring.profiles.active=local", "--spring.datasource.url=" + url,
                "--spring.datasource.username=projection_service", "--spring.datasource.password=p",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--partnerships.commitment-service-url=http://127.0.0.1:" + commitmentPort));
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        List<Integer> refusals = new CopyOnWriteArrayList<>();
        List<String> retryAfter = new CopyOnWriteArrayList<>();
        List<Long> refusalMillis = new CopyOnWriteArrayList<>();
        try (commitments; projections) {
            commitments.start();
            projections.start();
            Api api = Api.onPort(commitmentPort);
            String secretariat = api.token("sekretariat", null, "SECRETARIAT");
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger acks = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(2);
            for (int w = 0; w < 2; w++) {
                writers.submit(() -> {
                    while (running.get()) {
                        String number = OrganisationNumbers.next();
                        long sent = System.nanoTime();
                        try {
                            Api.Response response = api.post("/api/organisations", secretariat, Map.of("name", "O",
                                    "organisationNumber", number, "sector", "OTHER"));
                            if (response.status() == 201) {
                                acknowledged.put(number, response.text("id"));
                                acks.incrementAndGet();
                            } else if (response.status() != 409) {
                                refusals.add(response.status());
                                retryAfter.add(response.header("Retry-After"));
                                refusalMillis.add((System.nanoTime() - sent) / 1_000_000);
                            }
                        } catch (RuntimeException e) {
                            refusals.add(-1);
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> acks.get() >= 20);

            postgres.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> refusals.size() >= 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(commitments.health()));
            await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(projections.health()));
            // out of the load balancer while it can only answer 503
            await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(commitments.health("/readiness")));
            await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(projections.health("/readiness")));
            int acksDuringOutage = acks.get();

            LocalPostgres restarted = LocalPostgres.startDurable(data, dbPort);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(commitments.health()));
                await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(projections.health()));
                await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(commitments.health("/readiness")));
                await().atMost(Duration.ofSeconds(60)).until(() -> acks.get() >= acksDuringOutage + 20);
                running.set(false);
                writers.shutdown();
                assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

                assertThat(refusals).isNotEmpty().allMatch(status -> status == 503);
                assertThat(retryAfter).allMatch("5"::equals);
                // refused once the connection timeout (2 s here) has passed, not held while the command is retried
                // against a database that is not there: a client gives up, and the write would land later
                assertThat(refusalMillis).allMatch(millis -> millis < 3 * 2000);
                JdbcTemplate store = new JdbcTemplate(restarted.superuser("partnerships"));
                List<String> stored = store.queryForList("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'organisationNumber'
                        from event_store.domain_event_entry where payload_type like '%OrganisationRegistered'""",
                        String.class);
                assertThat(stored).containsAll(acknowledged.keySet());
                System.out.printf("Outage test: %d registrations acknowledged (all stored), %d refused with 503%n",
                        acknowledged.size(), refusals.size());
            } finally {
                commitments.close();
                projections.close();
                restarted.close();
            }
        }
    }
}
