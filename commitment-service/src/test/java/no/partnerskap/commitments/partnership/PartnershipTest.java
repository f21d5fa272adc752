package no.partnerskap.commitments.partnership;

import static no.partnerskap.commitments.shared.Violations.violates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import no.partnerskap.api.partnership.Attendance;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.AgreementSigned;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementClosedWithDissent;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementRaised;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementResolved;
import no.partnerskap.api.partnership.PartnershipEvent.MandateRevised;
import no.partnerskap.api.partnership.PartnershipEvent.MeetingRecorded;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.MemberLeft;
import no.partnerskap.api.partnership.PartnershipEvent.MemberRoleChanged;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipConcluded;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalDefined;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalRevised;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.commitments.organisation.OrganisationRegistry;
import no.partnerskap.commitments.partnership.PartnershipCommands.AdmitMember;
import no.partnerskap.commitments.partnership.PartnershipCommands.ChangeMemberRole;
import no.partnerskap.commitments.partnership.PartnershipCommands.ConcludePartnership;
import no.partnerskap.commitments.partnership.PartnershipCommands.DefineResultGoal;
import no.partnerskap.commitments.partnership.PartnershipCommands.EstablishPartnership;
import no.partnerskap.commitments.partnership.PartnershipCommands.RaiseDisagreement;
import no.partnerskap.commitments.partnership.PartnershipCommands.RecordDeparture;
import no.partnerskap.commitments.partnership.PartnershipCommands.RecordMeeting;
import no.partnerskap.commitments.partnership.PartnershipCommands.ResolveDisagreement;
import no.partnerskap.commitments.partnership.PartnershipCommands.ReviseMandate;
import no.partnerskap.commitments.partnership.PartnershipCommands.ReviseResultGoal;
import no.partnerskap.commitments.partnership.PartnershipCommands.SignAgreement;
import no.partnerskap.commitments.shared.NotFound;
import no.partnerskap.commitments.shared.RuleViolation;
import no.partnerskap.commitments.shared.UnknownReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PartnershipTest {

    private static final UUID PARTNERSHIP = UUID.randomUUID();
    private static final UUID PARENT = UUID.randomUUID();
    private static final UUID CONVENOR = UUID.randomUUID();
    private static final UUID PARTNER = UUID.randomUUID();
    private static final UUID OUTSIDER = UUID.randomUUID();
    private static final UUID GOAL = UUID.randomUUID();
    private static final UUID MEETING = UUID.randomUUID();
    private static final UUID DISAGREEMENT = UUID.randomUUID();
    private static final Period PERIOD = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
    private static final LocalDate TARGET_DATE = LocalDate.of(2030, 12, 31);
    private static final LocalDate TODAY = LocalDate.of(2028, 6, 1);
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private FixtureConfiguration<Partnership> fixture;
    private InMemoryPartnershipDirectory partnerships;
    private FakeRegistry organisations;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partnership.class);
        partnerships = new InMemoryPartnershipDirectory();
        organisations = new FakeRegistry();
        organisations.register(CONVENOR);
        organisations.register(PARTNER);
        organisations.register(OUTSIDER);
        fixture.registerInjectableResource(partnerships);
        fixture.registerInjectableResource(organisations);
    }

    // ---- establish -------------------------------------------------------------------------

    @Test
    void establishing_applies_established_then_convenor_admitted_as_leadership() {
        fixture.givenNoPriorActivity()
                .when(establish(PartnershipKind.STRATEGIC, null, PERIOD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(established(PartnershipKind.STRATEGIC, null),
                        new MemberAdmitted(PARTNERSHIP, CONVENOR, MemberRole.CONVENOR, Representation.LEADERSHIP));
    }

    @Test
    void thematic_network_under_a_strategic_partnership() {
        partnerships.add(PARENT, PartnershipKind.STRATEGIC);

        fixture.givenNoPriorActivity()
                .when(establish(PartnershipKind.THEMATIC_NETWORK, PARENT, PERIOD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(established(PartnershipKind.THEMATIC_NETWORK, PARENT),
                        new MemberAdmitted(PARTNERSHIP, CONVENOR, MemberRole.CONVENOR, Representation.LEADERSHIP));
    }

    @Test
    void a_thematic_network_sits_under_a_strategic_partnership() {
        fixture.givenNoPriorActivity()
                .when(establish(PartnershipKind.THEMATIC_NETWORK, null, PERIOD))
                .expectException(violates(RuleViolation.class, "network-sits-under-a-strategic-partnership"))
                .expectNoEvents();
    }

    @Test
    void parent_partnership_must_exist() {
        fixture.givenNoPriorActivity()
                .when(establish(PartnershipKind.THEMATIC_NETWORK, PARENT, PERIOD))
                .expectException(violates(UnknownReference.class, "parent-partnership-must-exist"))
                .expectNoEvents();
    }

    @Test
    void thematic_network_parent_must_be_strategic() {
        partnerships.add(PARENT, PartnershipKind.THEMATIC_NETWORK);

        fixture.givenNoPriorActivity()
                .when(establish(PartnershipKind.THEMATIC_NETWORK, PARENT, PERIOD))
                .expectException(violates(RuleViolation.class, "network-parent-must-be-strategic"))
                .expectNoEvents();
    }

    @Test
    void concluded_parent_partnership_is_read_only() {
        partnerships.add(PARENT, PartnershipKind.STRATEGIC);
        partnerships.conclude(PARENT);

        fixture.givenNoPriorActivity()
                .when(establish(PartnershipKind.THEMATIC_NETWORK, PARENT, PERIOD))
                .expectException(violates(RuleViolation.class, "concluded-partnership-is-read-only"))
                .expectNoEvents();
    }

    @Test
    void strategic_partnership_has_no_parent() {
        partnerships.add(PARENT, PartnershipKind.STRATEGIC);

        fixture.givenNoPriorActivity()
                .when(establish(PartnershipKind.STRATEGIC, PARENT, PERIOD))
                .expectException(violates(RuleViolation.class, "strategic-partnership-has-no-parent"))
                .expectNoEvents();
    }

    @Test
    void convenor_must_be_registered_organisation() {
        UUID unregistered = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new EstablishPartnership(PARTNERSHIP, "Klimapartnerskap", PartnershipKind.STRATEGIC, null,
                        "mandate", "purpose", "methods", "procedure", PERIOD, unregistered))
                .expectException(violates(UnknownReference.class, "member-must-be-registered-organisation"))
                .expectNoEvents();
    }

    @Test
    void period_must_not_end_before_it_starts() {
        Period backwards = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2025, 12, 31));
        fixture.givenNoPriorActivity()
                .when(establish(PartnershipKind.STRATEGIC, null, backwards))
                .expectException(violates(RuleViolation.class, "period-must-not-end-before-it-starts"))
                .expectNoEvents();
    }

    @Test
    void period_may_be_open_ended() {
        Period open = new Period(LocalDate.of(2025, 1, 1), null);
        fixture.givenNoPriorActivity()
                .when(establish(PartnershipKind.STRATEGIC, null, open))
                .expectEvents(new PartnershipEstablished(PARTNERSHIP, "Klimapartnerskap", PartnershipKind.STRATEGIC,
                                null, "mandate", "purpose", "methods", "procedure", open, CONVENOR),
                        new MemberAdmitted(PARTNERSHIP, CONVENOR, MemberRole.CONVENOR, Representation.LEADERSHIP));
    }

    // ---- members ---------------------------------------------------------------------------

    @Test
    void admit_member() {
        fixture.given(establishedEvents())
                .when(new AdmitMember(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER,
                        Representation.MANAGEMENT));
    }

    @Test
    void member_must_be_registered_organisation() {
        UUID unregistered = UUID.randomUUID();
        fixture.given(establishedEvents())
                .when(new AdmitMember(PARTNERSHIP, unregistered, MemberRole.PARTNER, Representation.MANAGEMENT,
                        null))
                .expectException(violates(UnknownReference.class, "member-must-be-registered-organisation"))
                .expectNoEvents();
    }

    @Test
    void member_at_most_once() {
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT))
                .when(new AdmitMember(PARTNERSHIP, PARTNER, MemberRole.OBSERVER, Representation.OPERATIONAL, null))
                .expectException(violates(RuleViolation.class, "member-at-most-once"))
                .expectNoEvents();
    }

    @Test
    void member_at_most_once_applies_to_the_convenor_too() {
        fixture.given(establishedEvents())
                .when(new AdmitMember(PARTNERSHIP, CONVENOR, MemberRole.PARTNER, Representation.MANAGEMENT, null))
                .expectException(violates(RuleViolation.class, "member-at-most-once"))
                .expectNoEvents();
    }

    @Test
    void member_at_most_once_at_a_time_so_a_former_member_may_rejoin() {
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT),
                        new MemberLeft(PARTNERSHIP, PARTNER, "reorganised"))
                .when(new AdmitMember(PARTNERSHIP, PARTNER, MemberRole.OBSERVER, Representation.OPERATIONAL, null))
                .expectEvents(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.OBSERVER,
                        Representation.OPERATIONAL));
    }

    @Test
    void change_member_role_carries_the_previous_role() {
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.OBSERVER, Representation.OPERATIONAL))
                .when(new ChangeMemberRole(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.LEADERSHIP, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberRoleChanged(PARTNERSHIP, PARTNER, MemberRole.OBSERVER, MemberRole.PARTNER,
                        Representation.LEADERSHIP));
    }

    @Test
    void a_new_convenor_takes_over_and_the_previous_one_becomes_a_partner() {
        fixture.given(establishedEvents())
                .when(new AdmitMember(PARTNERSHIP, PARTNER, MemberRole.CONVENOR, Representation.LEADERSHIP, null))
                .expectEvents(new MemberRoleChanged(PARTNERSHIP, CONVENOR, MemberRole.CONVENOR, MemberRole.PARTNER,
                                null),
                        new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.CONVENOR, Representation.LEADERSHIP));
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.OBSERVER, Representation.MANAGEMENT))
                .when(new ChangeMemberRole(PARTNERSHIP, PARTNER, MemberRole.CONVENOR, Representation.LEADERSHIP, null))
                .expectEvents(new MemberRoleChanged(PARTNERSHIP, CONVENOR, MemberRole.CONVENOR, MemberRole.PARTNER,
                                null),
                        new MemberRoleChanged(PARTNERSHIP, PARTNER, MemberRole.OBSERVER, MemberRole.CONVENOR,
                                Representation.LEADERSHIP));
    }

    @Test
    void the_convenor_changing_only_its_representation_stays_the_one_convenor() {
        fixture.given(establishedEvents())
                .when(new ChangeMemberRole(PARTNERSHIP, CONVENOR, MemberRole.CONVENOR, Representation.MANAGEMENT,
                        null))
                .expectEvents(new MemberRoleChanged(PARTNERSHIP, CONVENOR, MemberRole.CONVENOR, MemberRole.CONVENOR,
                        Representation.MANAGEMENT));
    }

    /** A change to the role and representation a member has already would stand in the history as one. */
    @Test
    void a_role_change_that_changes_nothing_is_refused() {
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT))
                .when(new ChangeMemberRole(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT, null))
                .expectException(violates(RuleViolation.class, "role-change-changes-the-membership"))
                .expectNoEvents();
        // no representation given keeps the one it has: the same role alone is no change either
        fixture.given(establishedEvents())
                .when(new ChangeMemberRole(PARTNERSHIP, CONVENOR, MemberRole.CONVENOR, null, null))
                .expectException(violates(RuleViolation.class, "role-change-changes-the-membership"))
                .expectNoEvents();
        // the representation a role change gave is the one it has now
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.OBSERVER, Representation.OPERATIONAL),
                        new MemberRoleChanged(PARTNERSHIP, PARTNER, MemberRole.OBSERVER, MemberRole.PARTNER,
                                Representation.LEADERSHIP),
                        new MemberRoleChanged(PARTNERSHIP, PARTNER, MemberRole.PARTNER, MemberRole.OBSERVER, null))
                .when(new ChangeMemberRole(PARTNERSHIP, PARTNER, MemberRole.OBSERVER, Representation.LEADERSHIP, null))
                .expectException(violates(RuleViolation.class, "role-change-changes-the-membership"))
                .expectNoEvents();
    }

    @Test
    void the_convenor_hands_over_before_it_leaves_or_steps_down() {
        fixture.given(establishedEvents())
                .when(new RecordDeparture(PARTNERSHIP, CONVENOR, "trekker seg", null))
                .expectException(violates(RuleViolation.class, "convenor-hands-over-first"))
                .expectNoEvents();
        fixture.given(establishedEvents())
                .when(new ChangeMemberRole(PARTNERSHIP, CONVENOR, MemberRole.PARTNER, null, null))
                .expectException(violates(RuleViolation.class, "convenor-hands-over-first"))
                .expectNoEvents();
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT),
                        new MemberRoleChanged(PARTNERSHIP, CONVENOR, MemberRole.CONVENOR, MemberRole.PARTNER, null),
                        new MemberRoleChanged(PARTNERSHIP, PARTNER, MemberRole.PARTNER, MemberRole.CONVENOR, null))
                .when(new RecordDeparture(PARTNERSHIP, CONVENOR, "trekker seg", null))
                .expectEvents(new MemberLeft(PARTNERSHIP, CONVENOR, "trekker seg"));
    }

    @Test
    void a_partnership_left_without_a_convenor_by_earlier_rules_admits_one() {
        fixture.given(establishedEvents())
                .andGiven(new MemberLeft(PARTNERSHIP, CONVENOR, "trekker seg"))
                .when(new AdmitMember(PARTNERSHIP, PARTNER, MemberRole.CONVENOR, Representation.LEADERSHIP, null))
                .expectEvents(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.CONVENOR, Representation.LEADERSHIP));
    }

    @Test
    void member_must_be_active_to_change_role() {
        fixture.given(establishedEvents())
                .when(new ChangeMemberRole(PARTNERSHIP, OUTSIDER, MemberRole.PARTNER, Representation.LEADERSHIP,
                        null))
                .expectException(violates(NotFound.class, "member-must-be-active"))
                .expectNoEvents();
    }

    @Test
    void record_departure() {
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT))
                .when(new RecordDeparture(PARTNERSHIP, PARTNER, "budget cuts", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberLeft(PARTNERSHIP, PARTNER, "budget cuts"));
    }

    @Test
    void member_must_be_active_to_leave() {
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT),
                        new MemberLeft(PARTNERSHIP, PARTNER, "budget cuts"))
                .when(new RecordDeparture(PARTNERSHIP, PARTNER, "again", null))
                .expectException(violates(NotFound.class, "member-must-be-active"))
                .expectNoEvents();
    }

    // ---- goals -----------------------------------------------------------------------------

    @Test
    void define_result_goal() {
        fixture.given(establishedEvents())
                .when(new DefineResultGoal(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                        new BigDecimal("1000"), new BigDecimal("500"), TARGET_DATE, List.of("13.2", "7.2"), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ResultGoalDefined(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                        new BigDecimal("1000"), new BigDecimal("500"), TARGET_DATE, List.of("13.2", "7.2")));
    }

    @Test
    void goal_defined_once() {
        fixture.given(establishedEvents())
                .andGiven(goalDefined())
                .when(new DefineResultGoal(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                        new BigDecimal("0"), new BigDecimal("1"), TARGET_DATE, List.of("13.2"), null))
                .expectException(violates(RuleViolation.class, "goal-defined-once"))
                .expectNoEvents();
    }

    @Test
    void sdg_target_must_exist() {
        fixture.given(establishedEvents())
                .when(new DefineResultGoal(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                        new BigDecimal("1000"), new BigDecimal("500"), TARGET_DATE, List.of("13.2", "18.1"), null))
                .expectException(violates(RuleViolation.class, "sdg-target-must-exist"))
                .expectNoEvents();
    }

    @Test
    void sdg_target_must_exist_when_revising() {
        fixture.given(establishedEvents())
                .andGiven(goalDefined())
                .when(new ReviseResultGoal(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                        new BigDecimal("1200"), new BigDecimal("600"), TARGET_DATE, List.of("13.99"),
                        "new baseline study", null))
                .expectException(violates(RuleViolation.class, "sdg-target-must-exist"))
                .expectNoEvents();
    }

    @Test
    void revise_result_goal_carries_previous_baseline_and_target() {
        fixture.given(establishedEvents())
                .andGiven(goalDefined())
                .when(new ReviseResultGoal(PARTNERSHIP, GOAL, "Fewer emissions", "CO2e", "tonnes",
                        new BigDecimal("1200"), new BigDecimal("600"), TARGET_DATE, List.of("13.2"),
                        "new baseline study", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ResultGoalRevised(PARTNERSHIP, GOAL, "Fewer emissions", "CO2e", "tonnes",
                        new BigDecimal("1000"), new BigDecimal("1200"), new BigDecimal("500"),
                        new BigDecimal("600"), TARGET_DATE, List.of("13.2"), "new baseline study"));
    }

    /** A revision restating the goal, its SDG targets in another order, would stand in the history as a change. */
    @Test
    void a_goal_revision_that_changes_nothing_is_refused() {
        fixture.given(establishedEvents())
                .andGiven(new ResultGoalDefined(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                        new BigDecimal("1000"), new BigDecimal("500"), TARGET_DATE, List.of("13.2", "7.2")))
                .when(new ReviseResultGoal(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                        new BigDecimal("1000.0"), new BigDecimal("500"), TARGET_DATE, List.of("7.2", "13.2"),
                        "no change", null))
                .expectException(violates(RuleViolation.class, "goal-revision-changes-the-goal"))
                .expectNoEvents();
        fixture.given(establishedEvents())
                .andGiven(new ResultGoalDefined(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                        new BigDecimal("1000"), new BigDecimal("500"), TARGET_DATE, List.of("13.2", "7.2")))
                .when(new ReviseResultGoal(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                        new BigDecimal("1000"), new BigDecimal("500"), TARGET_DATE.plusYears(1), List.of("13.2", "7.2"),
                        "a year more", null))
                .expectEvents(new ResultGoalRevised(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                        new BigDecimal("1000"), new BigDecimal("1000"), new BigDecimal("500"), new BigDecimal("500"),
                        TARGET_DATE.plusYears(1), List.of("13.2", "7.2"), "a year more"));
    }

    @Test
    void second_revision_carries_the_figures_of_the_first() {
        fixture.given(establishedEvents())
                .andGiven(goalDefined(),
                        new ResultGoalRevised(PARTNERSHIP, GOAL, "Fewer emissions", "CO2e", "tonnes",
                                new BigDecimal("1000"), new BigDecimal("1200"), new BigDecimal("500"),
                                new BigDecimal("600"), TARGET_DATE, List.of("13.2"), "new baseline study"))
                .when(new ReviseResultGoal(PARTNERSHIP, GOAL, "Fewer emissions", "CO2e", "tonnes",
                        new BigDecimal("1200"), new BigDecimal("400"), TARGET_DATE, List.of("13.2"),
                        "more ambitious", null))
                .expectEvents(new ResultGoalRevised(PARTNERSHIP, GOAL, "Fewer emissions", "CO2e", "tonnes",
                        new BigDecimal("1200"), new BigDecimal("1200"), new BigDecimal("600"),
                        new BigDecimal("400"), TARGET_DATE, List.of("13.2"), "more ambitious"));
    }

    @Test
    void goal_must_exist() {
        fixture.given(establishedEvents())
                .when(new ReviseResultGoal(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                        new BigDecimal("1200"), new BigDecimal("600"), TARGET_DATE, List.of("13.2"),
                        "new baseline study", null))
                .expectException(violates(NotFound.class, "goal-must-exist"))
                .expectNoEvents();
    }

    // ---- agreement, mandate, meetings -------------------------------------------------------

    @Test
    void sign_agreement() {
        fixture.given(establishedEvents())
                .when(new SignAgreement(PARTNERSHIP, LocalDate.of(2025, 3, 1), "doc-2025-17", TODAY, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementSigned(PARTNERSHIP, LocalDate.of(2025, 3, 1), "doc-2025-17"));
    }

    @Test
    void revise_mandate_carries_the_previous_mandate() {
        fixture.given(establishedEvents())
                .when(new ReviseMandate(PARTNERSHIP, "wider mandate", "board decision", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MandateRevised(PARTNERSHIP, "mandate", "wider mandate", "board decision"));
    }

    @Test
    void a_revision_to_the_mandate_it_has_is_refused() {
        fixture.given(establishedEvents())
                .andGiven(new MandateRevised(PARTNERSHIP, "mandate", "wider mandate", "board decision"))
                .when(new ReviseMandate(PARTNERSHIP, "wider mandate", "again", null))
                .expectException(violates(RuleViolation.class, "revision-changes-the-mandate"))
                .expectNoEvents();
    }

    @Test
    void second_mandate_revision_carries_the_first_revision() {
        fixture.given(establishedEvents())
                .andGiven(new MandateRevised(PARTNERSHIP, "mandate", "wider mandate", "board decision"))
                .when(new ReviseMandate(PARTNERSHIP, "narrower mandate", "second thoughts", null))
                .expectEvents(new MandateRevised(PARTNERSHIP, "wider mandate", "narrower mandate",
                        "second thoughts"));
    }

    @Test
    void record_meeting() {
        List<Attendance> attendance = List.of(new Attendance(CONVENOR, Representation.LEADERSHIP),
                new Attendance(PARTNER, Representation.OPERATIONAL));
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT))
                .when(new RecordMeeting(PARTNERSHIP, MEETING, LocalDate.of(2025, 4, 2), "agenda", "minutes-7",
                        attendance, TODAY, OSLO, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MeetingRecorded(PARTNERSHIP, MEETING, LocalDate.of(2025, 4, 2), "agenda",
                        "minutes-7", attendance));
    }

    @Test
    void a_meeting_is_recorded_once_it_has_been_held_and_an_agreement_once_signed() {
        fixture.given(establishedEvents())
                .when(new RecordMeeting(PARTNERSHIP, MEETING, TODAY.plusDays(1), "agenda", "minutes-7",
                        List.of(new Attendance(CONVENOR, Representation.LEADERSHIP)), TODAY, OSLO, null))
                .expectException(violates(RuleViolation.class, "meeting-not-in-the-future"))
                .expectNoEvents();
        fixture.given(establishedEvents())
                .when(new RecordMeeting(PARTNERSHIP, MEETING, TODAY, "agenda", "minutes-7",
                        List.of(new Attendance(CONVENOR, Representation.LEADERSHIP)), TODAY, OSLO, null))
                .expectSuccessfulHandlerExecution();
        fixture.given(establishedEvents())
                .when(new SignAgreement(PARTNERSHIP, TODAY.plusDays(1), "doc", TODAY, null))
                .expectException(violates(RuleViolation.class, "agreement-not-signed-in-the-future"))
                .expectNoEvents();
    }

    @Test
    void attendees_must_be_members() {
        fixture.given(establishedEvents())
                .when(new RecordMeeting(PARTNERSHIP, MEETING, LocalDate.of(2025, 4, 2), "agenda", "minutes-7",
                        List.of(new Attendance(CONVENOR, Representation.LEADERSHIP),
                                new Attendance(OUTSIDER, Representation.MANAGEMENT)), TODAY, OSLO, null))
                .expectException(violates(RuleViolation.class, "attendees-must-be-members"))
                .expectNoEvents();
    }

    // ---- meetings recorded after the fact --------------------------------------------------

    @Test
    void a_member_that_has_left_attended_a_meeting_held_before_it_left() {
        List<Attendance> attendance = List.of(new Attendance(CONVENOR, Representation.LEADERSHIP),
                new Attendance(PARTNER, Representation.OPERATIONAL));
        givenPartnerLeftOn10March()
                .when(meeting(LocalDate.of(2028, 3, 1), attendance))
                .expectEvents(new MeetingRecorded(PARTNERSHIP, MEETING, LocalDate.of(2028, 3, 1), "agenda",
                        "minutes-7", attendance));
    }

    @Test
    void a_member_attends_on_the_day_it_leaves_counted_in_the_partnerships_time_zone() {
        // it left at 00:30 on 10 March in Oslo, still 9 March in UTC
        List<Attendance> attendance = List.of(new Attendance(PARTNER, Representation.OPERATIONAL));
        givenPartnerLeftOn10March()
                .when(meeting(LocalDate.of(2028, 3, 10), attendance))
                .expectEvents(new MeetingRecorded(PARTNERSHIP, MEETING, LocalDate.of(2028, 3, 10), "agenda",
                        "minutes-7", attendance));
    }

    @Test
    void a_member_that_left_before_the_meeting_did_not_attend_it() {
        givenPartnerLeftOn10March()
                .when(meeting(LocalDate.of(2028, 3, 11), List.of(new Attendance(PARTNER, Representation.OPERATIONAL))))
                .expectException(violates(RuleViolation.class, "attendees-must-be-members"))
                .expectExceptionMessage("organisation " + PARTNER + " left this partnership on 2028-03-10, before the"
                        + " meeting on 2028-03-11")
                .expectNoEvents();
    }

    @Test
    void a_member_that_left_and_rejoined_attends_as_a_member() {
        givenPartnerLeftOn10March()
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.OBSERVER, Representation.OPERATIONAL))
                .when(meeting(LocalDate.of(2028, 3, 20), List.of(new Attendance(PARTNER, Representation.OPERATIONAL))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_member_away_between_leaving_and_rejoining_did_not_attend_a_meeting_then() {
        List<Attendance> attendance = List.of(new Attendance(PARTNER, Representation.OPERATIONAL));
        givenPartnerLeftOn10March()
                .andGivenCurrentTime(Instant.parse("2028-04-10T10:00:00Z"))
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT))
                .when(meeting(LocalDate.of(2028, 3, 20), attendance))
                .expectException(violates(RuleViolation.class, "attendees-must-be-members"))
                .expectExceptionMessage("organisation " + PARTNER + " left this partnership on 2028-03-10, before the"
                        + " meeting on 2028-03-20, and was admitted again only on 2028-04-10")
                .expectNoEvents();
        givenPartnerLeftOn10March()
                .andGivenCurrentTime(Instant.parse("2028-04-10T10:00:00Z"))
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT))
                .when(meeting(LocalDate.of(2028, 4, 10), attendance))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_member_admitted_in_the_system_after_the_meeting_is_not_refused() {
        // partnerships are often entered after they began: admission in the system lags the real one
        fixture.givenCurrentTime(Instant.parse("2028-05-02T10:00:00Z"))
                .andGiven(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT))
                .when(meeting(LocalDate.of(2028, 3, 1), List.of(new Attendance(PARTNER, Representation.OPERATIONAL))))
                .expectSuccessfulHandlerExecution();
    }

    /** PARTNER admitted in January and gone at 00:30 on 10 March 2028, Oslo time (23:30 on 9 March, UTC). */
    private TestExecutor<Partnership> givenPartnerLeftOn10March() {
        return fixture.givenCurrentTime(Instant.parse("2028-01-10T09:00:00Z"))
                .andGiven(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT))
                .andGivenCurrentTime(Instant.parse("2028-03-09T23:30:00Z"))
                .andGiven(new MemberLeft(PARTNERSHIP, PARTNER, "reorganised"));
    }

    /** A meeting recorded on {@link #TODAY}, in Oslo. */
    private static RecordMeeting meeting(LocalDate date, List<Attendance> attendance) {
        return new RecordMeeting(PARTNERSHIP, MEETING, date, "agenda", "minutes-7", attendance, TODAY, OSLO, null);
    }

    // ---- disagreements ---------------------------------------------------------------------

    @Test
    void raise_disagreement() {
        fixture.given(establishedEvents())
                .when(new RaiseDisagreement(PARTNERSHIP, DISAGREEMENT, CONVENOR, "budget", "too small", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DisagreementRaised(PARTNERSHIP, DISAGREEMENT, CONVENOR, "budget", "too small"));
    }

    @Test
    void only_members_raise_disagreements() {
        fixture.given(establishedEvents())
                .when(new RaiseDisagreement(PARTNERSHIP, DISAGREEMENT, OUTSIDER, "budget", "too small", null))
                .expectException(violates(RuleViolation.class, "only-members-raise-disagreements"))
                .expectNoEvents();
    }

    @Test
    void resolve_disagreement_with_a_resolution() {
        fixture.given(establishedEvents())
                .andGiven(disagreementRaised())
                .when(new ResolveDisagreement(PARTNERSHIP, DISAGREEMENT, "budget doubled", null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DisagreementResolved(PARTNERSHIP, DISAGREEMENT, "budget doubled"));
    }

    @Test
    void resolve_disagreement_with_dissent_recorded() {
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT),
                        disagreementRaised())
                .when(new ResolveDisagreement(PARTNERSHIP, DISAGREEMENT, null, "still too small", List.of(PARTNER),
                        null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DisagreementClosedWithDissent(PARTNERSHIP, DISAGREEMENT, "still too small",
                        List.of(PARTNER)));
    }

    @Test
    void dissenters_must_be_members() {
        fixture.given(establishedEvents())
                .andGiven(disagreementRaised())
                .when(new ResolveDisagreement(PARTNERSHIP, DISAGREEMENT, null, "still too small",
                        List.of(CONVENOR, OUTSIDER), null))
                .expectException(violates(RuleViolation.class, "dissenters-must-be-members"))
                .expectNoEvents();
    }

    @Test
    void a_member_who_has_left_no_longer_dissents() {
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT),
                        disagreementRaised(), new MemberLeft(PARTNERSHIP, PARTNER, "reorganised"))
                .when(new ResolveDisagreement(PARTNERSHIP, DISAGREEMENT, null, "still too small", List.of(PARTNER),
                        null))
                .expectException(violates(RuleViolation.class, "dissenters-must-be-members"))
                .expectNoEvents();
    }

    @Test
    void dissent_without_named_dissenters_records_an_empty_list() {
        fixture.given(establishedEvents())
                .andGiven(disagreementRaised())
                .when(new ResolveDisagreement(PARTNERSHIP, DISAGREEMENT, "  ", "still too small", null, null))
                .expectEvents(new DisagreementClosedWithDissent(PARTNERSHIP, DISAGREEMENT, "still too small",
                        List.of()));
    }

    @Test
    void a_resolution_without_a_visible_character_is_none() {
        fixture.given(establishedEvents())
                .andGiven(disagreementRaised())
                .when(new ResolveDisagreement(PARTNERSHIP, DISAGREEMENT, "\u00a0\u200b\u3000", null, null, null))
                .expectException(violates(RuleViolation.class, "resolution-or-dissent"))
                .expectNoEvents();
    }

    @Test
    void disagreement_must_be_open() {
        fixture.given(establishedEvents())
                .when(new ResolveDisagreement(PARTNERSHIP, DISAGREEMENT, "budget doubled", null, null, null))
                .expectException(violates(NotFound.class, "disagreement-must-be-open"))
                .expectNoEvents();
    }

    @Test
    void a_disagreement_closes_once() {
        fixture.given(establishedEvents())
                .andGiven(disagreementRaised(), new DisagreementResolved(PARTNERSHIP, DISAGREEMENT, "budget doubled"))
                .when(new ResolveDisagreement(PARTNERSHIP, DISAGREEMENT, null, "changed our minds", null, null))
                .expectException(violates(RuleViolation.class, "disagreement-closes-once"))
                .expectNoEvents();
    }

    @Test
    void resolution_or_dissent_not_both() {
        fixture.given(establishedEvents())
                .andGiven(disagreementRaised())
                .when(new ResolveDisagreement(PARTNERSHIP, DISAGREEMENT, "budget doubled", "still too small",
                        List.of(CONVENOR), null))
                .expectException(violates(RuleViolation.class, "resolution-or-dissent"))
                .expectNoEvents();
    }

    /** A resolution records no dissenters: naming some is refused rather than dropped. */
    @Test
    void dissenters_are_named_with_a_dissent_only() {
        fixture.given(establishedEvents())
                .andGiven(disagreementRaised())
                .when(new ResolveDisagreement(PARTNERSHIP, DISAGREEMENT, "budget doubled", null,
                        List.of(CONVENOR), null))
                .expectException(violates(RuleViolation.class, "dissenters-only-with-dissent"))
                .expectNoEvents();
    }

    @Test
    void resolution_or_dissent_not_neither() {
        fixture.given(establishedEvents())
                .andGiven(disagreementRaised())
                .when(new ResolveDisagreement(PARTNERSHIP, DISAGREEMENT, " ", null, null, null))
                .expectException(violates(RuleViolation.class, "resolution-or-dissent"))
                .expectNoEvents();
    }

    // ---- conclusion ------------------------------------------------------------------------

    @Test
    void conclude_partnership() {
        fixture.given(establishedEvents())
                .when(new ConcludePartnership(PARTNERSHIP, "mandate fulfilled", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PartnershipConcluded(PARTNERSHIP, "mandate fulfilled"));
    }

    @Test
    void a_strategic_partnership_concludes_after_its_networks() {
        UUID network = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
        partnerships.addNetwork(PARTNERSHIP, network);
        fixture.given(establishedEvents())
                .when(new ConcludePartnership(PARTNERSHIP, "mandate fulfilled", null))
                .expectException(violates(RuleViolation.class, "conclusion-needs-networks-concluded"))
                .expectExceptionMessage("partnership " + PARTNERSHIP + " still has thematic networks working under it ("
                        + network + "); conclude them first")
                .expectNoEvents();
        partnerships.conclude(network);
        fixture.given(establishedEvents())
                .when(new ConcludePartnership(PARTNERSHIP, "mandate fulfilled", null))
                .expectEvents(new PartnershipConcluded(PARTNERSHIP, "mandate fulfilled"));
    }

    @Test
    void conclusion_waits_until_every_commitment_has_ended() {
        UUID first = UUID.fromString("00000000-0000-0000-0000-00000000c001");
        UUID second = UUID.fromString("00000000-0000-0000-0000-00000000c002");
        partnerships.openCommitment(PARTNERSHIP, first);
        partnerships.openCommitment(PARTNERSHIP, second);
        fixture.given(establishedEvents())
                .when(new ConcludePartnership(PARTNERSHIP, "mandate fulfilled", null))
                .expectException(violates(RuleViolation.class, "conclusion-needs-every-commitment-ended"))
                .expectExceptionMessage("partnership " + PARTNERSHIP + " has 2 open commitments (" + first + ", " + second
                        + "); report their outcomes or withdraw them before concluding")
                .expectNoEvents();
    }

    static Stream<Arguments> everyCommandOnAnExistingPartnership() {
        return Stream.of(
                new AdmitMember(PARTNERSHIP, OUTSIDER, MemberRole.PARTNER, Representation.MANAGEMENT, null),
                new ChangeMemberRole(PARTNERSHIP, PARTNER, MemberRole.OBSERVER, Representation.OPERATIONAL, null),
                new RecordDeparture(PARTNERSHIP, PARTNER, "leaving", null),
                new DefineResultGoal(PARTNERSHIP, UUID.randomUUID(), "Another goal", "km", "km",
                        BigDecimal.ZERO, BigDecimal.TEN, TARGET_DATE, List.of("11.2"), null),
                new ReviseResultGoal(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                        new BigDecimal("1200"), new BigDecimal("600"), TARGET_DATE, List.of("13.2"), "late", null),
                new SignAgreement(PARTNERSHIP, LocalDate.of(2028, 1, 1), "doc", TODAY, null),
                new ReviseMandate(PARTNERSHIP, "late mandate", "late", null),
                new RecordMeeting(PARTNERSHIP, UUID.randomUUID(), LocalDate.of(2028, 1, 1), "agenda", "minutes",
                        List.of(new Attendance(CONVENOR, Representation.LEADERSHIP)), TODAY, OSLO, null),
                new RaiseDisagreement(PARTNERSHIP, UUID.randomUUID(), PARTNER, "late", "too late", null),
                new ResolveDisagreement(PARTNERSHIP, DISAGREEMENT, "settled after all", null, null, null),
                new ConcludePartnership(PARTNERSHIP, "again", null)
        ).map(command -> Arguments.of(command.getClass().getSimpleName(), command));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOnAnExistingPartnership")
    void concluded_partnership_is_read_only(String name, Object command) {
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT),
                        goalDefined(), disagreementRaised(),
                        new PartnershipConcluded(PARTNERSHIP, "mandate fulfilled"))
                .when(command)
                .expectException(violates(RuleViolation.class, "concluded-partnership-is-read-only"))
                .expectNoEvents();
    }

    /** Guards the parameterized test above: each of its commands succeeds while the partnership is open. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOnAnExistingPartnership")
    void every_command_is_accepted_before_conclusion(String name, Object command) {
        fixture.given(establishedEvents())
                .andGiven(new MemberAdmitted(PARTNERSHIP, PARTNER, MemberRole.PARTNER, Representation.MANAGEMENT),
                        goalDefined(), disagreementRaised())
                .when(command)
                .expectSuccessfulHandlerExecution();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static EstablishPartnership establish(PartnershipKind kind, UUID parent, Period period) {
        return new EstablishPartnership(PARTNERSHIP, "Klimapartnerskap", kind, parent, "mandate", "purpose",
                "methods", "procedure", period, CONVENOR);
    }

    private static PartnershipEstablished established(PartnershipKind kind, UUID parent) {
        return new PartnershipEstablished(PARTNERSHIP, "Klimapartnerskap", kind, parent, "mandate", "purpose",
                "methods", "procedure", PERIOD, CONVENOR);
    }

    private static List<Object> establishedEvents() {
        return List.of(established(PartnershipKind.STRATEGIC, null),
                new MemberAdmitted(PARTNERSHIP, CONVENOR, MemberRole.CONVENOR, Representation.LEADERSHIP));
    }

    private static ResultGoalDefined goalDefined() {
        return new ResultGoalDefined(PARTNERSHIP, GOAL, "Fewer emissions", "CO2", "tonnes",
                new BigDecimal("1000"), new BigDecimal("500"), TARGET_DATE, List.of("13.2"));
    }

    private static DisagreementRaised disagreementRaised() {
        return new DisagreementRaised(PARTNERSHIP, DISAGREEMENT, CONVENOR, "budget", "too small");
    }

    /** The organisation lookup table, in memory. */
    static final class FakeRegistry implements OrganisationRegistry {

        private final Set<UUID> registered = new HashSet<>();

        void register(UUID organisationId) {
            registered.add(organisationId);
        }

        @Override
        public boolean isRegistered(UUID organisationId) {
            return registered.contains(organisationId);
        }

        @Override
        public Optional<UUID> findByNumber(String organisationNumber) {
            return Optional.empty();
        }
    }
}
