package no.partnerskap.projections.audit;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Audit read errors as RFC 9457 problem documents. */
@RestControllerAdvice(basePackageClasses = AuditProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditProblemAdvice {

    @ExceptionHandler(AuditProblem.class)
    ResponseEntity<ProblemDetail> problem(AuditProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        problem.setTitle(e.title);
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
