package no.partnerskap.projections.sdg;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "SDG coverage")
class SdgController {

    private final SdgCoverage coverage;

    SdgController(SdgCoverage coverage) {
        this.coverage = coverage;
    }

    @Operation(summary = "Coverage of each SDG goal and target by partnerships, goals, commitments and resources")
    @GetMapping("/api/sdg")
    List<SdgCoverage.GoalCoverage> coverage() {
        return coverage.coverage();
    }
}
