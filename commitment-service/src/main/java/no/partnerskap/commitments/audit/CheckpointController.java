package no.partnerskap.commitments.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit")
class CheckpointController {

    private final CheckpointSealer sealer;

    CheckpointController(CheckpointSealer sealer) {
        this.sealer = sealer;
    }

    @Operation(summary = "Seal a checkpoint now over what has settled, e.g. before a council meeting (secretariat)")
    @PostMapping("/admin/checkpoints")
    ResponseEntity<?> sealNow() {
        return sealer.seal(true).<ResponseEntity<?>>map(c -> ResponseEntity.status(201).body(c))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }
}
