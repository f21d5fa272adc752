package no.partnerskap.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RepeatingTest {

    @Test
    void a_quick_task_runs_at_its_interval() {
        assertThat(Repeating.pauseAfter(Duration.ofMinutes(1), Duration.ofMillis(200))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void a_task_that_grew_slow_keeps_at_most_a_tenth_of_its_thread_busy() {
        Duration took = Duration.ofSeconds(20);
        Duration pause = Repeating.pauseAfter(Duration.ofMinutes(1), took);
        assertThat(pause).isEqualTo(Duration.ofSeconds(180));
        assertThat((double) took.toMillis() / took.plus(pause).toMillis()).isEqualTo(0.1);
    }
}
