package no.partnerskap.commitments.lookup;

import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentWithdrawn;
import no.partnerskap.api.commitment.CommitmentEvent.OutcomeReported;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.MemberLeft;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipConcluded;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalDefined;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the command side's lookup tables in step with the events, in the transaction that
 * appends them (a subscribing processor whose errors roll the command back). The unique
 * organisation number is enforced here by the table itself, so two concurrent registrations
 * of one number cannot both commit.
 */
@Component
@ProcessingGroup(LookupProjector.PROCESSING_GROUP)
class LookupProjector {

    static final String PROCESSING_GROUP = "command-side-lookups";

    private final JdbcTemplate jdbc;

    LookupProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganisationRegistered event) {
        jdbc.update("insert into event_store.organisation_lookup (organisation_id, organisation_number) values (?, ?)",
                event.organisationId(), event.organisationNumber());
    }

    @EventHandler
    void on(PartnershipEstablished event) {
        jdbc.update("""
                insert into event_store.partnership_lookup (partnership_id, kind, parent_partnership_id)
                values (?, ?, ?)""", event.partnershipId(), event.kind().name(), event.parentPartnershipId());
    }

    @EventHandler
    void on(PartnershipConcluded event) {
        jdbc.update("update event_store.partnership_lookup set concluded = true where partnership_id = ?",
                event.partnershipId());
    }

    @EventHandler
    void on(MemberAdmitted event) {
        jdbc.update("""
                insert into event_store.membership_lookup (partnership_id, organisation_id, active) values (?, ?, true)
                on conflict (partnership_id, organisation_id) do update set active = true""",
                event.partnershipId(), event.organisationId());
    }

    @EventHandler
    void on(MemberLeft event) {
        jdbc.update("update event_store.membership_lookup set active = false where partnership_id = ? and organisation_id = ?",
                event.partnershipId(), event.organisationId());
    }

    @EventHandler
    void on(ResultGoalDefined event) {
        jdbc.update("insert into event_store.goal_lookup (partnership_id, goal_id) values (?, ?)",
                event.partnershipId(), event.goalId());
    }

    @EventHandler
    void on(CommitmentRecorded event) {
        jdbc.update("insert into event_store.commitment_lookup (commitment_id, partnership_id, open) values (?, ?, true)",
                event.commitmentId(), event.partnershipId());
    }

    @EventHandler
    void on(OutcomeReported event) {
        closed(event.commitmentId());
    }

    @EventHandler
    void on(CommitmentWithdrawn event) {
        closed(event.commitmentId());
    }

    private void closed(UUID commitmentId) {
        jdbc.update("update event_store.commitment_lookup set open = false where commitment_id = ?", commitmentId);
    }
}
