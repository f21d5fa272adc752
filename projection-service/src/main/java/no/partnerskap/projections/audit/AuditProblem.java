package no.partnerskap.projections.audit;

import org.springframework.http.HttpStatus;

/** An audit read that cannot be answered: no such aggregate (404). Invalid parameters are {@code InvalidParameter}s. */
class AuditProblem extends RuntimeException {

    final HttpStatus status;
    final String title;

    private AuditProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static AuditProblem notFound(String detail) {
        return new AuditProblem(HttpStatus.NOT_FOUND, "Not found", detail);
    }
}
