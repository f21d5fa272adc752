package no.partnerskap.projections.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Administration errors as RFC 9457 problem documents. */
@RestControllerAdvice(basePackageClasses = AdminProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminProblemAdvice {

    @ExceptionHandler(ProjectionAdmin.UnknownProcessor.class)
    ResponseEntity<ProblemDetail> unknown(ProjectionAdmin.UnknownProcessor e) {
        return answer(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Not found", null, e.getMessage()));
    }

    /** A rebuild under way ends by itself: ask again later; the processor's status (Location) shows when it is done. */
    @ExceptionHandler(ProjectionAdmin.RebuildUnderway.class)
    ResponseEntity<ProblemDetail> underway(ProjectionAdmin.RebuildUnderway e, HttpServletRequest request) {
        return answer(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "10")
                .header(HttpHeaders.LOCATION, request.getRequestURI().replaceFirst("/replay$", ""))
                .body(problem(HttpStatus.CONFLICT, "Rebuild under way", "rebuild-underway", e.getMessage()));
    }

    /** Not mended by asking again: a segment held elsewhere needs the operator, a processor without a reset never. */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> notNow(IllegalStateException e) {
        return answer(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "Replay not possible",
                e instanceof ProjectionAdmin.HeldElsewhere ? "segment-held-elsewhere" : "reset-not-supported",
                e.getMessage()));
    }

    private static ResponseEntity.BodyBuilder answer(HttpStatus status) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (code != null) {
            problem.setType(URI.create("urn:partnerships:rebuild:" + code));
        }
        return problem;
    }
}
