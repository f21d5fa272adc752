package no.partnerskap.projections.partnership;


import java.time.Instant;
import java.util.UUID;
import no.partnerskap.api.partnership.Attendance;
import no.partnerskap.api.partnership.PartnershipEvent.AgreementSigned;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementClosedWithDissent;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementRaised;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementResolved;
import no.partnerskap.api.partnership.PartnershipEvent.MeetingRecorded;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalDefined;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalRevised;
import no.partnerskap.api.partnership.PartnershipEvent.MandateRevised;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.MemberLeft;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.MemberRoleChanged;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipConcluded;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent;
import no.partnerskap.projections.history.ReadModelProjector;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import no.partnerskap.projections.history.ReadModelWrites;
import org.springframework.stereotype.Component;

/** Partnerships and their members, as the follow-up dashboard shows them. */
@Component
@ProcessingGroup("partnership-follow-up")
class PartnershipProjector implements ReadModelProjector {

    private final ReadModelWrites writes;

    PartnershipProjector(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(PartnershipEstablished e, @SequenceNumber long version, @Timestamp Instant at) {
        writes.update("""
                insert into partnership_view (partnership_id, name, kind, parent_partnership_id, mandate,
                    purpose, working_methods, disagreement_procedure, period_from, period_to,
                    convenor_organisation_id, established_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.partnershipId(), e.name(), e.kind().name(), e.parentPartnershipId(), e.mandate(), e.purpose(),
                e.workingMethods(), e.disagreementProcedure(), e.period() == null ? null : e.period().from(),
                e.period() == null ? null : e.period().to(), e.convenorOrganisationId(),
                java.sql.Timestamp.from(at), version);
    }

    @EventHandler
    void on(MemberAdmitted e, @SequenceNumber long version, @Timestamp Instant at) {
        writes.update("""
                insert into partnership_member (partnership_id, organisation_id, role, representation,
                    active, admitted_at)
                values (?, ?, ?, ?, true, ?)
                on conflict (partnership_id, organisation_id) do update set role = excluded.role,
                    representation = excluded.representation, active = true, admitted_at = excluded.admitted_at,
                    left_at = null, leave_reason = null""",
                e.partnershipId(), e.organisationId(), e.role().name(), e.representation().name(),
                java.sql.Timestamp.from(at));
        writes.update("""
                insert into membership_period (partnership_id, organisation_id, admitted_at) values (?, ?, ?)
                on conflict do nothing""", e.partnershipId(), e.organisationId(), java.sql.Timestamp.from(at));
        if (e.role() == MemberRole.CONVENOR) {
            convenes(e.partnershipId(), e.organisationId());
        }
        touch(e, version);
    }

    @EventHandler
    void on(MemberRoleChanged e, @SequenceNumber long version) {
        writes.update("""
                update partnership_member set role = ?, representation = coalesce(?, representation)
                where partnership_id = ? and organisation_id = ?""",
                e.role().name(), e.representation() == null ? null : e.representation().name(), e.partnershipId(),
                e.organisationId());
        if (e.role() == MemberRole.CONVENOR) {
            convenes(e.partnershipId(), e.organisationId());
        } else if (e.previousRole() == MemberRole.CONVENOR) {
            stopsConvening(e.partnershipId(), e.organisationId());
        }
        touch(e, version);
    }

    @EventHandler
    void on(MemberLeft e, @SequenceNumber long version, @Timestamp Instant at) {
        writes.update("""
                update partnership_member set active = false, left_at = ?, leave_reason = ?
                where partnership_id = ? and organisation_id = ?""",
                java.sql.Timestamp.from(at), e.reason(), e.partnershipId(), e.organisationId());
        writes.update("""
                update membership_period set left_at = ?
                where partnership_id = ? and organisation_id = ? and left_at is null""",
                java.sql.Timestamp.from(at), e.partnershipId(), e.organisationId());
        stopsConvening(e.partnershipId(), e.organisationId());
        touch(e, version);
    }

    /** The convenor shown is the member who convenes now, not the one the partnership was established with. */
    private void convenes(UUID partnershipId, UUID organisationId) {
        writes.update("update partnership_view set convenor_organisation_id = ? where partnership_id = ?",
                organisationId, partnershipId);
    }

    /** Until another member convenes, none does. */
    private void stopsConvening(UUID partnershipId, UUID organisationId) {
        writes.update("""
                update partnership_view set convenor_organisation_id = null
                where partnership_id = ? and convenor_organisation_id = ?""", partnershipId, organisationId);
    }

    @EventHandler
    void on(AgreementSigned e, @SequenceNumber long version) {
        writes.update("update partnership_view set agreement_signed_on = ?, agreement_reference = ? "
                + "where partnership_id = ?", e.signedOn(), e.documentReference(), e.partnershipId());
        touch(e, version);
    }

    @EventHandler
    void on(MandateRevised e, @SequenceNumber long version, @Timestamp Instant at) {
        writes.update("update partnership_view set mandate = ? where partnership_id = ?",
                e.mandate(), e.partnershipId());
        // the mandate it replaced and why stay visible beside it (the upgrade that began keeping them copied every
        // revision stored, those this processor had not reached yet included)
        writes.update("""
                insert into mandate_revision (partnership_id, sequence_number, previous_mandate, mandate, reason,
                    recorded_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict do nothing""", e.partnershipId(), version, e.previousMandate(), e.mandate(), e.reason(),
                java.sql.Timestamp.from(at));
        touch(e, version);
    }

    @EventHandler
    void on(PartnershipConcluded e, @SequenceNumber long version, @Timestamp Instant at) {
        writes.update("update partnership_view set concluded = true, conclusion_reason = ?, concluded_at = ? "
                + "where partnership_id = ?", e.reason(), java.sql.Timestamp.from(at), e.partnershipId());
        touch(e, version);
    }

    @EventHandler
    void on(ResultGoalDefined e, @SequenceNumber long version, @Timestamp Instant at) {
        writes.update("""
                insert into goal_view (partnership_id, goal_id, title, indicator, unit, baseline, target, target_date,
                    sdg_targets)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.partnershipId(), e.goalId(), e.title(), e.indicator(), e.unit(), e.baseline(), e.target(),
                e.targetDate(), e.sdgTargets().toArray(String[]::new));
        writes.update("""
                insert into goal_revision (goal_id, revision, baseline, target, recorded_at, title, indicator, unit,
                    target_date, sdg_targets)
                values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.goalId(), e.baseline(), e.target(), java.sql.Timestamp.from(at), e.title(), e.indicator(), e.unit(),
                e.targetDate(), e.sdgTargets().toArray(String[]::new));
        touch(e, version);
    }

    @EventHandler
    void on(ResultGoalRevised e, @SequenceNumber long version, @Timestamp Instant at) {
        writes.update("""
                update goal_view set title = ?, indicator = ?, unit = ?, baseline = ?, target = ?, target_date = ?,
                    sdg_targets = ?, revisions = revisions + 1
                where goal_id = ?""",
                e.title(), e.indicator(), e.unit(), e.baseline(), e.target(), e.targetDate(),
                e.sdgTargets().toArray(String[]::new), e.goalId());
        writes.update("""
                insert into goal_revision (goal_id, revision, baseline, target, previous_baseline, previous_target,
                    reason, recorded_at, title, indicator, unit, target_date, sdg_targets)
                select ?, revisions, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from goal_view where goal_id = ?""",
                e.goalId(), e.baseline(), e.target(), e.previousBaseline(), e.previousTarget(), e.reason(),
                java.sql.Timestamp.from(at), e.title(), e.indicator(), e.unit(), e.targetDate(),
                e.sdgTargets().toArray(String[]::new), e.goalId());
        touch(e, version);
    }

    @EventHandler
    void on(MeetingRecorded e, @SequenceNumber long version) {
        writes.update("""
                insert into meeting_view (meeting_id, partnership_id, meeting_date, agenda, minutes_reference)
                values (?, ?, ?, ?, ?)""", e.meetingId(), e.partnershipId(), e.date(), e.agenda(), e.minutesReference());
        for (Attendance a : e.attendance()) {
            // meetings recorded before the write side refused it may list an organisation twice: the first counts
            writes.update("""
                    insert into meeting_attendance (meeting_id, partnership_id, organisation_id, representation)
                    values (?, ?, ?, ?) on conflict (meeting_id, organisation_id) do nothing""",
                    e.meetingId(), e.partnershipId(), a.organisationId(), a.representation().name());
        }
        touch(e, version);
    }

    @EventHandler
    void on(DisagreementRaised e, @SequenceNumber long version, @Timestamp Instant at) {
        writes.update("""
                insert into disagreement_view (disagreement_id, partnership_id, organisation_id, subject, description,
                    state, raised_at)
                values (?, ?, ?, ?, ?, 'OPEN', ?)""", e.disagreementId(), e.partnershipId(), e.organisationId(),
                e.subject(), e.description(), java.sql.Timestamp.from(at));
        touch(e, version);
    }

    @EventHandler
    void on(DisagreementResolved e, @SequenceNumber long version, @Timestamp Instant at) {
        writes.update("""
                update disagreement_view set state = 'RESOLVED', resolution = ?, closed_at = ?
                where disagreement_id = ?""", e.resolution(), java.sql.Timestamp.from(at), e.disagreementId());
        touch(e, version);
    }

    @EventHandler
    void on(DisagreementClosedWithDissent e, @SequenceNumber long version, @Timestamp Instant at) {
        writes.update("""
                update disagreement_view set state = 'DISSENT', dissent = ?, dissenting_organisation_ids = ?,
                    closed_at = ?
                where disagreement_id = ?""", e.dissent(),
                e.dissentingOrganisationIds().toArray(java.util.UUID[]::new), java.sql.Timestamp.from(at), e.disagreementId());
        touch(e, version);
    }

    /** Any other partnership event still moves the version a reader may wait for. */
    @EventHandler
    void on(PartnershipEvent e, @SequenceNumber long version) {
        touch(e, version);
    }

    private void touch(PartnershipEvent e, long version) {
        writes.update("update partnership_view set version = greatest(version, ?) where partnership_id = ?",
                version, e.partnershipId());
    }

    @Override
    public java.util.List<String> tables() {
        return TABLES;
    }

    @ResetHandler
    void reset() {
        writes.clear(tables());
    }

    static final java.util.List<String> TABLES = java.util.List.of("partnership_view", "partnership_member",
            "membership_period", "goal_view", "goal_revision", "meeting_view", "meeting_attendance", "disagreement_view",
            "mandate_revision");
}
