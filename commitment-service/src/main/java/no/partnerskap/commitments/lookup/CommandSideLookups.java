package no.partnerskap.commitments.lookup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.commitments.organisation.OrganisationRegistry;
import no.partnerskap.commitments.partnership.PartnershipDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the lookup tables that {@link LookupProjector} keeps in step with the events. */
@Component
class CommandSideLookups implements OrganisationRegistry, PartnershipDirectory {

    private final JdbcTemplate jdbc;

    CommandSideLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isRegistered(UUID organisationId) {
        return exists("select 1 from event_store.organisation_lookup where organisation_id = ?", organisationId);
    }

    @Override
    public Optional<UUID> findByNumber(String organisationNumber) {
        return jdbc.queryForList("select organisation_id from event_store.organisation_lookup where organisation_number = ?",
                UUID.class, organisationNumber).stream().findFirst();
    }

    @Override
    public Optional<PartnershipKind> kindOf(UUID partnershipId) {
        return jdbc.queryForList("select kind from event_store.partnership_lookup where partnership_id = ?",
                String.class, partnershipId).stream().findFirst().map(PartnershipKind::valueOf);
    }

    @Override
    public boolean isConcluded(UUID partnershipId) {
        return exists("select 1 from event_store.partnership_lookup where partnership_id = ? and concluded", partnershipId);
    }

    /** Shares the row's lock: concurrent commitments of one member do not wait for each other, a departure does. */
    @Override
    public boolean isActiveMember(UUID partnershipId, UUID organisationId) {
        return exists("""
                select 1 from event_store.membership_lookup where partnership_id = ? and organisation_id = ? and active
                for share""", partnershipId, organisationId);
    }

    @Override
    public void settleMembership(UUID partnershipId, UUID organisationId) {
        jdbc.queryForList("""
                select 1 from event_store.membership_lookup where partnership_id = ? and organisation_id = ?
                for update""", Integer.class, partnershipId, organisationId);
    }

    @Override
    public void settleMemberships(UUID partnershipId) {
        jdbc.queryForList("select 1 from event_store.membership_lookup where partnership_id = ? order by organisation_id for update",
                Integer.class, partnershipId);
    }

    @Override
    public List<UUID> openCommitments(UUID partnershipId) {
        return jdbc.queryForList("""
                select commitment_id from event_store.commitment_lookup where partnership_id = ? and open
                order by commitment_id""", UUID.class, partnershipId);
    }

    /** Shares the partnership's row lock: its conclusion, which takes that row first, waits for this command. */
    @Override
    public void holdOffConclusion(UUID partnershipId) {
        jdbc.queryForList("select 1 from event_store.partnership_lookup where partnership_id = ? for share",
                Integer.class, partnershipId);
    }

    @Override
    public List<UUID> openNetworks(UUID partnershipId) {
        jdbc.queryForList("select 1 from event_store.partnership_lookup where partnership_id = ? for update",
                Integer.class, partnershipId);
        return jdbc.queryForList("""
                select partnership_id from event_store.partnership_lookup
                where parent_partnership_id = ? and not concluded order by partnership_id""", UUID.class, partnershipId);
    }

    @Override
    public boolean hasGoal(UUID partnershipId, UUID goalId) {
        return exists("select 1 from event_store.goal_lookup where partnership_id = ? and goal_id = ?", partnershipId, goalId);
    }

    private boolean exists(String sql, Object... args) {
        return !jdbc.queryForList(sql, Integer.class, args).isEmpty();
    }
}
