package no.partnerskap.commitments.partnership;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.partnerskap.api.partnership.PartnershipKind;

/**
 * The command side's lookup of partnerships, memberships and goals, kept in step with the
 * Partnership events. Other aggregates consult it instead of loading a Partnership.
 */
public interface PartnershipDirectory {

    Optional<PartnershipKind> kindOf(UUID partnershipId);

    boolean isConcluded(UUID partnershipId);

    /**
     * Whether the organisation is an active member; the answer holds until the command's transaction ends:
     * a departure or conclusion recorded meanwhile waits, and so comes after this command in the store's order.
     */
    boolean isActiveMember(UUID partnershipId, UUID organisationId);

    /**
     * Waits for commitments being recorded on the membership to be stored, and holds off new ones until this
     * command's transaction ends (they then find the member gone): called before a departure is applied.
     */
    void settleMembership(UUID partnershipId, UUID organisationId);

    /** As {@link #settleMembership}, for every membership of the partnership: called before it concludes. */
    void settleMemberships(UUID partnershipId);

    /**
     * Holds off the partnership's conclusion until this command's transaction ends, and waits for one under way:
     * called before a command that a concluded partnership refuses checks that it has not concluded, where
     * nothing else would keep the conclusion from being stored first (a thematic network under it, an
     * assessment of a closed commitment).
     */
    void holdOffConclusion(UUID partnershipId);

    /**
     * The thematic networks under the partnership that have not concluded; no new one can be established
     * under it until this command's transaction ends.
     */
    List<UUID> openNetworks(UUID partnershipId);

    /** The partnership's commitments that have neither an outcome nor a withdrawal yet. */
    List<UUID> openCommitments(UUID partnershipId);

    boolean hasGoal(UUID partnershipId, UUID goalId);
}
