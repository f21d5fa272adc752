package no.partnerskap.projections.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import no.partnerskap.projections.history.EventHistory;
import no.partnerskap.projections.history.PointInTime;
import no.partnerskap.projections.support.ProjectionServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Council members opening the same report at a meeting share one build: with room for one build at a time, the
 * readers who ask while it runs wait for it, rather than being told the service is busy.
 */
@ProjectionServiceTest
class SharedBuildTest {

    @Autowired
    PointInTime pointInTime;
    @Autowired
    EventHistory history;
    @Autowired
    ProcessedPosition processed;
    @Autowired
    Clock clock;
    @Autowired
    ObjectProvider<CouncilCheckpoints> checkpoints;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readers_asking_for_a_report_being_built_wait_for_that_build() throws Exception {
        CouncilReports reports = new CouncilReports(pointInTime, history, processed, clock, checkpoints, 1);
        long position = history.head();
        List<Thread> readers = new ArrayList<>();
        List<CompletableFuture<CouncilReport>> answers = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            // the build waits at its first read model until this lets go: long enough for the others to ask
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table projection.partnership_view in access exclusive mode");
            for (int i = 0; i < 4; i++) {
                CompletableFuture<CouncilReport> answer = new CompletableFuture<>();
                Thread reader = new Thread(() -> {
                    try {
                        answer.complete(reports.build(2020, position, LocalDate.of(2020, 6, 30)));
                    } catch (RuntimeException e) {
                        answer.completeExceptionally(e);
                    }
                }, "council-member-" + i);
                answers.add(answer);
                readers.add(reader);
                reader.start();
            }
            // one build waits for the lock; each of the other three has been answered or waits for that build
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForTheLock() >= 1 && readers.stream()
                    .filter(r -> r.getState() == Thread.State.WAITING || r.getState() == Thread.State.TERMINATED)
                    .count() == 3);
            holder.rollback();
        }
        for (Thread reader : readers) {
            reader.join(60_000);
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isCompleted().isNotCompletedExceptionally());
        assertThat(answers.stream().map(answer -> answer.join().builtAt()).distinct()).as("one build").hasSize(1);
    }

    private long waitingForTheLock() {
        return jdbc.queryForObject("""
                select count(*) from pg_stat_activity
                where wait_event_type = 'Lock' and query ilike '%partnership_view%'""", Long.class);
    }
}
