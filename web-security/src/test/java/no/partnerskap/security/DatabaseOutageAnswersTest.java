package no.partnerskap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/** A database that cannot serve is a 503 the client may retry; a failure of the request itself is not. */
class DatabaseOutageAnswersTest {

    /** A full disk made every write a 500 ("Internal error"), which tells a client not to retry. */
    @Test
    void a_database_out_of_disk_space_is_a_503_that_says_so() {
        RuntimeException full = new RuntimeException("An event for aggregate [a] at sequence [3] was already inserted",
                new SQLException("ERROR: could not extend file \"base/16384/16397\": No space left on device\n"
                        + "  Hint: Check free disk space.", "53100"));

        ResponseEntity<ProblemDetail> answer = DatabaseOutage.answer(full, "nothing was written.");

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).contains("out of disk space").contains("nothing was written");
        assertThat(DatabaseOutage.reason(full)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("53100").contains("No space left on device").doesNotContain("Hint"));
    }

    @Test
    void a_database_that_cannot_be_reached_is_a_503_naming_why() {
        RuntimeException refused = new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001",
                        new ConnectException("Connection refused")));

        assertThat(DatabaseOutage.answer(refused, "nothing was written.").getBody().getDetail())
                .startsWith("The database cannot be reached");
        assertThat(DatabaseOutage.reason(refused)).hasValue("the database cannot be reached (Connection refused)");
    }

    @Test
    void a_failure_of_the_request_itself_is_no_outage() {
        assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("a bug"))).isFalse();
    }
}
