package no.partnerskap.projections.partnership;


import java.time.Instant;
import no.partnerskap.api.partnership.PartnershipEvent.AgreementSigned;
import no.partnerskap.api.partnership.PartnershipEvent.MandateRevised;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.MemberLeft;
import no.partnerskap.api.partnership.PartnershipEvent.MemberRoleChanged;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipConcluded;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Partnerships and their members, as the follow-up dashboard shows them. */
@Component
@ProcessingGroup("partnership-follow-up")
class PartnershipProjector {

    private final JdbcTemplate jdbc;

    PartnershipProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PartnershipEstablished e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                insert into projection.partnership_view (partnership_id, name, kind, parent_partnership_id, mandate,
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
        jdbc.update("""
                insert into projection.partnership_member (partnership_id, organisation_id, role, representation,
                    active, admitted_at)
                values (?, ?, ?, ?, true, ?)
                on conflict (partnership_id, organisation_id) do update set role = excluded.role,
                    representation = excluded.representation, active = true, admitted_at = excluded.admitted_at,
                    left_at = null, leave_reason = null""",
                e.partnershipId(), e.organisationId(), e.role().name(), e.representation().name(),
                java.sql.Timestamp.from(at));
        touch(e, version);
    }

    @EventHandler
    void on(MemberRoleChanged e, @SequenceNumber long version) {
        jdbc.update("""
                update projection.partnership_member set role = ?, representation = coalesce(?, representation)
                where partnership_id = ? and organisation_id = ?""",
                e.role().name(), e.representation() == null ? null : e.representation().name(), e.partnershipId(),
                e.organisationId());
        touch(e, version);
    }

    @EventHandler
    void on(MemberLeft e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                update projection.partnership_member set active = false, left_at = ?, leave_reason = ?
                where partnership_id = ? and organisation_id = ?""",
                java.sql.Timestamp.from(at), e.reason(), e.partnershipId(), e.organisationId());
        touch(e, version);
    }

    @EventHandler
    void on(AgreementSigned e, @SequenceNumber long version) {
        jdbc.update("update projection.partnership_view set agreement_signed_on = ?, agreement_reference = ? "
                + "where partnership_id = ?", e.signedOn(), e.documentReference(), e.partnershipId());
        touch(e, version);
    }

    @EventHandler
    void on(MandateRevised e, @SequenceNumber long version) {
        jdbc.update("update projection.partnership_view set mandate = ? where partnership_id = ?",
                e.mandate(), e.partnershipId());
        touch(e, version);
    }

    @EventHandler
    void on(PartnershipConcluded e, @SequenceNumber long version) {
        jdbc.update("update projection.partnership_view set concluded = true, conclusion_reason = ? "
                + "where partnership_id = ?", e.reason(), e.partnershipId());
        touch(e, version);
    }

    /** Any other partnership event still moves the version a reader may wait for. */
    @EventHandler
    void on(PartnershipEvent e, @SequenceNumber long version) {
        touch(e, version);
    }

    private void touch(PartnershipEvent e, long version) {
        jdbc.update("update projection.partnership_view set version = greatest(version, ?) where partnership_id = ?",
                version, e.partnershipId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from projection.partnership_member");
        jdbc.update("delete from projection.partnership_view");
    }
}
