package no.partnerskap.commitments.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A read of what this service creates, or of what projection-service serves, is pointed to
 * projection-service (405), as a GET of a command's path is, rather than told that nothing is there
 * (404): a client following a {@code Location} header to this service meets it first.
 */
@RestController
@Hidden
class ReadsBelongToTheReadSide {

    /** Where a command is taken: a POST here is answered. */
    @GetMapping("/api/partnerships/{id}/commitments")
    void readWhereACommandIs() throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException(HttpMethod.GET.name(), List.of(HttpMethod.POST.name()));
    }

    /** Where this service takes nothing: no method is allowed here (an empty Allow), a POST not either. */
    @GetMapping({"/api/organisations/{id}", "/api/organisations/{id}/scorecard", "/api/partnerships/{id}",
            "/api/partnerships/{id}/commitments.csv",
            "/api/partnerships/{id}/goals/{goalId}", "/api/partnerships/{id}/meetings/{meetingId}",
            "/api/partnerships/{id}/disagreements/{disagreementId}", "/api/commitments/{id}",
            "/api/commitments/overdue", "/api/commitments/overdue.csv",
            "/api/commitments/{id}/milestones/{milestoneId}",
            "/api/commitments/{id}/follow-up-requests/{requestId}", "/api/sdg", "/api/reports/council",
            "/api/audit/**"})
    void read() throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException(HttpMethod.GET.name(), List.of());
    }
}
