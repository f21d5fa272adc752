package no.partnerskap.projections.partnership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.UUID;
import no.partnerskap.projections.web.NotFound;
import no.partnerskap.projections.web.ReadYourWrites;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/partnerships")
@Tag(name = "Partnerships")
class PartnershipQueryController {

    private final PartnershipQueries queries;
    private final ReadYourWrites readYourWrites;

    PartnershipQueryController(PartnershipQueries queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "All partnerships with a follow-up summary")
    @GetMapping
    List<PartnershipQueries.Summary> partnerships() {
        return queries.all();
    }

    @Operation(summary = "One partnership's follow-up dashboard data")
    @GetMapping("/{id}")
    ResponseEntity<PartnershipQueries.Detail> partnership(
            @PathVariable UUID id,
            @Parameter(description = "wait (bounded) until the read model holds at least this version, "
                    + "the ETag a write answered with")
            @RequestParam(required = false) @PositiveOrZero Long minVersion) {
        readYourWrites.await(minVersion, "Partnership", id, () -> queries.version(id));
        PartnershipQueries.Detail detail = queries.one(id).orElseThrow(() -> new NotFound("no partnership " + id));
        return ResponseEntity.ok().eTag("\"" + detail.version() + "\"").body(detail);
    }
}
