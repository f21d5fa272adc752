package no.partnerskap.projections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A reader that leaves mid-answer is no failure of ours: nothing is answered or logged as an error. */
class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void a_client_gone_mid_answer_gets_nothing_and_a_real_failure_a_500() {
        assertThat(advice.unexpected(new IOException("Broken pipe"))).isNull();
        assertThat(advice.unexpected(new IllegalStateException("a bug")).getStatusCode().value()).isEqualTo(500);
    }
}
