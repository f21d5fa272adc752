package no.partnerskap.security;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot serve just now (it cannot be reached, or it is out of disk space or memory) from
 * a failure of the request itself: the client should get 503 with Retry-After, not 500, and may simply retry.
 * Such a failure is logged as one line: each request fails the same way while it lasts, and a stack trace for
 * each flooded the log (and, on a full disk, the disk).
 */
public final class DatabaseOutage {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        return reason(failure).isPresent();
    }

    /**
     * Logs the failure of a task that runs again by itself: one line with the reason when the database cannot
     * serve (it fails every try the same way), the stack trace otherwise.
     */
    public static void logFailedTry(Logger log, String task, RuntimeException failure) {
        reason(failure).ifPresentOrElse(
                reason -> log.warn("{} failed, as {}; will try again", task, reason),
                () -> log.warn("{} failed; will try again", task, failure));
    }

    /** What keeps the database from serving, in words, when that is what failed. */
    public static Optional<String> reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // SQLState class 53: insufficient resources (53100 disk full, 53200 out of memory, 53300 too many
            // connections); it serves again once an operator has made room
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("53")) {
                return Optional.of("the database is out of resources (SQLState " + sql.getSQLState() + ": "
                        + firstLine(sql.getMessage()) + ")");
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // SQLState class 08: connection exception; 57P: the server is shutting down or starting
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return Optional.of("the database cannot be reached (" + firstLine(rootMessage(t)) + ")");
            }
        }
        return Optional.empty();
    }

    /** The 503 for {@code failure}, an outage, logged as one line naming its reason. */
    public static ResponseEntity<ProblemDetail> answer(Throwable failure, String what) {
        String reason = reason(failure).orElse("the database cannot serve");
        log.warn("Refused with 503: {}", reason);
        log.debug("The failure behind it", failure);
        boolean unreachable = reason.startsWith("the database cannot be reached");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                (unreachable ? "The database cannot be reached; " : "The database is out of disk space or memory; ")
                        + what + " Retry shortly.");
        problem.setTitle("Database unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private static String firstLine(String text) {
        String line = String.valueOf(text).lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
