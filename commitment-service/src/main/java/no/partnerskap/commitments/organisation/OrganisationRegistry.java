package no.partnerskap.commitments.organisation;

import java.util.Optional;
import java.util.UUID;

/** The command side's view of which organisations and organisation numbers exist. */
public interface OrganisationRegistry {

    boolean isRegistered(UUID organisationId);

    Optional<UUID> findByNumber(String organisationNumber);
}
