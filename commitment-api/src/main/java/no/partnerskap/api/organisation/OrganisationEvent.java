package no.partnerskap.api.organisation;

import java.util.UUID;

/** What happened to an organisation. Events are facts: never changed once stored. */
public sealed interface OrganisationEvent {

    UUID organisationId();

    record OrganisationRegistered(UUID organisationId, String name, String organisationNumber,
                                  Sector sector) implements OrganisationEvent {
    }

    record OrganisationRenamed(UUID organisationId, String previousName, String name) implements OrganisationEvent {
    }
}
