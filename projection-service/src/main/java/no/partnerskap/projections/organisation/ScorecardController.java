package no.partnerskap.projections.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import no.partnerskap.projections.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Organisations")
class ScorecardController {

    private final ScorecardQueries queries;

    ScorecardController(ScorecardQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "An organisation's scorecard across partnerships")
    @GetMapping("/api/organisations/{id}/scorecard")
    ScorecardQueries.Scorecard scorecard(@PathVariable UUID id) {
        return queries.of(id).orElseThrow(() -> new NotFound("no organisation " + id));
    }
}
