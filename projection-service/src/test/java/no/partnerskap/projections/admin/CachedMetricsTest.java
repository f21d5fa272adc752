package no.partnerskap.projections.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What one scrape asks of the database: every gauge reads the same cached value. */
class CachedMetricsTest {

    /** While the database cannot be reached each try waits out the connection timeout: one per scrape, not 19. */
    @Test
    void a_failure_is_not_tried_again_by_every_gauge() {
        AtomicInteger tries = new AtomicInteger();
        ProjectionMetrics.Cached<Integer> cached = new ProjectionMetrics.Cached<>(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("the database cannot be reached");
        });

        for (int gauge = 0; gauge < 19; gauge++) {
            assertThat(cached.get()).isNull();
        }

        assertThat(tries).hasValue(1);
    }

    @Test
    void a_value_is_computed_once_while_fresh() {
        AtomicInteger tries = new AtomicInteger();
        ProjectionMetrics.Cached<Integer> cached = new ProjectionMetrics.Cached<>(tries::incrementAndGet);

        for (int gauge = 0; gauge < 19; gauge++) {
            assertThat(cached.get()).isEqualTo(1);
        }

        assertThat(tries).hasValue(1);
    }
}
