package no.partnerskap.commitments.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import no.partnerskap.commitments.audit.CheckpointSealer.Outcome;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seals on demand, e.g. just before a council meeting, and says why when it cannot: the
 * secretariat needs to know whether what it will put in the minutes covers the latest events.
 */
@RestController
@Tag(name = "Audit")
class CheckpointController {

    private final CheckpointSealer sealer;

    CheckpointController(CheckpointSealer sealer) {
        this.sealer = sealer;
    }

    @Operation(summary = "Seal a checkpoint now over what has settled, e.g. before a council meeting (secretariat)",
            description = "201 with the new checkpoint; 200 with the latest checkpoint when every event is sealed "
                    + "already; 409 with Retry-After when the events after it have not settled yet, another "
                    + "instance is sealing, or no signing key is configured.")
    @ApiResponse(responseCode = "201", description = "The new checkpoint")
    @ApiResponse(responseCode = "200", description = "The latest checkpoint: every event is sealed already")
    @ApiResponse(responseCode = "409", description = "Not settled yet, sealing elsewhere, or no signing key; "
            + "Retry-After says when to try again",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/admin/checkpoints")
    ResponseEntity<?> sealNow() {
        Outcome outcome = sealer.seal(true);
        if (outcome instanceof Outcome.Sealed sealed) {
            return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                    .body(sealed.checkpoint());
        }
        if (outcome instanceof Outcome.UpToDate upToDate) {
            return upToDate.latest().<ResponseEntity<?>>map(latest -> ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON).body(latest)).orElseGet(() -> refused(
                    "nothing-to-seal", "Nothing to seal", "The event store holds no events yet.", null));
        }
        if (outcome instanceof Outcome.NotSettled notSettled) {
            ResponseEntity<ProblemDetail> answer = refused("not-settled", "Not settled yet", notSettled.unsealedEvents()
                    + " event(s) after the latest checkpoint have not settled: only events older than the settle "
                    + "time (" + notSettled.settleTime().toSeconds() + " s), with no older write still open, "
                    + "are sealed. Try again in " + seconds(notSettled.retryAfter()) + " s.",
                    notSettled.retryAfter());
            answer.getBody().setProperty("unsealedEvents", notSettled.unsealedEvents());
            return answer;
        }
        if (outcome instanceof Outcome.Busy) {
            return refused("busy", "Sealing in progress", "Another instance is sealing a checkpoint right now.",
                    Duration.ofSeconds(1));
        }
        if (outcome instanceof Outcome.NoSigningKey) {
            return refused("no-signing-key", "No signing key", "No checkpoint signing key is configured "
                    + "(partnerships.audit.signing-key or signing-key-file), so no checkpoints are sealed.", null);
        }
        throw new IllegalStateException("a forced seal is always due: " + outcome);
    }

    private static ResponseEntity<ProblemDetail> refused(String code, String title, String detail, Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(URI.create("urn:partnerships:checkpoint:" + code));
        problem.setTitle(title);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CONFLICT);
        if (retryAfter != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
        }
        return answer.body(problem);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
