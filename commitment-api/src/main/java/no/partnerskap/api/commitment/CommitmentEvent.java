package no.partnerskap.api.commitment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happened to a commitment. Every event names its partnership and the committed
 * organisation, so read models need no lookups.
 */
public sealed interface CommitmentEvent {

    UUID commitmentId();

    UUID partnershipId();

    UUID organisationId();

    record CommitmentRecorded(UUID commitmentId, UUID partnershipId, UUID organisationId, String title,
                              String description, List<UUID> goalIds, List<Resource> resources,
                              LocalDate dueDate, LocalDate recordedOn) implements CommitmentEvent {
    }

    record CommitmentRevised(UUID commitmentId, UUID partnershipId, UUID organisationId, String title,
                             String description, List<UUID> goalIds, List<Resource> resources,
                             String reason) implements CommitmentEvent {
    }

    record MilestoneAdded(UUID commitmentId, UUID partnershipId, UUID organisationId, UUID milestoneId,
                          String title, LocalDate dueDate) implements CommitmentEvent {
    }

    record MilestoneCompleted(UUID commitmentId, UUID partnershipId, UUID organisationId, UUID milestoneId,
                              LocalDate completedOn) implements CommitmentEvent {
    }

    /** {@code asOf} is when the report was true; the event's timestamp is when it was recorded. */
    record ProgressReported(UUID commitmentId, UUID partnershipId, UUID organisationId, int percentComplete,
                            String narrative, List<String> evidence, LocalDate asOf) implements CommitmentEvent {
    }

    record DeadlineExtended(UUID commitmentId, UUID partnershipId, UUID organisationId, LocalDate previousDueDate,
                            LocalDate newDueDate, String reason) implements CommitmentEvent {
    }

    record FollowUpRequested(UUID commitmentId, UUID partnershipId, UUID organisationId, UUID requestId,
                             String message, LocalDate respondBy) implements CommitmentEvent {
    }

    record CommitmentAssessed(UUID commitmentId, UUID partnershipId, UUID organisationId, AssessmentLevel level,
                              String comment) implements CommitmentEvent {
    }

    /** The final report: closes the commitment. */
    record OutcomeReported(UUID commitmentId, UUID partnershipId, UUID organisationId, OutcomeResult result,
                           String narrative, List<IndicatorValue> indicatorValues,
                           List<Resource> resourcesDelivered, LocalDate asOf) implements CommitmentEvent {
    }

    record CommitmentWithdrawn(UUID commitmentId, UUID partnershipId, UUID organisationId, String reason)
            implements CommitmentEvent {
    }
}
