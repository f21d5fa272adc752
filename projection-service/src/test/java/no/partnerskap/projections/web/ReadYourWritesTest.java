package no.partnerskap.projections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.PartnershipEvent.MandateRevised;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProcessorGate;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A read that asks for a version the read model does not reach within the bound answers 503 with
 * a problem and Retry-After, instead of an older state; one it has reached answers at once. So does a
 * costly read that finds no free place (council reports here have none).
 */
@ProjectionServiceTest
@TestPropertySource(properties = {"partnerships.read-your-writes.max-wait=300ms",
        "partnerships.projection.rebuild-wait=8s", "partnerships.council-report.max-builds=0"})
class ReadYourWritesTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    ProcessorGate gate;

    @Test
    void a_version_not_reached_within_the_bound_is_503_with_retry_after() {
        Api api = Api.onPort(port);
        String viewer = tokens.token("v", null, "VIEWER");
        UUID organisation = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        events.append(new OrganisationRegistered(organisation, "O", "821311632", Sector.OTHER),
                new PartnershipEstablished(partnership, "P", PartnershipKind.STRATEGIC, null, "M", null, null, null,
                        new Period(LocalDate.of(2026, 1, 1), null), organisation));

        // this bound is short: wait for the read model here, so that only the versions it never reaches time out
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/partnerships/" + partnership, viewer).status()).isEqualTo(200));
        Api.Response reached = api.get("/api/partnerships/" + partnership + "?minVersion=0", viewer);
        assertThat(reached.status()).isEqualTo(200);
        assertThat(reached.text("name")).isEqualTo("P");

        // a version no write ever answered with: refused at once, as waiting would not bring it
        for (String path : new String[] {"/api/partnerships/" + partnership + "?minVersion=7",
                "/api/commitments/" + UUID.randomUUID() + "?minVersion=0",
                "/api/organisations/" + organisation + "/scorecard?minVersion=5",
                // an organisation's id is no partnership's, whatever versions the organisation has
                "/api/partnerships/" + organisation + "?minVersion=0"}) {
            Api.Response never = api.get(path, viewer);
            assertThat(never.status()).as(path).isEqualTo(404);
            assertThat(never.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(never.text("title")).as(path).isEqualTo("No such version");
        }
        assertThat(api.get("/api/partnerships/" + partnership + "?minVersion=7", viewer).text("detail"))
                .isEqualTo("version 7 of this resource was never written: the latest is 0");
        assertThat(api.get("/api/commitments/" + UUID.randomUUID() + "?minVersion=0", viewer).text("detail"))
                .isEqualTo("nothing of this kind was ever written under this id, so no version 0 of it will come");

        // written, and not in the read model yet: 503, to be asked again
        UUID commitment = UUID.randomUUID();
        gate.close("partnership-follow-up");
        gate.close("commitments");
        try {
            events.append(new MandateRevised(partnership, "M", "M2", "Nytt vedtak"),
                    new CommitmentRecorded(commitment, partnership, organisation, "T", null, List.of(), List.of(),
                            LocalDate.of(2030, 1, 1), LocalDate.of(2026, 1, 1)));
            for (String path : new String[] {"/api/partnerships/" + partnership + "?minVersion=1",
                    "/api/commitments/" + commitment + "?minVersion=0"}) {
                Api.Response behind = api.get(path, viewer);
                assertThat(behind.status()).as(path).isEqualTo(503);
                assertThat(behind.header("Retry-After")).as(path).isEqualTo("1");
                assertThat(behind.header("Content-Type")).as(path).startsWith("application/problem+json");
                assertThat(behind.text("title")).as(path).isEqualTo("Read model not caught up yet");
            }
            assertThat(api.get("/api/partnerships/" + partnership + "?minVersion=1", viewer).text("detail"))
                    .isEqualTo("the read model is at version 0 of this resource, not yet at 1");
            // nothing of it yet: not "version -1"
            assertThat(api.get("/api/commitments/" + commitment + "?minVersion=0", viewer).text("detail"))
                    .isEqualTo("the read model holds nothing of this resource yet, not version 0: one just written "
                            + "appears shortly, an id never written stays missing");
        } finally {
            gate.open("partnership-follow-up");
            gate.open("commitments");
        }
        // a version is a count from 0
        Api.Response negative = api.get("/api/partnerships/" + partnership + "?minVersion=-1", viewer);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().path("errors").findValuesAsText("field")).containsExactly("minVersion");
    }

    /** Any reader may ask for a report at another position: each is a rebuild, so only so many run at once. */
    @Test
    void a_council_report_finding_no_free_place_answers_503_with_retry_after() {
        Api.Response busy = Api.onPort(port).get("/api/reports/council?year=2026", tokens.token("v", null, "VIEWER"));
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isEqualTo("5");
        assertThat(busy.header("Content-Type")).startsWith("application/problem+json");
        assertThat(busy.text("detail")).isEqualTo(
                "Other council reports are being built just now; ask again in a few seconds.");
    }

    /** Each waiting read holds a thread and polls the database: past the limit, a read that would wait answers 503. */
    @Test
    void only_so_many_reads_wait_at_once() throws Exception {
        ReadYourWrites bounded = new ReadYourWrites(Duration.ofSeconds(30), 1, null);
        LongSupplier written = () -> 9;
        AtomicLong version = new AtomicLong(0);
        AtomicInteger polls = new AtomicInteger();
        CountDownLatch waiting = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = executor.submit(() -> bounded.await(1L, () -> {
                if (polls.incrementAndGet() == 2) {
                    waiting.countDown();
                }
                return version.get();
            }, written));
            assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> bounded.await(1L, () -> 0L, written)).isInstanceOf(ReadYourWrites.NotCaughtUp.class)
                    .hasMessage("the read model is at version 0 of this resource, not yet at 1, and too many reads"
                            + " are waiting already");
            // a read the model has already reached takes no place
            bounded.await(1L, () -> 1L, written);

            version.set(1);
            first.get(10, TimeUnit.SECONDS);
            // the place is free again: this one waits for its version
            AtomicLong later = new AtomicLong();
            bounded.await(2L, () -> later.getAndIncrement(), written);
            assertThat(later.get()).isEqualTo(3);
        } finally {
            executor.shutdownNow();
        }
    }
}
