package no.partnerskap.projections.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A command sent here is pointed to commitment-service (405), also at a path this service serves nothing
 * at, rather than told that nothing is there (404): the mirror of commitment-service's answer to a read.
 */
@RestController
@Hidden
class CommandsBelongToTheWriteSide {

    /** Where this service reads: a GET there is answered. */
    @PostMapping({"/api/organisations", "/api/partnerships", "/api/partnerships/{id}/commitments"})
    void commandWhereAReadIs() throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException(HttpMethod.POST.name(), List.of(HttpMethod.GET.name()));
    }

    /** Where this service serves nothing: no method is allowed here (an empty Allow), a GET not either. */
    @PostMapping({"/api/organisations/{id}/name",
            "/api/partnerships/{id}/members", "/api/partnerships/{id}/members/{organisationId}/role",
            "/api/partnerships/{id}/members/{organisationId}/departure", "/api/partnerships/{id}/goals",
            "/api/partnerships/{id}/goals/{goalId}/revision", "/api/partnerships/{id}/agreement",
            "/api/partnerships/{id}/mandate", "/api/partnerships/{id}/meetings",
            "/api/partnerships/{id}/disagreements",
            "/api/partnerships/{id}/disagreements/{disagreementId}/resolution",
            "/api/partnerships/{id}/conclusion",
            "/api/commitments/{id}/revision", "/api/commitments/{id}/milestones",
            "/api/commitments/{id}/milestones/{milestoneId}/completion", "/api/commitments/{id}/progress-reports",
            "/api/commitments/{id}/deadline-extension", "/api/commitments/{id}/follow-up-requests",
            "/api/commitments/{id}/assessments", "/api/commitments/{id}/outcome",
            "/api/commitments/{id}/withdrawal", "/admin/checkpoints"})
    void command() throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException(HttpMethod.POST.name(), List.of());
    }
}
