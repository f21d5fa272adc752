package no.partnerskap.commitments.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.partnerskap.commitments.idempotency.IdempotencyKeyInProgress;
import no.partnerskap.commitments.idempotency.IdempotencyKeyReused;
import no.partnerskap.commitments.shared.NotFound;
import no.partnerskap.commitments.shared.NotPermitted;
import no.partnerskap.commitments.shared.RuleViolation;
import no.partnerskap.security.DatabaseOutage;
import no.partnerskap.security.RequestProblems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal as an RFC 9457 problem document. Rule violations name their rule in
 * {@code rule} and in the {@code type} URI; invalid requests list each field (see {@link RequestProblems}).
 */
@RestControllerAdvice
class ProblemAdvice extends RequestProblems {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final Pattern KIND = Pattern.compile("^/api/(organisation|partnership|commitment)s/");

    ProblemAdvice() {
        super("commitment-service only takes commands (POST). Read partnerships, commitments and reports "
                + "from projection-service.");
    }

    @ExceptionHandler(QueryParameterRefused.class)
    ResponseEntity<Object> queryParameter(QueryParameterRefused e) {
        return invalidParameter(e.name(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception exception, HttpServletRequest request) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            ResponseEntity<ProblemDetail> answer = known(t, request);
            if (answer != null) {
                return answer;
            }
        }
        log.error("Unexpected failure", exception);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; nothing was written."));
    }

    private ResponseEntity<ProblemDetail> known(Throwable t, HttpServletRequest request) {
        if (t instanceof NotFound e) {
            return rule(HttpStatus.NOT_FOUND, "Not found", e);
        }
        if (t instanceof NotPermitted e) {
            return rule(HttpStatus.FORBIDDEN, "Forbidden", e);
        }
        if (t instanceof RuleViolation e) {
            return rule(HttpStatus.CONFLICT, "Refused by a rule", e);
        }
        if (t instanceof Forbidden e) {
            return status(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
        }
        if (t instanceof BadHeader e) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid header", e.getMessage());
            problem.setProperty("errors", List.of(new FieldError(e.header(), e.getMessage())));
            return ResponseEntity.badRequest().body(problem);
        }
        if (t instanceof AggregateNotFoundException e) {
            // named by the path: an id of another kind of thing (a commitment's on a partnership's path) is none
            // of this kind, though something was recorded with it
            return status(HttpStatus.NOT_FOUND, "Not found", "No " + kindIn(request.getRequestURI()) + " "
                    + e.getAggregateIdentifier() + ".");
        }
        if (t instanceof NothingToMatch e) {
            return status(HttpStatus.PRECONDITION_FAILED, "Precondition failed", e.getMessage());
        }
        if (t instanceof ConflictingAggregateVersionException e) {
            return status(HttpStatus.PRECONDITION_FAILED, "Stale version",
                    "If-Match names version " + e.getExpectedVersion() + " but the resource is at version "
                            + e.getActualVersion() + ". Read it again and retry.");
        }
        if (t instanceof ConcurrencyException) {
            return status(HttpStatus.CONFLICT, "Concurrent modification",
                    "Someone else changed this resource at the same moment; retry.");
        }
        if (t instanceof IdempotencyKeyReused e) {
            // a type of its own: a client tells its own bug (a key used twice) from anything else refused
            ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", e.getMessage());
            problem.setType(URI.create("urn:partnerships:idempotency:key-reused"));
            return ResponseEntity.unprocessableEntity().body(problem);
        }
        if (t instanceof IdempotencyKeyInProgress e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(problem(HttpStatus.CONFLICT, "Request in progress", e.getMessage()));
        }
        if (DatabaseOutage.isOutage(t)) {
            return DatabaseOutage.answer(t, "nothing was written.");
        }
        return null;
    }

    /** "commitment" for /api/commitments/..., and so on; "such thing" where the path names none. */
    private static String kindIn(String path) {
        Matcher kind = KIND.matcher(path);
        return kind.find() ? kind.group(1) : "such thing";
    }

    private static ResponseEntity<ProblemDetail> rule(HttpStatus status, String title, RuleViolation violation) {
        ProblemDetail problem = problem(status, title, violation.getMessage());
        problem.setType(URI.create("urn:partnerships:rule:" + violation.rule()));
        problem.setProperty("rule", violation.rule());
        violation.details().forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }

    private static ResponseEntity<ProblemDetail> status(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(problem(status, title, detail));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

}
