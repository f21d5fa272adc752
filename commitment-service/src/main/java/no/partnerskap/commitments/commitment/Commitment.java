package no.partnerskap.commitments.commitment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentAssessed;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRevised;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentWithdrawn;
import no.partnerskap.api.commitment.CommitmentEvent.DeadlineExtended;
import no.partnerskap.api.commitment.CommitmentEvent.FollowUpRequested;
import no.partnerskap.api.commitment.CommitmentEvent.MilestoneAdded;
import no.partnerskap.api.commitment.CommitmentEvent.MilestoneCompleted;
import no.partnerskap.api.commitment.CommitmentEvent.OutcomeReported;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import no.partnerskap.api.commitment.IndicatorValue;
import no.partnerskap.api.commitment.Resource;
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
import no.partnerskap.commitments.partnership.PartnershipDirectory;
import no.partnerskap.commitments.shared.NotFound;
import no.partnerskap.commitments.shared.NotPermitted;
import no.partnerskap.commitments.shared.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

/** One organisation's promise within a partnership, and every report on it until it closes. */
// the shape of its snapshots: raise it when the fields change, and a snapshot of an older shape is set aside
// (the aggregate is then loaded from its events) instead of filling the new fields with nothing
@Revision("2")
public class Commitment {

    @AggregateIdentifier
    private UUID commitmentId;
    private UUID partnershipId;
    private UUID organisationId;
    private LocalDate dueDate;
    private LocalDate recordedOn;
    private String title;
    private String description;
    private List<UUID> goalIds;
    private List<Resource> resources;
    private boolean closed;
    private Map<UUID, Boolean> milestonesCompleted = new HashMap<>();

    protected Commitment() {
        // for Axon
    }

    @CommandHandler
    public Commitment(RecordCommitment command, PartnershipDirectory partnerships) {
        if (partnerships.kindOf(command.partnershipId()).isEmpty()) {
            throw new NotFound("partnership-must-exist", "no partnership " + command.partnershipId());
        }
        // membership first: its answer holds a departure or conclusion off until this commitment is stored
        boolean member = partnerships.isActiveMember(command.partnershipId(), command.organisationId());
        requirePartnershipNotConcluded(partnerships, command.partnershipId());
        if (!member) {
            throw new RuleViolation("only-active-members-commit",
                    "organisation " + command.organisationId() + " is not an active member of the partnership");
        }
        requireGoalsOf(partnerships, command.partnershipId(), command.goalIds());
        if (command.dueDate().isBefore(command.recordedOn())) {
            throw new RuleViolation("due-date-not-before-recording",
                    "due date " + command.dueDate() + " is before the recording date " + command.recordedOn());
        }
        apply(new CommitmentRecorded(command.commitmentId(), command.partnershipId(), command.organisationId(),
                command.title(), command.description(), List.copyOf(command.goalIds()),
                List.copyOf(command.resources()), command.dueDate(), command.recordedOn()));
    }

    @CommandHandler
    public void handle(ReviseCommitment command, PartnershipDirectory partnerships) {
        requireActor(command.actingOrganisationId());
        requirePromiseFromAMember(partnerships, command.actingOrganisationId());
        requirePartnershipNotConcluded(partnerships, partnershipId);
        requireOpen();
        requireGoalsOf(partnerships, partnershipId, command.goalIds());
        if (command.title().equals(title) && Objects.equals(command.description(), description)
                && Set.copyOf(command.goalIds()).equals(Set.copyOf(goalIds))
                && sameAmounts(command.resources(), resources)) {
            // it would stand in the history, with its reason, as a change that was none
            throw new RuleViolation("revision-changes-the-commitment",
                    "the commitment has this title, description, goals and resources already");
        }
        apply(new CommitmentRevised(commitmentId, partnershipId, organisationId, command.title(),
                command.description(), List.copyOf(command.goalIds()), List.copyOf(command.resources()),
                command.reason()));
    }

    @CommandHandler
    public void handle(AddMilestone command, PartnershipDirectory partnerships) {
        requireActor(command.actingOrganisationId());
        requirePromiseFromAMember(partnerships, command.actingOrganisationId());
        requirePartnershipNotConcluded(partnerships, partnershipId);
        requireOpen();
        if (milestonesCompleted.containsKey(command.milestoneId())) {
            throw new RuleViolation("milestone-added-once", "milestone " + command.milestoneId() + " already exists");
        }
        // a step towards the promise falls due with it at the latest: a later one extends the deadline first
        if (command.dueDate() != null && command.dueDate().isBefore(recordedOn)) {
            throw new RuleViolation("milestone-not-due-before-recording", "milestone due " + command.dueDate()
                    + " is before the commitment was recorded on " + recordedOn);
        }
        if (command.dueDate() != null && command.dueDate().isAfter(dueDate)) {
            throw new RuleViolation("milestone-due-by-the-deadline", "milestone due " + command.dueDate()
                    + " is after the commitment's due date " + dueDate + ": extend the deadline first");
        }
        apply(new MilestoneAdded(commitmentId, partnershipId, organisationId, command.milestoneId(), command.title(),
                command.dueDate()));
    }

    @CommandHandler
    public void handle(CompleteMilestone command, PartnershipDirectory partnerships) {
        requireActor(command.actingOrganisationId());
        requirePartnershipNotConcluded(partnerships, partnershipId);
        requireOpen();
        Boolean completed = milestonesCompleted.get(command.milestoneId());
        if (completed == null) {
            throw new NotFound("milestone-must-exist", "no milestone " + command.milestoneId());
        }
        if (completed) {
            throw new RuleViolation("milestone-completes-once", "milestone " + command.milestoneId()
                    + " is already completed");
        }
        // as a report: what has happened, not what is planned, and since the commitment was made
        requireNotFromTheFuture(command.completedOn(), command.today());
        requireNotBeforeRecording("report-not-before-recording", "a milestone", command.completedOn());
        apply(new MilestoneCompleted(commitmentId, partnershipId, organisationId, command.milestoneId(),
                command.completedOn()));
    }

    @CommandHandler
    public void handle(ReportProgress command, PartnershipDirectory partnerships) {
        requireActor(command.actingOrganisationId());
        requirePartnershipNotConcluded(partnerships, partnershipId);
        requireOpen();
        if (command.percentComplete() < 0 || command.percentComplete() > 100) {
            throw new RuleViolation("progress-between-0-and-100", "progress must be 0 to 100 percent");
        }
        requireNotFromTheFuture(command.asOf(), command.today());
        requireNotBeforeRecording("report-not-before-recording", "progress", command.asOf());
        apply(new ProgressReported(commitmentId, partnershipId, organisationId, command.percentComplete(),
                command.narrative(), List.copyOf(command.evidence()), command.asOf()));
    }

    @CommandHandler
    public void handle(ExtendDeadline command, PartnershipDirectory partnerships) {
        requireActor(command.actingOrganisationId());
        requirePromiseFromAMember(partnerships, command.actingOrganisationId());
        requirePartnershipNotConcluded(partnerships, partnershipId);
        requireOpen();
        if (!command.newDueDate().isAfter(dueDate)) {
            throw new RuleViolation("extension-must-be-later",
                    "the new due date " + command.newDueDate() + " is not after " + dueDate);
        }
        // one that has passed leaves the commitment overdue all the same, and only makes it look less late
        if (command.newDueDate().isBefore(command.today())) {
            throw new RuleViolation("extension-lies-ahead", "the new due date " + command.newDueDate()
                    + " has passed: extend to today or later, or report the outcome");
        }
        apply(new DeadlineExtended(commitmentId, partnershipId, organisationId, dueDate, command.newDueDate(),
                command.reason()));
    }

    @CommandHandler
    public void handle(RequestFollowUp command, PartnershipDirectory partnerships) {
        requirePartnershipNotConcluded(partnerships, partnershipId);
        requireOpen();
        if (command.respondBy() != null && command.respondBy().isBefore(command.today())) {
            throw new RuleViolation("respond-by-lies-ahead", "the date to respond by, " + command.respondBy()
                    + ", has passed: give today or a later date, or none");
        }
        apply(new FollowUpRequested(commitmentId, partnershipId, organisationId, command.requestId(),
                command.message(), command.respondBy()));
    }

    /** The one thing a closed commitment still accepts (while its partnership lasts): the secretariat's view of it. */
    @CommandHandler
    public void handle(AssessCommitment command, PartnershipDirectory partnerships) {
        // a closed commitment, which the conclusion does not wait for, still takes assessments until it comes
        partnerships.holdOffConclusion(partnershipId);
        requirePartnershipNotConcluded(partnerships, partnershipId);
        apply(new CommitmentAssessed(commitmentId, partnershipId, organisationId, command.level(),
                command.comment()));
    }

    @CommandHandler
    public void handle(ReportOutcome command, PartnershipDirectory partnerships) {
        requireActor(command.actingOrganisationId());
        requirePartnershipNotConcluded(partnerships, partnershipId);
        requireOpen();
        requireNotFromTheFuture(command.asOf(), command.today());
        // fulfilled on time is judged by the outcome's date: not one from before anything was promised
        requireNotBeforeRecording("outcome-not-before-recording", "an outcome", command.asOf());
        for (IndicatorValue value : command.indicatorValues()) {
            if (!goalIds.contains(value.goalId())) {
                throw new RuleViolation("indicator-values-for-served-goals",
                        "goal " + value.goalId() + " is not one this commitment serves");
            }
        }
        apply(new OutcomeReported(commitmentId, partnershipId, organisationId, command.result(), command.narrative(),
                List.copyOf(command.indicatorValues()), List.copyOf(command.resourcesDelivered()), command.asOf()));
    }

    @CommandHandler
    public void handle(WithdrawCommitment command, PartnershipDirectory partnerships) {
        requireActor(command.actingOrganisationId());
        requirePartnershipNotConcluded(partnerships, partnershipId);
        requireOpen();
        apply(new CommitmentWithdrawn(commitmentId, partnershipId, organisationId, command.reason()));
    }

    private void requireActor(UUID actingOrganisationId) {
        if (actingOrganisationId != null && !actingOrganisationId.equals(organisationId)) {
            throw new NotPermitted("partners-act-on-own-commitments",
                    "this commitment belongs to another organisation");
        }
    }

    /**
     * A revision, a milestone and a later deadline promise something anew: as a commitment is recorded only by
     * an active member, a partner that has left makes none (it still reports on its commitments, or withdraws
     * them, and the secretariat may still change them). Asked first, as at recording: the answer holds the
     * partner's departure off until this is stored.
     */
    private void requirePromiseFromAMember(PartnershipDirectory partnerships, UUID actingOrganisationId) {
        if (actingOrganisationId != null && !partnerships.isActiveMember(partnershipId, organisationId)) {
            throw new RuleViolation("only-active-members-promise", "organisation " + organisationId
                    + " has left the partnership: it reports on this commitment or withdraws it, and makes no new"
                    + " promise in it");
        }
    }

    /**
     * A report is about the commitment, which did not exist before it was recorded: a report dated earlier
     * would make the reporting lag (and, for an outcome, "fulfilled on time") count from before the promise.
     */
    private void requireNotBeforeRecording(String rule, String what, LocalDate asOf) {
        if (asOf.isBefore(recordedOn)) {
            throw new RuleViolation(rule, what + " cannot be dated " + asOf + ", before the commitment was recorded on "
                    + recordedOn);
        }
    }

    private static void requireNotFromTheFuture(LocalDate asOf, LocalDate today) {
        if (asOf.isAfter(today)) {
            throw new RuleViolation("report-not-from-the-future", "a report cannot be true as of a future date");
        }
    }

    /** Nothing but reading happens in a concluded partnership, to its commitments either. */
    private static void requirePartnershipNotConcluded(PartnershipDirectory partnerships, UUID partnershipId) {
        if (partnerships.isConcluded(partnershipId)) {
            throw new RuleViolation("concluded-partnership-is-read-only",
                    "partnership " + partnershipId + " has concluded; it and its commitments can only be read");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new RuleViolation("closed-commitment-accepts-only-assessments",
                    "commitment " + commitmentId + " is closed; only assessments are accepted");
        }
    }

    private static void requireGoalsOf(PartnershipDirectory partnerships, UUID partnershipId, List<UUID> goalIds) {
        for (UUID goalId : goalIds) {
            if (!partnerships.hasGoal(partnershipId, goalId)) {
                throw new RuleViolation("goals-must-exist-in-partnership",
                        "goal " + goalId + " is not a goal of partnership " + partnershipId);
            }
        }
    }

    @EventSourcingHandler
    void on(CommitmentRecorded event) {
        commitmentId = event.commitmentId();
        partnershipId = event.partnershipId();
        organisationId = event.organisationId();
        dueDate = event.dueDate();
        title = event.title();
        description = event.description();
        goalIds = event.goalIds();
        resources = event.resources();
        recordedOn = event.recordedOn();
    }

    @EventSourcingHandler
    void on(CommitmentRevised event) {
        title = event.title();
        description = event.description();
        goalIds = event.goalIds();
        resources = event.resources();
    }

    /** The same lines in the same order, amounts compared by value (2000000 is 2000000.00). */
    /**
     * The same pledge however its lines are listed: every read adds lines up by kind and unit, so a revision that
     * lists them in another order, or splits one line into two of the same kind and unit, changes nothing.
     */
    private static boolean sameAmounts(List<Resource> revised, List<Resource> current) {
        return pledged(revised).equals(pledged(current));
    }

    private static Map<String, BigDecimal> pledged(List<Resource> resources) {
        return resources.stream().collect(Collectors.groupingBy(r -> r.kind() + " " + r.unit(), Collectors.reducing(
                BigDecimal.ZERO, r -> r.amount() == null ? BigDecimal.ZERO : r.amount(), BigDecimal::add)))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stripTrailingZeros()));
    }

    @EventSourcingHandler
    void on(MilestoneAdded event) {
        milestonesCompleted.put(event.milestoneId(), false);
    }

    @EventSourcingHandler
    void on(MilestoneCompleted event) {
        milestonesCompleted.put(event.milestoneId(), true);
    }

    @EventSourcingHandler
    void on(DeadlineExtended event) {
        dueDate = event.newDueDate();
    }

    @EventSourcingHandler
    void on(OutcomeReported event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(CommitmentWithdrawn event) {
        closed = true;
    }
}
