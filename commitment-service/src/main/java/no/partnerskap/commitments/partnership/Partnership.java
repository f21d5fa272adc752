package no.partnerskap.commitments.partnership;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.partnerskap.api.common.SdgCatalogue;
import no.partnerskap.api.common.VisibleText;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

/** A partnership: its members, goals, agreement, meetings and disagreements, until it concludes. */
// the shape of its snapshots: raise it when the fields change, and a snapshot of an older shape is set aside
// (the aggregate is then loaded from its events) instead of filling the new fields with nothing
@Revision("1")
public class Partnership {

    @AggregateIdentifier
    private UUID partnershipId;
    private String mandate;
    private boolean concluded;
    private Map<UUID, MemberRole> activeMembers = new HashMap<>();
    private Map<UUID, Representation> representations = new HashMap<>();
    // each time an organisation was away, from leaving until admitted again (null: still away), for meetings recorded
    // after the fact
    private Map<UUID, List<Absence>> absences = new HashMap<>();
    private Map<UUID, GoalFigures> goals = new HashMap<>();
    private Set<UUID> openDisagreements = new HashSet<>();
    private Set<UUID> closedDisagreements = new HashSet<>();

    /** A goal as defined or last revised; a revision must change some of it. */
    record GoalFigures(String title, String indicator, String unit, BigDecimal baseline, BigDecimal target,
                       LocalDate targetDate, Set<String> sdgTargets) {

        boolean sameAs(ReviseResultGoal revision) {
            return Objects.equals(title, revision.title()) && Objects.equals(indicator, revision.indicator())
                    && Objects.equals(unit, revision.unit()) && sameNumber(baseline, revision.baseline())
                    && sameNumber(target, revision.target()) && Objects.equals(targetDate, revision.targetDate())
                    && sdgTargets.equals(targets(revision.sdgTargets()));
        }

        /** Their order says nothing; an event stored before goals had targets has none. */
        static Set<String> targets(List<String> sdgTargets) {
            return sdgTargets == null ? Set.of() : new HashSet<>(sdgTargets);
        }

        private static boolean sameNumber(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }

    /** From leaving until admitted again; {@code back} null while still away. */
    record Absence(Instant left, Instant back) {
    }

    protected Partnership() {
        // for Axon
    }

    @CommandHandler
    public Partnership(EstablishPartnership command, PartnershipDirectory partnerships,
                       OrganisationRegistry organisations) {
        UUID parent = command.parentPartnershipId();
        if (command.kind() == PartnershipKind.THEMATIC_NETWORK && parent != null) {
            PartnershipKind parentKind = partnerships.kindOf(parent).orElseThrow(() -> new UnknownReference(
                    "parent-partnership-must-exist", "no partnership " + parent));
            if (parentKind != PartnershipKind.STRATEGIC) {
                throw new RuleViolation("network-parent-must-be-strategic",
                        "a thematic network can only sit under a strategic partnership; " + parent + " is " + parentKind);
            }
            partnerships.holdOffConclusion(parent);
            if (partnerships.isConcluded(parent)) {
                throw new RuleViolation("concluded-partnership-is-read-only",
                        "parent partnership " + parent + " has concluded");
            }
        }
        if (command.kind() == PartnershipKind.THEMATIC_NETWORK && parent == null) {
            // outside any strategic partnership it would escape the rule that one concludes after its networks
            throw new RuleViolation("network-sits-under-a-strategic-partnership",
                    "a thematic network needs parentPartnershipId: the strategic partnership it sits under");
        }
        if (command.kind() == PartnershipKind.STRATEGIC && parent != null) {
            throw new RuleViolation("strategic-partnership-has-no-parent",
                    "a strategic partnership sits at the top; only thematic networks have a parent");
        }
        if (!organisations.isRegistered(command.convenorOrganisationId())) {
            throw new UnknownReference("member-must-be-registered-organisation",
                    "no organisation " + command.convenorOrganisationId());
        }
        if (command.period() != null && command.period().to() != null
                && command.period().to().isBefore(command.period().from())) {
            throw new RuleViolation("period-must-not-end-before-it-starts", "the period ends before it starts");
        }
        apply(new PartnershipEstablished(command.partnershipId(), command.name(), command.kind(), parent,
                command.mandate(), command.purpose(), command.workingMethods(), command.disagreementProcedure(),
                command.period(), command.convenorOrganisationId()));
        // the convenor leads from the start: it is the partnership's first member
        apply(new MemberAdmitted(command.partnershipId(), command.convenorOrganisationId(), MemberRole.CONVENOR,
                Representation.LEADERSHIP));
    }

    @CommandHandler
    public void handle(AdmitMember command, OrganisationRegistry organisations) {
        requireOpen();
        if (!organisations.isRegistered(command.organisationId())) {
            throw new UnknownReference("member-must-be-registered-organisation",
                    "no organisation " + command.organisationId());
        }
        if (activeMembers.containsKey(command.organisationId())) {
            throw new RuleViolation("member-at-most-once",
                    "organisation " + command.organisationId() + " is already a member");
        }
        if (command.role() == MemberRole.CONVENOR) {
            handOverConveningTo(command.organisationId());
        }
        apply(new MemberAdmitted(partnershipId, command.organisationId(), command.role(), command.representation()));
    }

    @CommandHandler
    public void handle(ChangeMemberRole command) {
        requireOpen();
        MemberRole previous = requireMember(command.organisationId());
        if (previous == command.role() && (command.representation() == null
                || command.representation() == representations.get(command.organisationId()))) {
            // it would stand in the history as a change that was none
            throw new RuleViolation("role-change-changes-the-membership", "organisation " + command.organisationId()
                    + " is " + previous + " at " + representations.get(command.organisationId()) + " level already");
        }
        if (command.role() == MemberRole.CONVENOR) {
            handOverConveningTo(command.organisationId());
        } else if (previous == MemberRole.CONVENOR) {
            throw convenorHandsOverFirst(command.organisationId());
        }
        apply(new MemberRoleChanged(partnershipId, command.organisationId(), previous, command.role(),
                command.representation()));
    }

    @CommandHandler
    public void handle(RecordDeparture command, PartnershipDirectory partnerships) {
        requireOpen();
        if (requireMember(command.organisationId()) == MemberRole.CONVENOR) {
            throw convenorHandsOverFirst(command.organisationId());
        }
        partnerships.settleMembership(partnershipId, command.organisationId());
        apply(new MemberLeft(partnershipId, command.organisationId(), command.reason()));
    }

    @CommandHandler
    public void handle(DefineResultGoal command) {
        requireOpen();
        if (goals.containsKey(command.goalId())) {
            // changing a goal's figures is a revision, with a reason, that keeps the old ones visible
            throw new RuleViolation("goal-defined-once", "goal " + command.goalId() + " is already defined");
        }
        requireKnownSdgTargets(command.sdgTargets());
        apply(new ResultGoalDefined(partnershipId, command.goalId(), command.title(), command.indicator(),
                command.unit(), command.baseline(), command.target(), command.targetDate(),
                List.copyOf(command.sdgTargets())));
    }

    @CommandHandler
    public void handle(ReviseResultGoal command) {
        requireOpen();
        GoalFigures previous = goals.get(command.goalId());
        if (previous == null) {
            throw new NotFound("goal-must-exist", "no goal " + command.goalId() + " in this partnership");
        }
        requireKnownSdgTargets(command.sdgTargets());
        if (previous.sameAs(command)) {
            // it would stand in the history, with its reason, as a change that was none
            throw new RuleViolation("goal-revision-changes-the-goal",
                    "goal " + command.goalId() + " has this title, indicator, unit, figures, date and SDG targets already");
        }
        apply(new ResultGoalRevised(partnershipId, command.goalId(), command.title(), command.indicator(),
                command.unit(), previous.baseline(), command.baseline(), previous.target(), command.target(),
                command.targetDate(), List.copyOf(command.sdgTargets()), command.reason()));
    }

    @CommandHandler
    public void handle(SignAgreement command) {
        requireOpen();
        if (command.signedOn().isAfter(command.today())) {
            throw new RuleViolation("agreement-not-signed-in-the-future",
                    "an agreement cannot have been signed on " + command.signedOn() + ", a day still to come");
        }
        apply(new AgreementSigned(partnershipId, command.signedOn(), command.documentReference()));
    }

    @CommandHandler
    public void handle(ReviseMandate command) {
        requireOpen();
        // a revision to the mandate it has would stand in the history, with its reason, as a change that was none
        if (command.mandate().equals(mandate)) {
            throw new RuleViolation("revision-changes-the-mandate", "the mandate reads so already");
        }
        apply(new MandateRevised(partnershipId, mandate, command.mandate(), command.reason()));
    }

    @CommandHandler
    public void handle(RecordMeeting command) {
        requireOpen();
        if (command.date().isAfter(command.today())) {
            throw new RuleViolation("meeting-not-in-the-future",
                    "a meeting on " + command.date() + " has not been held yet; record it once it has");
        }
        requireMembersOn(command.date(), command.zone(),
                command.attendance().stream().map(Attendance::organisationId).toList());
        apply(new MeetingRecorded(partnershipId, command.meetingId(), command.date(), command.agenda(),
                command.minutesReference(), List.copyOf(command.attendance())));
    }

    @CommandHandler
    public void handle(RaiseDisagreement command) {
        requireOpen();
        if (!activeMembers.containsKey(command.organisationId())) {
            throw new RuleViolation("only-members-raise-disagreements",
                    "organisation " + command.organisationId() + " is not a member of this partnership");
        }
        apply(new DisagreementRaised(partnershipId, command.disagreementId(), command.organisationId(),
                command.subject(), command.description()));
    }

    @CommandHandler
    public void handle(ResolveDisagreement command) {
        requireOpen();
        if (closedDisagreements.contains(command.disagreementId())) {
            throw new RuleViolation("disagreement-closes-once",
                    "disagreement " + command.disagreementId() + " is closed already; its record stands");
        }
        if (!openDisagreements.contains(command.disagreementId())) {
            throw new NotFound("disagreement-must-be-open",
                    "no open disagreement " + command.disagreementId() + " in this partnership");
        }
        // neither is required on its own, so the request's @NotBlank cannot check them: the same test here
        boolean resolved = !VisibleText.isBlank(command.resolution());
        boolean dissent = !VisibleText.isBlank(command.dissent());
        if (resolved == dissent) {
            throw new RuleViolation("resolution-or-dissent",
                    "a disagreement closes with either a resolution or a recorded dissent");
        }
        if (resolved && command.dissentingOrganisationIds() != null && !command.dissentingOrganisationIds().isEmpty()) {
            // a resolution's event has no dissenters: named, they would be dropped without a word
            throw new RuleViolation("dissenters-only-with-dissent",
                    "dissenting organisations are named with a recorded dissent, not with a resolution");
        }
        if (resolved) {
            apply(new DisagreementResolved(partnershipId, command.disagreementId(), command.resolution()));
        } else {
            List<UUID> dissenters = command.dissentingOrganisationIds() == null
                    ? List.of() : List.copyOf(command.dissentingOrganisationIds());
            // a dissent is a member's position when the partnership closes the matter, as attendance is on the
            // meeting's day: an organisation that has left, or never joined, has no say in it
            requireMembers("dissenters-must-be-members", dissenters);
            apply(new DisagreementClosedWithDissent(partnershipId, command.disagreementId(), command.dissent(),
                    dissenters));
        }
    }

    @CommandHandler
    public void handle(ConcludePartnership command, PartnershipDirectory partnerships) {
        requireOpen();
        // after the memberships settle, no commitment can be recorded that this check would miss
        partnerships.settleMemberships(partnershipId);
        requireEveryCommitmentEnded(partnerships.openCommitments(partnershipId));
        List<UUID> networks = partnerships.openNetworks(partnershipId);
        if (!networks.isEmpty()) {
            throw new RuleViolation("conclusion-needs-networks-concluded", "partnership " + partnershipId
                    + " still has thematic networks working under it (" + networks.stream().map(UUID::toString)
                    .collect(Collectors.joining(", ")) + "); conclude them first", Map.of("openNetworks", networks));
        }
        apply(new PartnershipConcluded(partnershipId, command.reason()));
    }

    /**
     * Nothing can be reported once the partnership has concluded, so a commitment still open then
     * would stay open for good: each needs its outcome, or its withdrawal, first.
     */
    private void requireEveryCommitmentEnded(List<UUID> open) {
        if (!open.isEmpty()) {
            List<String> shown = open.stream().limit(20).map(UUID::toString).toList();
            throw new RuleViolation("conclusion-needs-every-commitment-ended", "partnership " + partnershipId + " has "
                    + open.size() + (open.size() == 1 ? " open commitment" : " open commitments") + " ("
                    + String.join(", ", shown) + (open.size() > shown.size() ? ", ..." : "")
                    + "); report their outcomes or withdraw them before concluding", Map.of("openCommitments", open));
        }
    }

    private void requireOpen() {
        if (concluded) {
            throw new RuleViolation("concluded-partnership-is-read-only",
                    "partnership " + partnershipId + " has concluded; it can only be read");
        }
    }

    /**
     * One convenor at a time, and the convening passes over in one step: the member who convenes now becomes a
     * partner as the new convenor takes over, so the partnership is never left without one.
     */
    private void handOverConveningTo(UUID organisationId) {
        activeMembers.entrySet().stream()
                .filter(member -> member.getValue() == MemberRole.CONVENOR && !member.getKey().equals(organisationId))
                .map(Map.Entry::getKey)
                .findFirst()
                .ifPresent(current -> apply(new MemberRoleChanged(partnershipId, current, MemberRole.CONVENOR,
                        MemberRole.PARTNER, null)));
    }

    private RuleViolation convenorHandsOverFirst(UUID organisationId) {
        return new RuleViolation("convenor-hands-over-first", "organisation " + organisationId
                + " convenes this partnership; make another member its convenor first (the convenor then becomes"
                + " a partner)");
    }

    private MemberRole requireMember(UUID organisationId) {
        MemberRole role = activeMembers.get(organisationId);
        if (role == null) {
            throw new NotFound("member-must-be-active",
                    "organisation " + organisationId + " is not a member of this partnership");
        }
        return role;
    }

    private void requireMembers(String rule, List<UUID> organisations) {
        for (UUID organisation : organisations) {
            if (!activeMembers.containsKey(organisation)) {
                throw new RuleViolation(rule, "organisation " + organisation + " is not a member of this partnership");
            }
        }
    }

    /**
     * Minutes are often approved, and the meeting recorded, after the fact: an attendee had not left the partnership
     * by the meeting's day, or was admitted again by then. Admission is not held against the day otherwise:
     * partnerships are often entered in the system after they began, so a first admission there comes later than
     * the real one.
     */
    private void requireMembersOn(LocalDate meetingDate, ZoneId zone, List<UUID> attendees) {
        for (UUID attendee : attendees) {
            List<Absence> away = absences.getOrDefault(attendee, List.of());
            if (!activeMembers.containsKey(attendee) && away.isEmpty()) {
                throw new RuleViolation("attendees-must-be-members",
                        "organisation " + attendee + " is not a member of this partnership");
            }
            for (Absence absence : away) {
                LocalDate leftOn = LocalDate.ofInstant(absence.left(), zone);
                LocalDate backOn = absence.back() == null ? null : LocalDate.ofInstant(absence.back(), zone);
                if (leftOn.isBefore(meetingDate) && (backOn == null || backOn.isAfter(meetingDate))) {
                    throw new RuleViolation("attendees-must-be-members", "organisation " + attendee
                            + " left this partnership on " + leftOn + ", before the meeting on " + meetingDate
                            + (backOn == null ? "" : ", and was admitted again only on " + backOn));
                }
            }
        }
    }

    private static void requireKnownSdgTargets(List<String> targets) {
        for (String target : targets) {
            if (!SdgCatalogue.official().isTarget(target)) {
                throw new RuleViolation("sdg-target-must-exist", target + " is not one of the 169 SDG targets");
            }
        }
    }

    @EventSourcingHandler
    void on(PartnershipEstablished event) {
        partnershipId = event.partnershipId();
        mandate = event.mandate();
    }

    @EventSourcingHandler
    void on(MemberAdmitted event, @Timestamp Instant at) {
        activeMembers.put(event.organisationId(), event.role());
        representations.put(event.organisationId(), event.representation());
        List<Absence> away = absences.getOrDefault(event.organisationId(), List.of());
        Absence last = away.isEmpty() ? null : away.get(away.size() - 1);
        if (last != null && last.back() == null) {
            away.set(away.size() - 1, new Absence(last.left(), at));
        }
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        activeMembers.put(event.organisationId(), event.role());
        if (event.representation() != null) {
            // none given: the representation stays as it was
            representations.put(event.organisationId(), event.representation());
        }
    }

    @EventSourcingHandler
    void on(MemberLeft event, @Timestamp Instant leftAt) {
        activeMembers.remove(event.organisationId());
        absences.computeIfAbsent(event.organisationId(), organisation -> new ArrayList<>())
                .add(new Absence(leftAt, null));
    }

    @EventSourcingHandler
    void on(ResultGoalDefined event) {
        goals.put(event.goalId(), new GoalFigures(event.title(), event.indicator(), event.unit(), event.baseline(),
                event.target(), event.targetDate(), GoalFigures.targets(event.sdgTargets())));
    }

    @EventSourcingHandler
    void on(ResultGoalRevised event) {
        goals.put(event.goalId(), new GoalFigures(event.title(), event.indicator(), event.unit(), event.baseline(),
                event.target(), event.targetDate(), GoalFigures.targets(event.sdgTargets())));
    }

    @EventSourcingHandler
    void on(MandateRevised event) {
        mandate = event.mandate();
    }

    @EventSourcingHandler
    void on(DisagreementRaised event) {
        openDisagreements.add(event.disagreementId());
    }

    @EventSourcingHandler
    void on(DisagreementResolved event) {
        openDisagreements.remove(event.disagreementId());
        closedDisagreements.add(event.disagreementId());
    }

    @EventSourcingHandler
    void on(DisagreementClosedWithDissent event) {
        openDisagreements.remove(event.disagreementId());
        closedDisagreements.add(event.disagreementId());
    }

    @EventSourcingHandler
    void on(PartnershipConcluded event) {
        concluded = true;
    }
}
