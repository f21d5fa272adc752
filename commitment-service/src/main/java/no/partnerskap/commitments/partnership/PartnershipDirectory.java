package no.partnerskap.commitments.partnership;

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

    boolean isActiveMember(UUID partnershipId, UUID organisationId);

    boolean hasGoal(UUID partnershipId, UUID goalId);
}
