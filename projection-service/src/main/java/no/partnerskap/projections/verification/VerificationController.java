package no.partnerskap.projections.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import no.partnerskap.audit.Checkpoint;
import no.partnerskap.audit.EventRecord;
import no.partnerskap.audit.Hashes;
import no.partnerskap.audit.MerkleTree;
import no.partnerskap.audit.Verifier;
import no.partnerskap.projections.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Integrity of the stored history: verify every hash chain and checkpoint, publish the
 * checkpoints and keys, and prove a single event's inclusion in a checkpoint.
 */
@RestController
@Tag(name = "Audit")
class VerificationController {

    record Checkpoints(List<Checkpoint> checkpoints, List<StoredHistory.PublishedKey> publicKeys) {
    }

    /**
     * The Merkle path from one event's stored hash to its checkpoint's root (RFC 6962 / 9162). The path proves the
     * stored hash sealed, not the event as it now reads: {@code hashMatches} says whether it still gives that hash.
     */
    record InclusionProof(EventRecord event,
                          @Schema(description = "whether the event as now stored still gives its stored hash, the "
                                  + "one the path leads from: false when it was changed after it was stored")
                          boolean hashMatches, Checkpoint checkpoint, long leafIndex, long treeSize,
                          List<String> path) {
    }

    private final StoredHistory history;
    private final CheckpointWitness witness;

    VerificationController(StoredHistory history, CheckpointWitness witness) {
        this.history = history;
        this.witness = witness;
    }

    @Operation(summary = "Check every hash chain and every signed checkpoint of the stored history (auditor)")
    @GetMapping("/api/audit/verify")
    @Transactional(readOnly = true)
    Verifier.Result verify() {
        List<Checkpoint> checkpoints = history.checkpoints();
        List<StoredHistory.PublishedKey> published = history.publishedKeys();
        Verifier verifier = new Verifier(checkpoints, StoredHistory.keys(published));
        witness.differences(checkpoints, published).forEach(verifier::problem);
        history.allEvents(verifier::accept);
        return verifier.finish();
    }

    @Operation(summary = "The sealed checkpoints and the public keys that signed them, for the council's minutes")
    @GetMapping("/api/audit/checkpoints")
    @Transactional(readOnly = true)
    Checkpoints checkpoints() {
        return new Checkpoints(history.checkpoints(), history.publishedKeys());
    }

    @Operation(summary = "Proof that one event is included in a signed checkpoint, checkable without the export")
    @ApiResponse(responseCode = "200", description = "The Merkle path from the event's stored hash to its "
            + "checkpoint's root", content = @Content(schema = @Schema(implementation = InclusionProof.class)))
    @ApiResponse(responseCode = "409", description = "No checkpoint seals the event yet "
            + "(type urn:partnerships:audit:not-sealed)", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/audit/events/{globalIndex}/proof")
    @Transactional(readOnly = true)
    ResponseEntity<?> proof(@PathVariable long globalIndex) {
        EventRecord event = history.event(globalIndex).orElseThrow(() -> new NotFound("no event at " + globalIndex));
        Checkpoint checkpoint = history.sealing(globalIndex).orElse(null);
        if (checkpoint == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "event " + globalIndex + " is not sealed by a checkpoint yet");
            problem.setTitle("Not yet sealed");
            problem.setType(java.net.URI.create("urn:partnerships:audit:not-sealed"));
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        // only the hashes are kept: a checkpoint may seal a hundred thousand events and more
        List<byte[]> leaves = new ArrayList<>();
        int[] index = {-1};
        history.events(checkpoint.fromPosition(), checkpoint.toPosition(), sealed -> {
            if (sealed.globalIndex() == globalIndex) {
                index[0] = leaves.size();
            }
            leaves.add(Hashes.unhex(sealed.eventHash()));
        });
        List<String> path = MerkleTree.inclusionProof(leaves, index[0]).stream().map(Hashes::hex).toList();
        return ResponseEntity.ok(new InclusionProof(event, event.hashMatches(), checkpoint, index[0], leaves.size(),
                path));
    }
}
