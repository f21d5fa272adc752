package no.partnerskap.commitments.commitment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import no.partnerskap.api.common.VisibleText;
import no.partnerskap.commitments.commitment.CommitmentCommands.AddMilestone;
import no.partnerskap.commitments.commitment.CommitmentCommands.AssessCommitment;
import no.partnerskap.commitments.commitment.CommitmentCommands.CompleteMilestone;
import no.partnerskap.commitments.commitment.CommitmentCommands.ExtendDeadline;
import no.partnerskap.commitments.commitment.CommitmentCommands.RecordCommitment;
import no.partnerskap.commitments.commitment.CommitmentCommands.ReportOutcome;
import no.partnerskap.commitments.commitment.CommitmentCommands.ReportProgress;
import no.partnerskap.commitments.commitment.CommitmentCommands.RequestFollowUp;
import no.partnerskap.commitments.commitment.CommitmentCommands.ReviseCommitment;
import no.partnerskap.commitments.commitment.CommitmentCommands.WithdrawCommitment;
import no.partnerskap.commitments.web.CommandRunner;
import no.partnerskap.commitments.web.WriteContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Commitments")
class CommitmentController {

    private final CommandRunner commands;
    private final Clock clock;

    CommitmentController(CommandRunner commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Operation(summary = "Record a commitment (a partner for its own organisation, or the secretariat)")
    @PostMapping("/api/partnerships/{partnershipId}/commitments")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Map<String, Object>> record(WriteContext context, @PathVariable UUID partnershipId,
                                               @Valid @RequestBody CommitmentRequests.Record request) {
        context.requirePartnerFor(request.organisationId());
        context.requireNoVersionNamed();
        UUID id = UUID.randomUUID();
        return commands.create(context, new RecordCommitment(id, partnershipId, request.organisationId(),
                        request.title(), textOrNone(request.description()), orEmpty(request.goalIds()),
                        CommitmentRequests.ResourceAmount.all(request.resources()), request.dueDate(), today()),
                null, "id", id, created -> URI.create("/api/commitments/" + created));
    }

    @Operation(summary = "Revise a commitment, with the reason")
    @PostMapping("/api/commitments/{id}/revision")
    ResponseEntity<Map<String, Object>> revise(WriteContext context, @PathVariable UUID id,
                                               @Valid @RequestBody CommitmentRequests.Revision request) {
        return commands.update(context, new ReviseCommitment(id, context.partnerActingFor(), request.title(),
                textOrNone(request.description()), orEmpty(request.goalIds()),
                CommitmentRequests.ResourceAmount.all(request.resources()), request.reason(),
                context.expectedVersion()), request.reason());
    }

    @Operation(summary = "Add a milestone")
    @PostMapping("/api/commitments/{id}/milestones")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Map<String, Object>> addMilestone(WriteContext context, @PathVariable UUID id,
                                                     @Valid @RequestBody CommitmentRequests.Milestone request) {
        UUID milestoneId = UUID.randomUUID();
        return commands.create(context, new AddMilestone(id, context.partnerActingFor(), milestoneId, request.title(),
                        request.dueDate(), context.expectedVersion()),
                null, "milestoneId", milestoneId,
                created -> URI.create("/api/commitments/" + id));
    }

    @Operation(summary = "Complete a milestone")
    @PostMapping("/api/commitments/{id}/milestones/{milestoneId}/completion")
    ResponseEntity<Map<String, Object>> completeMilestone(
            WriteContext context, @PathVariable UUID id, @PathVariable UUID milestoneId,
            @Valid @RequestBody(required = false) CommitmentRequests.MilestoneCompletion request) {
        LocalDate completedOn = request == null || request.completedOn() == null ? today() : request.completedOn();
        return commands.update(context, new CompleteMilestone(id, context.partnerActingFor(), milestoneId,
                completedOn, today(), context.expectedVersion()), null, completedOn.toString());
    }

    @Operation(summary = "Report progress: percent complete as of a date")
    @PostMapping("/api/commitments/{id}/progress-reports")
    ResponseEntity<Map<String, Object>> reportProgress(WriteContext context, @PathVariable UUID id,
                                                       @Valid @RequestBody CommitmentRequests.ProgressReport request) {
        return commands.update(context, new ReportProgress(id, context.partnerActingFor(),
                request.percentComplete(), request.narrative(), orEmpty(request.evidence()), request.asOf(), today(),
                context.expectedVersion()), null, request.asOf().toString());
    }

    @Operation(summary = "Extend the deadline to a later date, with the reason")
    @PostMapping("/api/commitments/{id}/deadline-extension")
    ResponseEntity<Map<String, Object>> extendDeadline(WriteContext context, @PathVariable UUID id,
                                                       @Valid @RequestBody CommitmentRequests.DeadlineExtension request) {
        return commands.update(context, new ExtendDeadline(id, context.partnerActingFor(), request.newDueDate(),
                request.reason(), today(), context.expectedVersion()), request.reason());
    }

    @Operation(summary = "Ask the partner to report (secretariat)")
    @PostMapping("/api/commitments/{id}/follow-up-requests")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Map<String, Object>> requestFollowUp(WriteContext context, @PathVariable UUID id,
                                                        @Valid @RequestBody CommitmentRequests.FollowUpRequest request) {
        context.requireSecretariat();
        UUID requestId = UUID.randomUUID();
        return commands.create(context, new RequestFollowUp(id, requestId, request.message(), request.respondBy(),
                        today(), context.expectedVersion()),
                null, "requestId", requestId,
                created -> URI.create("/api/commitments/" + id));
    }

    @Operation(summary = "Assess a commitment (secretariat); also after it closed")
    @PostMapping("/api/commitments/{id}/assessments")
    ResponseEntity<Map<String, Object>> assess(WriteContext context, @PathVariable UUID id,
                                               @Valid @RequestBody CommitmentRequests.Assessment request) {
        context.requireSecretariat();
        return commands.update(context, new AssessCommitment(id, request.level(), request.comment(),
                context.expectedVersion()), null);
    }

    @Operation(summary = "Report the outcome; closes the commitment")
    @PostMapping("/api/commitments/{id}/outcome")
    ResponseEntity<Map<String, Object>> reportOutcome(WriteContext context, @PathVariable UUID id,
                                                      @Valid @RequestBody CommitmentRequests.Outcome request) {
        LocalDate asOf = Objects.requireNonNullElseGet(request.asOf(), this::today);
        return commands.update(context, new ReportOutcome(id, context.partnerActingFor(), request.result(),
                request.narrative(), request.indicators(),
                CommitmentRequests.ResourceAmount.all(request.resourcesDelivered()), asOf, today(),
                context.expectedVersion()), null, asOf.toString());
    }

    @Operation(summary = "Withdraw the commitment, with the reason; closes it")
    @PostMapping("/api/commitments/{id}/withdrawal")
    ResponseEntity<Map<String, Object>> withdraw(WriteContext context, @PathVariable UUID id,
                                                 @Valid @RequestBody CommitmentRequests.Withdrawal request) {
        return commands.update(context, new WithdrawCommitment(id, context.partnerActingFor(), request.reason(),
                context.expectedVersion()), request.reason());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A description with nothing visible is none: stored as such, and a revision to it changes nothing shown. */
    private static String textOrNone(String text) {
        return text == null || VisibleText.isBlank(text) ? null : text;
    }
}
