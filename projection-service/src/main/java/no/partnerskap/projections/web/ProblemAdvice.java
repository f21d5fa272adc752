package no.partnerskap.projections.web;

import no.partnerskap.security.DatabaseOutage;
import no.partnerskap.security.RequestProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.DisconnectedClientHelper;

/** Read-side errors as RFC 9457 problem documents; invalid parameters are named (see {@link RequestProblems}). */
@RestControllerAdvice
class ProblemAdvice extends RequestProblems {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemAdvice.class);

    ProblemAdvice() {
        super("projection-service only reads (GET). Send commands to commitment-service.");
    }

    /**
     * A read at a path that only takes commands (pointed to commitment-service when POSTed here) finds nothing
     * to read: 404, as at any other path without a read, rather than a 405 telling a reader to send GETs.
     */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        if (!HttpMethod.GET.matches(ex.getMethod()) && !HttpMethod.HEAD.matches(ex.getMethod())) {
            return super.handleHttpRequestMethodNotSupported(ex, headers, status, request);
        }
        String path = ((ServletWebRequest) request).getRequest().getRequestURI();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Nothing is at " + path + ".");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<Object> invalidParameter(InvalidParameter e) {
        return invalidParameter(e.field(), e.getMessage());
    }

    @ExceptionHandler(Busy.class)
    ResponseEntity<ProblemDetail> busy(Busy e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(ReadModelRebuilding.class)
    ResponseEntity<ProblemDetail> rebuilding(ReadModelRebuilding e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, ReadModelRebuilding.RETRY_AFTER).body(e.problem());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.isOutage(e)) {
            return DatabaseOutage.answer(e, "nothing can be read just now.");
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // a reader that left mid-answer (an export, a history): nothing to answer, nothing went wrong here
            log.debug("The client went away: {}", e.toString());
            return null;
        }
        log.error("Unexpected failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    @ExceptionHandler(ReadYourWrites.NeverWritten.class)
    ResponseEntity<ProblemDetail> neverWritten(ReadYourWrites.NeverWritten e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such version");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(ReadYourWrites.NotCaughtUp.class)
    ResponseEntity<ProblemDetail> stale(ReadYourWrites.NotCaughtUp e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Read model not caught up yet");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }
}
