package no.partnerskap.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.Days;
import no.partnerskap.testsupport.OrganisationNumbers;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.commitments.support.OneCommitment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many clients writing to one commitment at the same moment: no acknowledged write is lost,
 * none is stored twice, and a stale If-Match loses cleanly.
 */
@CommitmentServiceTest
class ConcurrentWritersTest {

    private static final int WRITERS = 24;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String partner;
    String commitment;

    @BeforeEach
    void aCommitment() {
        api = Api.onPort(port);
        OneCommitment one = OneCommitment.create(api);
        partner = one.partner();
        commitment = one.commitment();
        assertThat(commitment).isNotNull();
    }

    @Test
    void every_acknowledged_report_is_stored_exactly_once() throws Exception {
        List<Integer> statuses = race(i -> api.post("/api/commitments/" + commitment + "/progress-reports", partner,
                Map.of("percentComplete", i, "asOf", Days.today())).status());

        long acknowledged = statuses.stream().filter(s -> s == 200).count();
        assertThat(statuses).allMatch(s -> s == 200 || s == 409);
        assertThat(reports()).isEqualTo(acknowledged);
        assertThat(acknowledged).isGreaterThan(0);
        assertThat(sequenceNumbers()).isEqualTo(1 + acknowledged);
    }

    @Test
    void with_the_same_if_match_exactly_one_writer_wins() throws Exception {
        List<Integer> statuses = race(i -> api.post("/api/commitments/" + commitment + "/progress-reports", partner,
                Map.of("percentComplete", i, "asOf", Days.today()), "If-Match", "\"0\"").status());

        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses).allMatch(s -> s == 200 || s == 412 || s == 409);
        assertThat(reports()).isEqualTo(1);
    }

    /**
     * A departure and the leaving member's new commitments at the same moment: each commitment is either refused
     * or stored before the departure, so that an auditor replaying the store never finds one by a member that had
     * already left.
     */
    @Test
    void a_member_s_commitments_racing_its_departure_are_stored_before_it_or_refused() throws Exception {
        for (int round = 0; round < 5; round++) {
            OneCommitment one = OneCommitment.create(api);
            // the partner convenes its partnership: another member takes the convening over before it may leave
            String successor = api.post("/api/organisations", one.secretariat(), Map.of("name", "Fylket",
                    "organisationNumber", OrganisationNumbers.next(), "sector", "PUBLIC_COUNTY")).text("id");
            assertThat(api.post("/api/partnerships/" + one.partnership() + "/members", one.secretariat(), Map.of(
                    "organisationId", successor, "role", "CONVENOR", "representation", "LEADERSHIP")).status())
                    .isEqualTo(200);
            List<Integer> statuses = race(i -> i == 0
                    ? api.post("/api/partnerships/" + one.partnership() + "/members/" + one.organisation()
                            + "/departure", one.secretariat(), Map.of("reason", "Trekker seg")).status()
                    : api.post("/api/partnerships/" + one.partnership() + "/commitments", one.partner(), Map.of(
                            "organisationId", one.organisation(), "title", "T" + i, "dueDate", "2030-01-01"))
                            .status());

            assertThat(statuses.get(0)).isEqualTo(200);
            assertThat(statuses.subList(1, statuses.size())).allMatch(s -> s == 201 || s == 409);
            Long left = jdbc.queryForObject("""
                    select global_index from event_store.domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%MemberLeft'""", Long.class, one.partnership());
            Long lastRecorded = jdbc.queryForObject("""
                    select max(global_index) from event_store.domain_event_entry
                    where payload_type like '%CommitmentRecorded'
                    and convert_from(payload, 'UTF8')::jsonb ->> 'partnershipId' = ?""", Long.class,
                    one.partnership());
            assertThat(lastRecorded).as("round " + round + ": " + statuses).isLessThan(left);
        }
    }

    /**
     * Commitments recorded while the secretariat concludes: either a commitment is stored first (and,
     * being open, stops the conclusion) or the conclusion is, and every commitment is refused. Never a
     * concluded partnership with a commitment that nothing can end any more.
     */
    @Test
    void commitments_racing_the_conclusion_either_stop_it_or_are_refused() throws Exception {
        for (int round = 0; round < 5; round++) {
            OneCommitment one = withNothingOpen();
            List<Integer> statuses = racingTheConclusion(one, i -> api.post("/api/partnerships/" + one.partnership()
                    + "/commitments", one.partner(), Map.of("organisationId", one.organisation(), "title", "T" + i,
                    "dueDate", "2030-01-01")).status());

            Long recorded = jdbc.queryForObject("""
                    select count(*) from event_store.domain_event_entry
                    where payload_type like '%CommitmentRecorded' and aggregate_identifier <> ?
                    and convert_from(payload, 'UTF8')::jsonb ->> 'partnershipId' = ?""", Long.class,
                    one.commitment(), one.partnership());
            String round_ = "round " + round + ": " + statuses;
            if (statuses.get(0) == 200) {
                assertThat(recorded).as(round_).isZero();
                assertThat(statuses.subList(1, statuses.size())).as(round_).allMatch(s -> s == 409);
            } else {
                assertThat(statuses.get(0)).as(round_).isEqualTo(409);
                assertThat(recorded).as(round_).isEqualTo(statuses.stream().filter(s -> s == 201).count()).isPositive();
            }
        }
    }

    /** Networks established under a strategic partnership while it concludes: the same either-or. */
    @Test
    void networks_racing_their_parent_s_conclusion_either_stop_it_or_are_refused() throws Exception {
        for (int round = 0; round < 5; round++) {
            OneCommitment one = withNothingOpen();
            List<Integer> statuses = racingTheConclusion(one, i -> api.post("/api/partnerships", one.secretariat(),
                    Map.of("name", "N" + i, "kind", "THEMATIC_NETWORK", "parentPartnershipId", one.partnership(),
                            "mandate", "M", "period", Map.of("from", "2026-01-01"),
                            "convenorOrganisationId", one.organisation())).status());

            String round_ = "round " + round + ": " + statuses;
            long established = statuses.subList(1, statuses.size()).stream().filter(s -> s == 201).count();
            if (statuses.get(0) == 200) {
                assertThat(established).as(round_).isZero();
            } else {
                assertThat(statuses.get(0)).as(round_).isEqualTo(409);
                assertThat(established).as(round_).isPositive();
            }
            assertThat(statuses.subList(1, statuses.size())).as(round_).allMatch(s -> s == 201 || s == 409);
        }
    }

    /**
     * Assessments of a closed commitment while its partnership concludes: each is stored before the conclusion or
     * refused. A concluded partnership's record is final, and an assessment stored after it changed it.
     */
    @Test
    void assessments_racing_the_conclusion_are_stored_before_it_or_refused() throws Exception {
        for (int round = 0; round < 5; round++) {
            OneCommitment one = withNothingOpen();
            List<Integer> statuses = racingTheConclusion(one, i -> api.post("/api/commitments/" + one.commitment()
                    + "/assessments", one.secretariat(), Map.of("level", "LIMITED", "comment", "Vurdering " + i))
                    .status());

            String round_ = "round " + round + ": " + statuses;
            assertThat(statuses.get(0)).as(round_).isEqualTo(200);
            assertThat(statuses.subList(1, statuses.size())).as(round_).allMatch(s -> s == 200 || s == 409);
            Long assessedAfter = jdbc.queryForObject("""
                    select count(*) from event_store.domain_event_entry a
                    where a.aggregate_identifier = ? and a.payload_type like '%CommitmentAssessed'
                    and a.global_index > (select c.global_index from event_store.domain_event_entry c
                                          where c.aggregate_identifier = ? and c.payload_type like '%PartnershipConcluded')""",
                    Long.class, one.commitment(), one.partnership());
            assertThat(assessedAfter).as(round_).isZero();
        }
    }

    /** A partnership whose one commitment is withdrawn: nothing holds its conclusion up. */
    private OneCommitment withNothingOpen() {
        OneCommitment one = OneCommitment.create(api);
        assertThat(api.post("/api/commitments/" + one.commitment() + "/withdrawal", one.partner(),
                Map.of("reason", "Erstattes")).status()).isEqualTo(200);
        return one;
    }

    /** The partnership's conclusion (the first answer) racing the other writers. */
    private List<Integer> racingTheConclusion(OneCommitment one, Writer others) throws Exception {
        return race(i -> i == 0 ? api.post("/api/partnerships/" + one.partnership() + "/conclusion", one.secretariat(),
                Map.of("reason", "Ferdig")).status() : others.write(i));
    }

    interface Writer {
        int write(int index) throws Exception;
    }

    private List<Integer> race(Writer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            int index = i;
            Callable<Integer> call = () -> {
                start.await();
                return writer.write(index);
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        return statuses;
    }

    private long reports() {
        return jdbc.queryForObject("""
                select count(*) from event_store.domain_event_entry where aggregate_identifier = ?
                and payload_type like '%ProgressReported'""", Long.class, commitment);
    }

    /** Sequence numbers are gap-free 0..n-1: nothing lost in between, nothing duplicated. */
    private long sequenceNumbers() {
        Map<String, Object> row = jdbc.queryForMap("""
                select count(*) as n, count(distinct sequence_number) as d, max(sequence_number) as m
                from event_store.domain_event_entry where aggregate_identifier = ?""", commitment);
        assertThat(row.get("n")).isEqualTo(row.get("d"));
        assertThat(((Number) row.get("m")).longValue()).isEqualTo(((Number) row.get("n")).longValue() - 1);
        return ((Number) row.get("n")).longValue();
    }
}
