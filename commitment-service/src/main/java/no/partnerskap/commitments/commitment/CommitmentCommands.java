package no.partnerskap.commitments.commitment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.partnerskap.api.commitment.AssessmentLevel;
import no.partnerskap.api.commitment.IndicatorValue;
import no.partnerskap.api.commitment.OutcomeResult;
import no.partnerskap.api.commitment.Resource;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * What can be asked of a commitment. {@code actingOrganisationId} is the organisation a partner
 * acts for, or null when the secretariat acts; a partner may act only on its own commitments.
 */
public final class CommitmentCommands {

    private CommitmentCommands() {
    }

    public record RecordCommitment(@TargetAggregateIdentifier UUID commitmentId, UUID partnershipId,
                                   UUID organisationId, String title, String description, List<UUID> goalIds,
                                   List<Resource> resources, LocalDate dueDate, LocalDate recordedOn) {
    }

    public record ReviseCommitment(@TargetAggregateIdentifier UUID commitmentId, UUID actingOrganisationId,
                                   String title, String description, List<UUID> goalIds, List<Resource> resources,
                                   String reason, @TargetAggregateVersion Long expectedVersion) {
    }

    public record AddMilestone(@TargetAggregateIdentifier UUID commitmentId, UUID actingOrganisationId,
                               UUID milestoneId, String title, LocalDate dueDate,
                               @TargetAggregateVersion Long expectedVersion) {
    }

    public record CompleteMilestone(@TargetAggregateIdentifier UUID commitmentId, UUID actingOrganisationId,
                                    UUID milestoneId, LocalDate completedOn, LocalDate today,
                                    @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReportProgress(@TargetAggregateIdentifier UUID commitmentId, UUID actingOrganisationId,
                                 int percentComplete, String narrative, List<String> evidence, LocalDate asOf,
                                 LocalDate today, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ExtendDeadline(@TargetAggregateIdentifier UUID commitmentId, UUID actingOrganisationId,
                                 LocalDate newDueDate, String reason, LocalDate today,
                                 @TargetAggregateVersion Long expectedVersion) {
    }

    public record RequestFollowUp(@TargetAggregateIdentifier UUID commitmentId, UUID requestId, String message,
                                  LocalDate respondBy, LocalDate today, @TargetAggregateVersion Long expectedVersion) {
    }

    public record AssessCommitment(@TargetAggregateIdentifier UUID commitmentId, AssessmentLevel level,
                                   String comment, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReportOutcome(@TargetAggregateIdentifier UUID commitmentId, UUID actingOrganisationId,
                                OutcomeResult result, String narrative, List<IndicatorValue> indicatorValues,
                                List<Resource> resourcesDelivered, LocalDate asOf, LocalDate today,
                                @TargetAggregateVersion Long expectedVersion) {
    }

    public record WithdrawCommitment(@TargetAggregateIdentifier UUID commitmentId, UUID actingOrganisationId,
                                     String reason, @TargetAggregateVersion Long expectedVersion) {
    }
}
