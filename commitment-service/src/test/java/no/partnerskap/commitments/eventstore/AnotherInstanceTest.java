package no.partnerskap.commitments.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.partnerskap.api.commitment.CommitmentEvent.MilestoneAdded;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.commitments.support.OneCommitment;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.Days;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commands on a commitment this instance holds in its cache, after another instance of the
 * service appended to it: the cached state must not be what the rules and If-Match are checked
 * against, and what is appended here must follow the other instance's event.
 */
@CommitmentServiceTest
class AnotherInstanceTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RecentAggregates cache;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void a_milestone_added_by_another_instance_can_be_completed_here() {
        Api api = Api.onPort(port);
        OneCommitment one = cachedAtVersionOne(api);
        UUID milestone = appendedByAnotherInstance(one);

        Api.Response completed = api.post("/api/commitments/" + one.commitment() + "/milestones/" + milestone
                + "/completion", one.partner(), Map.of("completedOn", Days.today()));

        assertThat(completed.status()).as(completed.raw().body()).isEqualTo(200);
        assertThat(completed.header("ETag")).isEqualTo("\"3\"");
        assertThat(cache.cachedVersion(one.commitment())).isEqualTo(3L);
    }

    @Test
    void a_retried_refusal_keeps_its_idempotency_key_for_the_answer_it_finally_got() {
        Api api = Api.onPort(port);
        OneCommitment one = cachedAtVersionOne(api);
        UUID milestone = appendedByAnotherInstance(one);
        String path = "/api/commitments/" + one.commitment() + "/milestones/" + milestone + "/completion";
        Map<String, String> body = Map.of("completedOn", Days.today());

        Api.Response first = api.post(path, one.partner(), body, "Idempotency-Key", "complete-" + milestone);
        Api.Response again = api.post(path, one.partner(), body, "Idempotency-Key", "complete-" + milestone);

        assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
        assertThat(again.status()).as(again.raw().body()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"3\"");
        assertThat(sequenceNumbers(one.commitment())).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void a_report_here_follows_the_event_another_instance_appended() {
        Api api = Api.onPort(port);
        OneCommitment one = cachedAtVersionOne(api);
        appendedByAnotherInstance(one);

        Api.Response reported = report(api, one, 20);

        assertThat(reported.status()).as(reported.raw().body()).isEqualTo(200);
        assertThat(reported.header("ETag")).isEqualTo("\"3\"");
        assertThat(sequenceNumbers(one.commitment())).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void if_match_naming_the_version_another_instance_made_is_current_here() {
        Api api = Api.onPort(port);
        OneCommitment one = cachedAtVersionOne(api);
        appendedByAnotherInstance(one);

        Api.Response reported = report(api, one, 20, "If-Match", "\"2\"");

        assertThat(reported.status()).as(reported.raw().body()).isEqualTo(200);
        assertThat(reported.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void if_match_naming_the_cached_version_is_stale_once_another_instance_appended() {
        Api api = Api.onPort(port);
        OneCommitment one = cachedAtVersionOne(api);
        appendedByAnotherInstance(one);

        Api.Response reported = report(api, one, 20, "If-Match", "\"1\"");

        assertThat(reported.status()).as(reported.raw().body()).isEqualTo(412);
        assertThat(sequenceNumbers(one.commitment())).containsExactly(0L, 1L, 2L);
    }

    @Test
    void the_cache_counts_what_it_held_for_each_command() {
        Api api = Api.onPort(port);
        OneCommitment one = OneCommitment.create(api);

        Map<String, Double> before = lookups();
        assertThat(report(api, one, 10).status()).isEqualTo(200);
        assertThat(report(api, one, 20).status()).isEqualTo(200);
        appendedByAnotherInstance(one, 3);
        assertThat(report(api, one, 30).status()).isEqualTo(200);
        Map<String, Double> after = lookups();

        // created by its first command, the commitment was cached from then on: the two next reports found
        // it; the last found it behind the other instance's event
        assertThat(after.get("hit") - before.get("hit")).isEqualTo(2);
        assertThat(after.get("stale") - before.get("stale")).isEqualTo(1);
        assertThat(after.get("miss") - before.get("miss")).isZero();
        assertThat(meters.get("partnerships.aggregate.cache.size").gauge().value()).isPositive();
    }

    private Map<String, Double> lookups() {
        return Map.of("hit", lookups("hit"), "stale", lookups("stale"), "miss", lookups("miss"));
    }

    private double lookups(String result) {
        return meters.get("partnerships.aggregate.cache.lookups").tag("result", result).counter().count();
    }

    private OneCommitment cachedAtVersionOne(Api api) {
        OneCommitment one = OneCommitment.create(api);
        assertThat(report(api, one, 10).status()).isEqualTo(200);
        assertThat(cache.cachedVersion(one.commitment())).as("held in this instance's cache").isEqualTo(1L);
        return one;
    }

    private static Api.Response report(Api api, OneCommitment one, int percent, String... headers) {
        return api.post("/api/commitments/" + one.commitment() + "/progress-reports", one.partner(),
                Map.of("percentComplete", percent, "asOf", Days.today()), headers);
    }

    /** What another instance's append looks like from here: a new event in the store, not in this cache. */
    private UUID appendedByAnotherInstance(OneCommitment one) {
        return appendedByAnotherInstance(one, 2);
    }

    private UUID appendedByAnotherInstance(OneCommitment one, long sequenceNumber) {
        UUID milestone = UUID.randomUUID();
        MilestoneAdded added = new MilestoneAdded(UUID.fromString(one.commitment()), UUID.fromString(one.partnership()),
                UUID.fromString(one.organisation()), milestone, "Kontrakt signert", LocalDate.parse("2027-01-31"));
        transaction.executeWithoutResult(tx -> DefaultUnitOfWork.startAndGet(null).execute(() ->
                eventStore.publish(new GenericDomainEventMessage<>("Commitment", one.commitment(), sequenceNumber, added))));
        return milestone;
    }

    private List<Long> sequenceNumbers(String aggregateId) {
        return jdbc.queryForList("""
                select sequence_number from event_store.domain_event_entry
                where aggregate_identifier = ? order by sequence_number""", Long.class, aggregateId);
    }
}
