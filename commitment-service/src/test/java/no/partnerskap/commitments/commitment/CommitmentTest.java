package no.partnerskap.commitments.commitment;

import static no.partnerskap.commitments.shared.Violations.violates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import no.partnerskap.api.commitment.AssessmentLevel;
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
import no.partnerskap.api.commitment.OutcomeResult;
import no.partnerskap.api.commitment.Resource;
import no.partnerskap.api.commitment.ResourceKind;
import no.partnerskap.api.partnership.PartnershipKind;
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
import no.partnerskap.commitments.partnership.InMemoryPartnershipDirectory;
import no.partnerskap.commitments.shared.NotFound;
import no.partnerskap.commitments.shared.NotPermitted;
import no.partnerskap.commitments.shared.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommitmentTest {

    private static final UUID COMMITMENT = UUID.randomUUID();
    private static final UUID PARTNERSHIP = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID OTHER_MEMBER = UUID.randomUUID();
    private static final UUID GOAL = UUID.randomUUID();
    private static final UUID OTHER_GOAL = UUID.randomUUID();
    private static final UUID FOREIGN_GOAL = UUID.randomUUID();
    private static final UUID MILESTONE = UUID.randomUUID();
    private static final UUID REQUEST = UUID.randomUUID();
    private static final UUID SECRETARIAT = null;

    private static final LocalDate RECORDED_ON = LocalDate.of(2025, 3, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 6, 30);
    private static final LocalDate TODAY = LocalDate.of(2025, 9, 15);
    private static final List<Resource> RESOURCES =
            List.of(new Resource(ResourceKind.FUNDING, new BigDecimal("250000"), "NOK"));

    private FixtureConfiguration<Commitment> fixture;
    private InMemoryPartnershipDirectory partnerships;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        partnerships = new InMemoryPartnershipDirectory();
        partnerships.add(PARTNERSHIP, PartnershipKind.STRATEGIC);
        partnerships.admit(PARTNERSHIP, MEMBER);
        partnerships.admit(PARTNERSHIP, OTHER_MEMBER);
        partnerships.defineGoal(PARTNERSHIP, GOAL);
        partnerships.defineGoal(PARTNERSHIP, OTHER_GOAL);
        fixture.registerInjectableResource(partnerships);
    }

    // ---- record ----------------------------------------------------------------------------

    @Test
    void record_commitment() {
        fixture.givenNoPriorActivity()
                .when(record(DUE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded());
    }

    @Test
    void due_date_may_be_the_recording_date() {
        fixture.givenNoPriorActivity()
                .when(record(RECORDED_ON))
                .expectEvents(new CommitmentRecorded(COMMITMENT, PARTNERSHIP, MEMBER, "Charge points",
                        "Ten public charge points", List.of(GOAL), RESOURCES, RECORDED_ON, RECORDED_ON));
    }

    @Test
    void due_date_not_before_recording() {
        fixture.givenNoPriorActivity()
                .when(record(RECORDED_ON.minusDays(1)))
                .expectException(violates(RuleViolation.class, "due-date-not-before-recording"))
                .expectNoEvents();
    }

    @Test
    void partnership_must_exist() {
        UUID unknown = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new RecordCommitment(COMMITMENT, unknown, MEMBER, "Charge points", "Ten public charge points",
                        List.of(), RESOURCES, DUE, RECORDED_ON))
                .expectException(violates(NotFound.class, "partnership-must-exist"))
                .expectNoEvents();
    }

    @Test
    void concluded_partnership_is_read_only() {
        partnerships.conclude(PARTNERSHIP);

        fixture.givenNoPriorActivity()
                .when(record(DUE))
                .expectException(violates(RuleViolation.class, "concluded-partnership-is-read-only"))
                .expectNoEvents();
    }

    /** Nothing but reading happens after a partnership concludes: not to its commitments either. */
    @Test
    void a_commitment_of_a_concluded_partnership_is_read_only() {
        partnerships.conclude(PARTNERSHIP);

        fixture.given(recorded())
                .when(new ReportProgress(COMMITMENT, MEMBER, 40, "after the end", List.of(), TODAY, TODAY, null))
                .expectException(violates(RuleViolation.class, "concluded-partnership-is-read-only"))
                .expectNoEvents();
        fixture.given(recorded())
                .when(new AssessCommitment(COMMITMENT, AssessmentLevel.LIMITED, "after the end", null))
                .expectException(violates(RuleViolation.class, "concluded-partnership-is-read-only"))
                .expectNoEvents();
        fixture.given(recorded())
                .when(new WithdrawCommitment(COMMITMENT, MEMBER, "after the end", null))
                .expectException(violates(RuleViolation.class, "concluded-partnership-is-read-only"))
                .expectNoEvents();
    }

    @Test
    void only_active_members_commit() {
        partnerships.depart(PARTNERSHIP, MEMBER);

        fixture.givenNoPriorActivity()
                .when(record(DUE))
                .expectException(violates(RuleViolation.class, "only-active-members-commit"))
                .expectNoEvents();
    }

    @Test
    void goals_must_exist_in_partnership() {
        fixture.givenNoPriorActivity()
                .when(new RecordCommitment(COMMITMENT, PARTNERSHIP, MEMBER, "Charge points",
                        "Ten public charge points", List.of(GOAL, FOREIGN_GOAL), RESOURCES, DUE, RECORDED_ON))
                .expectException(violates(RuleViolation.class, "goals-must-exist-in-partnership"))
                .expectNoEvents();
    }

    // ---- revise ----------------------------------------------------------------------------

    @Test
    void revise_commitment() {
        fixture.given(recorded())
                .when(new ReviseCommitment(COMMITMENT, MEMBER, "More charge points", "Twenty",
                        List.of(GOAL, OTHER_GOAL), List.of(), "extra funding", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CommitmentRevised(COMMITMENT, PARTNERSHIP, MEMBER, "More charge points", "Twenty",
                        List.of(GOAL, OTHER_GOAL), List.of(), "extra funding"));
    }

    @Test
    void goals_must_exist_in_partnership_when_revising() {
        fixture.given(recorded())
                .when(new ReviseCommitment(COMMITMENT, MEMBER, "More charge points", "Twenty",
                        List.of(FOREIGN_GOAL), RESOURCES, "extra funding", null))
                .expectException(violates(RuleViolation.class, "goals-must-exist-in-partnership"))
                .expectNoEvents();
    }

    @Test
    void a_partner_that_has_left_makes_no_new_promise_but_reports_and_the_secretariat_may_still_revise() {
        partnerships.depart(PARTNERSHIP, MEMBER);
        fixture.given(recorded())
                .when(new ReviseCommitment(COMMITMENT, MEMBER, "More charge points", "Twenty", List.of(GOAL),
                        RESOURCES, "more money", null))
                .expectException(violates(RuleViolation.class, "only-active-members-promise"))
                .expectNoEvents();
        fixture.given(recorded())
                .when(new ExtendDeadline(COMMITMENT, MEMBER, DUE.plusMonths(3), "supplier delay", TODAY, null))
                .expectException(violates(RuleViolation.class, "only-active-members-promise"))
                .expectNoEvents();
        fixture.given(recorded())
                .when(new AddMilestone(COMMITMENT, MEMBER, MILESTONE, "Sites chosen", LocalDate.of(2025, 12, 1), null))
                .expectException(violates(RuleViolation.class, "only-active-members-promise"))
                .expectNoEvents();
        fixture.given(recorded())
                .when(new ReportProgress(COMMITMENT, MEMBER, 40, "still at it", List.of(), TODAY, TODAY, null))
                .expectSuccessfulHandlerExecution();
        fixture.given(recorded())
                .when(new ReviseCommitment(COMMITMENT, SECRETARIAT, "Corrected", "Twenty", List.of(GOAL),
                        RESOURCES, "corrected by the secretariat", null))
                .expectSuccessfulHandlerExecution();
    }

    // ---- milestones ------------------------------------------------------------------------

    @Test
    void add_milestone() {
        fixture.given(recorded())
                .when(new AddMilestone(COMMITMENT, MEMBER, MILESTONE, "Sites chosen", LocalDate.of(2025, 12, 1), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MilestoneAdded(COMMITMENT, PARTNERSHIP, MEMBER, MILESTONE, "Sites chosen",
                        LocalDate.of(2025, 12, 1)));
    }

    @Test
    void milestone_added_once() {
        fixture.given(recorded(), new MilestoneAdded(COMMITMENT, PARTNERSHIP, MEMBER, MILESTONE, "Sites chosen",
                        LocalDate.of(2025, 12, 1)), new MilestoneCompleted(COMMITMENT, PARTNERSHIP, MEMBER, MILESTONE,
                        LocalDate.of(2025, 11, 1)))
                .when(new AddMilestone(COMMITMENT, MEMBER, MILESTONE, "Sites chosen", LocalDate.of(2025, 12, 1), null))
                .expectException(violates(RuleViolation.class, "milestone-added-once"))
                .expectNoEvents();
    }

    /** A revision that changes nothing would stand in the history as a change: refused, amounts compared by value. */
    @Test
    void a_revision_that_changes_nothing_is_refused() {
        List<Resource> sameByValue = RESOURCES.stream().map(r -> new Resource(r.kind(),
                r.amount().setScale(r.amount().scale() + 2), r.unit())).toList();
        fixture.given(recorded())
                .when(new ReviseCommitment(COMMITMENT, MEMBER, "Charge points", "Ten public charge points",
                        List.of(GOAL), sameByValue, "no change", null))
                .expectException(violates(RuleViolation.class, "revision-changes-the-commitment"))
                .expectNoEvents();
        fixture.given(recorded())
                .when(new ReviseCommitment(COMMITMENT, MEMBER, "Charge points", "Twelve public charge points",
                        List.of(GOAL), RESOURCES, "two more", null))
                .expectEvents(new CommitmentRevised(COMMITMENT, PARTNERSHIP, MEMBER, "Charge points",
                        "Twelve public charge points", List.of(GOAL), RESOURCES, "two more"));
    }

    /** The same pledge listed in another order, or a line split in two, changes nothing; more of it does. */
    @Test
    void a_revision_that_only_reorders_the_resources_is_refused() {
        Resource funding = new Resource(ResourceKind.FUNDING, new BigDecimal("100"), "NOK");
        Resource days = new Resource(ResourceKind.PERSON_DAYS, new BigDecimal("12.5"), "dagsverk");
        CommitmentRecorded withTwoLines = new CommitmentRecorded(COMMITMENT, PARTNERSHIP, MEMBER, "Charge points",
                "Ten public charge points", List.of(GOAL), List.of(funding, days), DUE, RECORDED_ON);
        fixture.given(withTwoLines)
                .when(new ReviseCommitment(COMMITMENT, MEMBER, "Charge points", "Ten public charge points",
                        List.of(GOAL), List.of(days, new Resource(ResourceKind.FUNDING, new BigDecimal("100.00"), "NOK")),
                        "reordered", null))
                .expectException(violates(RuleViolation.class, "revision-changes-the-commitment"))
                .expectNoEvents();
        // every read adds the lines up by kind and unit: one split in two is the same pledge
        Resource half = new Resource(ResourceKind.FUNDING, new BigDecimal("50"), "NOK");
        fixture.given(withTwoLines)
                .when(new ReviseCommitment(COMMITMENT, MEMBER, "Charge points", "Ten public charge points",
                        List.of(GOAL), List.of(half, days, half), "split", null))
                .expectException(violates(RuleViolation.class, "revision-changes-the-commitment"))
                .expectNoEvents();
        fixture.given(withTwoLines)
                .when(new ReviseCommitment(COMMITMENT, MEMBER, "Charge points", "Ten public charge points",
                        List.of(GOAL), List.of(days, funding, funding), "twice the funding", null))
                .expectEvents(new CommitmentRevised(COMMITMENT, PARTNERSHIP, MEMBER, "Charge points",
                        "Ten public charge points", List.of(GOAL), List.of(days, funding, funding), "twice the funding"));
    }

    /** A step towards the promise cannot fall due before the promise was made: it could never be on time. */
    @Test
    void a_milestone_is_not_due_before_the_commitment_was_recorded() {
        fixture.given(recorded())
                .when(new AddMilestone(COMMITMENT, MEMBER, MILESTONE, "Long ago", RECORDED_ON.minusDays(1), null))
                .expectException(violates(RuleViolation.class, "milestone-not-due-before-recording"))
                .expectNoEvents();
        fixture.given(recorded())
                .when(new AddMilestone(COMMITMENT, MEMBER, MILESTONE, "Kick-off", RECORDED_ON, null))
                .expectEvents(new MilestoneAdded(COMMITMENT, PARTNERSHIP, MEMBER, MILESTONE, "Kick-off", RECORDED_ON));
    }

    /** A milestone is a step towards the promise: due after the promise itself, it needs a later deadline first. */
    @Test
    void a_milestone_falls_due_by_the_commitments_deadline() {
        fixture.given(recorded())
                .when(new AddMilestone(COMMITMENT, MEMBER, MILESTONE, "Evaluation", DUE.plusDays(1), null))
                .expectException(violates(RuleViolation.class, "milestone-due-by-the-deadline"));
        fixture.given(recorded())
                .when(new AddMilestone(COMMITMENT, MEMBER, MILESTONE, "Opening", DUE, null))
                .expectEvents(new MilestoneAdded(COMMITMENT, PARTNERSHIP, MEMBER, MILESTONE, "Opening", DUE));
        fixture.given(recorded(), new DeadlineExtended(COMMITMENT, PARTNERSHIP, MEMBER, DUE, DUE.plusMonths(3),
                        "Leveransen er forsinket"))
                .when(new AddMilestone(COMMITMENT, MEMBER, MILESTONE, "Evaluation", DUE.plusDays(1), null))
                .expectEvents(new MilestoneAdded(COMMITMENT, PARTNERSHIP, MEMBER, MILESTONE, "Evaluation",
                        DUE.plusDays(1)));
    }

    @Test
    void complete_milestone() {
        fixture.given(recorded(), milestoneAdded())
                .when(new CompleteMilestone(COMMITMENT, MEMBER, MILESTONE, LocalDate.of(2025, 11, 20),
                        LocalDate.of(2025, 11, 21), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MilestoneCompleted(COMMITMENT, PARTNERSHIP, MEMBER, MILESTONE,
                        LocalDate.of(2025, 11, 20)));
    }

    @Test
    void milestone_must_exist() {
        fixture.given(recorded())
                .when(new CompleteMilestone(COMMITMENT, MEMBER, MILESTONE, LocalDate.of(2025, 11, 20),
                        LocalDate.of(2025, 11, 21), null))
                .expectException(violates(NotFound.class, "milestone-must-exist"))
                .expectNoEvents();
    }

    @Test
    void milestone_completes_once() {
        fixture.given(recorded(), milestoneAdded(),
                        new MilestoneCompleted(COMMITMENT, PARTNERSHIP, MEMBER, MILESTONE, LocalDate.of(2025, 11, 20)))
                .when(new CompleteMilestone(COMMITMENT, MEMBER, MILESTONE, LocalDate.of(2025, 11, 21),
                        LocalDate.of(2025, 11, 21), null))
                .expectException(violates(RuleViolation.class, "milestone-completes-once"))
                .expectNoEvents();
    }

    /** Completing a milestone is a report of what happened: not of a day to come. */
    @Test
    void a_milestone_is_not_completed_on_a_day_to_come() {
        fixture.given(recorded(), milestoneAdded())
                .when(new CompleteMilestone(COMMITMENT, MEMBER, MILESTONE, LocalDate.of(2025, 11, 22),
                        LocalDate.of(2025, 11, 21), null))
                .expectException(violates(RuleViolation.class, "report-not-from-the-future"))
                .expectNoEvents();
    }

    // ---- progress --------------------------------------------------------------------------

    @Test
    void report_progress() {
        fixture.given(recorded())
                .when(new ReportProgress(COMMITMENT, MEMBER, 40, "four of ten", List.of("photo-1"),
                        TODAY.minusDays(10), TODAY, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProgressReported(COMMITMENT, PARTNERSHIP, MEMBER, 40, "four of ten",
                        List.of("photo-1"), TODAY.minusDays(10)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100})
    void progress_between_0_and_100_inclusive(int percent) {
        fixture.given(recorded())
                .when(new ReportProgress(COMMITMENT, MEMBER, percent, "edge", List.of(), TODAY, TODAY, null))
                .expectEvents(new ProgressReported(COMMITMENT, PARTNERSHIP, MEMBER, percent, "edge", List.of(),
                        TODAY));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void progress_between_0_and_100(int percent) {
        fixture.given(recorded())
                .when(new ReportProgress(COMMITMENT, MEMBER, percent, "out of range", List.of(), TODAY, TODAY, null))
                .expectException(violates(RuleViolation.class, "progress-between-0-and-100"))
                .expectNoEvents();
    }

    @Test
    void report_not_from_the_future() {
        fixture.given(recorded())
                .when(new ReportProgress(COMMITMENT, MEMBER, 50, "tomorrow", List.of(), TODAY.plusDays(1), TODAY,
                        null))
                .expectException(violates(RuleViolation.class, "report-not-from-the-future"))
                .expectNoEvents();
    }

    @Test
    void progress_never_reported_after_closing() {
        fixture.given(recorded(), outcomeReported())
                .when(new ReportProgress(COMMITMENT, MEMBER, 100, "after the fact", List.of(), TODAY, TODAY, null))
                .expectException(violates(RuleViolation.class, "closed-commitment-accepts-only-assessments"))
                .expectNoEvents();
    }

    // ---- deadline --------------------------------------------------------------------------

    @Test
    void extend_deadline_carries_the_previous_due_date() {
        fixture.given(recorded())
                .when(new ExtendDeadline(COMMITMENT, MEMBER, DUE.plusMonths(3), "supplier delay", TODAY, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeadlineExtended(COMMITMENT, PARTNERSHIP, MEMBER, DUE, DUE.plusMonths(3),
                        "supplier delay"));
    }

    @Test
    void extension_must_be_later() {
        fixture.given(recorded())
                .when(new ExtendDeadline(COMMITMENT, MEMBER, DUE.minusDays(1), "earlier", TODAY, null))
                .expectException(violates(RuleViolation.class, "extension-must-be-later"))
                .expectNoEvents();
    }

    @Test
    void extension_must_be_later_not_the_same_date() {
        fixture.given(recorded())
                .when(new ExtendDeadline(COMMITMENT, MEMBER, DUE, "same", TODAY, null))
                .expectException(violates(RuleViolation.class, "extension-must-be-later"))
                .expectNoEvents();
    }

    @Test
    void extension_must_be_later_than_the_extended_date() {
        fixture.given(recorded(),
                        new DeadlineExtended(COMMITMENT, PARTNERSHIP, MEMBER, DUE, DUE.plusMonths(3), "delay"))
                .when(new ExtendDeadline(COMMITMENT, MEMBER, DUE.plusMonths(2), "shorter", TODAY, null))
                .expectException(violates(RuleViolation.class, "extension-must-be-later"))
                .expectNoEvents();
    }

    /** Asked for on the 10th, an extension to the 5th leaves the commitment overdue, only less late on paper. */
    @Test
    void an_extension_lies_ahead() {
        LocalDate later = DUE.plusDays(10);
        fixture.given(recorded())
                .when(new ExtendDeadline(COMMITMENT, MEMBER, DUE.plusDays(5), "too late", later, null))
                .expectException(violates(RuleViolation.class, "extension-lies-ahead"))
                .expectNoEvents();
        fixture.given(recorded())
                .when(new ExtendDeadline(COMMITMENT, MEMBER, later, "to today", later, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeadlineExtended(COMMITMENT, PARTNERSHIP, MEMBER, DUE, later, "to today"));
    }

    // ---- secretariat -----------------------------------------------------------------------

    @Test
    void a_follow_up_asks_for_an_answer_by_a_day_to_come_or_none() {
        fixture.given(recorded())
                .when(new RequestFollowUp(COMMITMENT, REQUEST, "please report", TODAY.minusDays(1), TODAY, null))
                .expectException(violates(RuleViolation.class, "respond-by-lies-ahead"))
                .expectNoEvents();
        fixture.given(recorded())
                .when(new RequestFollowUp(COMMITMENT, REQUEST, "please report", null, TODAY, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void request_follow_up() {
        fixture.given(recorded())
                .when(new RequestFollowUp(COMMITMENT, REQUEST, "please report", TODAY.plusDays(14), TODAY, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FollowUpRequested(COMMITMENT, PARTNERSHIP, MEMBER, REQUEST, "please report",
                        TODAY.plusDays(14)));
    }

    @Test
    void assess_commitment() {
        fixture.given(recorded())
                .when(new AssessCommitment(COMMITMENT, AssessmentLevel.LIMITED, "slow start", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CommitmentAssessed(COMMITMENT, PARTNERSHIP, MEMBER, AssessmentLevel.LIMITED,
                        "slow start"));
    }

    @Test
    void closed_commitment_still_accepts_assessment_after_outcome() {
        fixture.given(recorded(), outcomeReported())
                .when(new AssessCommitment(COMMITMENT, AssessmentLevel.COMPLETE, "verified", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CommitmentAssessed(COMMITMENT, PARTNERSHIP, MEMBER, AssessmentLevel.COMPLETE,
                        "verified"));
    }

    @Test
    void closed_commitment_still_accepts_assessment_after_withdrawal() {
        fixture.given(recorded(), withdrawn())
                .when(new AssessCommitment(COMMITMENT, AssessmentLevel.NOT_STARTED, "never began", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CommitmentAssessed(COMMITMENT, PARTNERSHIP, MEMBER, AssessmentLevel.NOT_STARTED,
                        "never began"));
    }

    // ---- closing ---------------------------------------------------------------------------

    @Test
    void report_outcome() {
        List<IndicatorValue> values = List.of(new IndicatorValue(GOAL, new BigDecimal("10")));
        fixture.given(recorded())
                .when(new ReportOutcome(COMMITMENT, MEMBER, OutcomeResult.FULFILLED, "all ten", values, RESOURCES,
                        TODAY, TODAY, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OutcomeReported(COMMITMENT, PARTNERSHIP, MEMBER, OutcomeResult.FULFILLED,
                        "all ten", values, RESOURCES, TODAY));
    }

    @Test
    void progress_and_milestones_not_from_before_the_commitment_was_recorded() {
        fixture.given(recorded())
                .when(new ReportProgress(COMMITMENT, MEMBER, 40, "backdated", List.of(), RECORDED_ON.minusDays(1),
                        TODAY, null))
                .expectException(violates(RuleViolation.class, "report-not-before-recording"))
                .expectNoEvents();
        fixture.given(recorded(), milestoneAdded())
                .when(new CompleteMilestone(COMMITMENT, MEMBER, MILESTONE, LocalDate.of(1, 1, 1), TODAY, null))
                .expectException(violates(RuleViolation.class, "report-not-before-recording"))
                .expectNoEvents();
        fixture.given(recorded())
                .when(new ReportProgress(COMMITMENT, MEMBER, 40, "same day", List.of(), RECORDED_ON, TODAY, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void outcome_not_from_before_the_commitment_was_recorded() {
        fixture.given(recorded())
                .when(new ReportOutcome(COMMITMENT, MEMBER, OutcomeResult.FULFILLED, "backdated", List.of(), List.of(),
                        RECORDED_ON.minusDays(1), TODAY, null))
                .expectException(violates(RuleViolation.class, "outcome-not-before-recording"))
                .expectNoEvents();
        fixture.given(recorded())
                .when(new ReportOutcome(COMMITMENT, MEMBER, OutcomeResult.FULFILLED, "same day", List.of(), List.of(),
                        RECORDED_ON, TODAY, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void outcome_not_from_the_future() {
        fixture.given(recorded())
                .when(new ReportOutcome(COMMITMENT, MEMBER, OutcomeResult.FULFILLED, "early", List.of(), List.of(),
                        TODAY.plusDays(1), TODAY, null))
                .expectException(violates(RuleViolation.class, "report-not-from-the-future"))
                .expectNoEvents();
    }

    @Test
    void indicator_values_for_served_goals() {
        // OTHER_GOAL is a goal of the partnership, but not one this commitment serves
        fixture.given(recorded())
                .when(new ReportOutcome(COMMITMENT, MEMBER, OutcomeResult.FULFILLED, "all ten",
                        List.of(new IndicatorValue(OTHER_GOAL, BigDecimal.ONE)), RESOURCES, TODAY, TODAY, null))
                .expectException(violates(RuleViolation.class, "indicator-values-for-served-goals"))
                .expectNoEvents();
    }

    @Test
    void indicator_values_follow_the_revised_goals() {
        List<IndicatorValue> values = List.of(new IndicatorValue(OTHER_GOAL, BigDecimal.ONE));
        fixture.given(recorded(), new CommitmentRevised(COMMITMENT, PARTNERSHIP, MEMBER, "Charge points",
                        "Ten public charge points", List.of(OTHER_GOAL), RESOURCES, "refocused"))
                .when(new ReportOutcome(COMMITMENT, MEMBER, OutcomeResult.PARTIALLY_FULFILLED, "some", values,
                        List.of(), TODAY, TODAY, null))
                .expectEvents(new OutcomeReported(COMMITMENT, PARTNERSHIP, MEMBER, OutcomeResult.PARTIALLY_FULFILLED,
                        "some", values, List.of(), TODAY));
    }

    @Test
    void withdraw_commitment() {
        fixture.given(recorded())
                .when(new WithdrawCommitment(COMMITMENT, MEMBER, "no funding", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(withdrawn());
    }

    static Stream<Arguments> everyCommandButAssessment() {
        return Stream.of(
                new ReviseCommitment(COMMITMENT, MEMBER, "t", "d", List.of(GOAL), List.of(), "r", null),
                new AddMilestone(COMMITMENT, MEMBER, UUID.randomUUID(), "m", DUE, null),
                new CompleteMilestone(COMMITMENT, MEMBER, MILESTONE, TODAY, TODAY, null),
                new ReportProgress(COMMITMENT, MEMBER, 50, "n", List.of(), TODAY, TODAY, null),
                new ExtendDeadline(COMMITMENT, MEMBER, DUE.plusYears(1), "r", TODAY, null),
                new RequestFollowUp(COMMITMENT, UUID.randomUUID(), "m", TODAY.plusDays(14), TODAY, null),
                new ReportOutcome(COMMITMENT, MEMBER, OutcomeResult.FULFILLED, "n", List.of(), List.of(), TODAY,
                        TODAY, null),
                new WithdrawCommitment(COMMITMENT, MEMBER, "r", null)
        ).map(command -> Arguments.of(command.getClass().getSimpleName(), command));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandButAssessment")
    void closed_commitment_accepts_only_assessments(String name, Object command) {
        fixture.given(recorded(), milestoneAdded(), outcomeReported())
                .when(command)
                .expectException(violates(RuleViolation.class, "closed-commitment-accepts-only-assessments"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandButAssessment")
    void withdrawn_commitment_accepts_only_assessments(String name, Object command) {
        fixture.given(recorded(), milestoneAdded(), withdrawn())
                .when(command)
                .expectException(violates(RuleViolation.class, "closed-commitment-accepts-only-assessments"))
                .expectNoEvents();
    }

    /** Guards the two tests above: each of their commands succeeds while the commitment is open. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandButAssessment")
    void open_commitment_accepts_every_command(String name, Object command) {
        fixture.given(recorded(), milestoneAdded())
                .when(command)
                .expectSuccessfulHandlerExecution();
    }

    // ---- who may act -----------------------------------------------------------------------

    static Stream<Arguments> everyPartnerCommand() {
        return partnerCommands(OTHER_MEMBER);
    }

    static Stream<Arguments> everyPartnerCommandBySecretariat() {
        return partnerCommands(SECRETARIAT);
    }

    private static Stream<Arguments> partnerCommands(UUID actor) {
        return Stream.of(
                new ReviseCommitment(COMMITMENT, actor, "t", "d", List.of(GOAL), List.of(), "r", null),
                new AddMilestone(COMMITMENT, actor, UUID.randomUUID(), "m", DUE, null),
                new CompleteMilestone(COMMITMENT, actor, MILESTONE, TODAY, TODAY, null),
                new ReportProgress(COMMITMENT, actor, 50, "n", List.of(), TODAY, TODAY, null),
                new ExtendDeadline(COMMITMENT, actor, DUE.plusYears(1), "r", TODAY, null),
                new ReportOutcome(COMMITMENT, actor, OutcomeResult.FULFILLED, "n", List.of(), List.of(), TODAY, TODAY,
                        null),
                new WithdrawCommitment(COMMITMENT, actor, "r", null)
        ).map(command -> Arguments.of(command.getClass().getSimpleName(), command));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPartnerCommand")
    void partners_act_on_own_commitments(String name, Object command) {
        fixture.given(recorded(), milestoneAdded())
                .when(command)
                .expectException(violates(NotPermitted.class, "partners-act-on-own-commitments"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPartnerCommandBySecretariat")
    void secretariat_may_act_on_any_commitment(String name, Object command) {
        fixture.given(recorded(), milestoneAdded())
                .when(command)
                .expectSuccessfulHandlerExecution();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static RecordCommitment record(LocalDate dueDate) {
        return new RecordCommitment(COMMITMENT, PARTNERSHIP, MEMBER, "Charge points", "Ten public charge points",
                List.of(GOAL), RESOURCES, dueDate, RECORDED_ON);
    }

    private static CommitmentRecorded recorded() {
        return new CommitmentRecorded(COMMITMENT, PARTNERSHIP, MEMBER, "Charge points", "Ten public charge points",
                List.of(GOAL), RESOURCES, DUE, RECORDED_ON);
    }

    private static MilestoneAdded milestoneAdded() {
        return new MilestoneAdded(COMMITMENT, PARTNERSHIP, MEMBER, MILESTONE, "Sites chosen", LocalDate.of(2025, 12, 1));
    }

    private static OutcomeReported outcomeReported() {
        return new OutcomeReported(COMMITMENT, PARTNERSHIP, MEMBER, OutcomeResult.FULFILLED, "done", List.of(),
                List.of(), TODAY);
    }

    private static CommitmentWithdrawn withdrawn() {
        return new CommitmentWithdrawn(COMMITMENT, PARTNERSHIP, MEMBER, "no funding");
    }
}
