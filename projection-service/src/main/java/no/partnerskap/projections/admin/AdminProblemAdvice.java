package no.partnerskap.projections.admin;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> notNow(IllegalStateException e) {
        return problem(HttpStatus.CONFLICT, "Replay not possible", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
