package no.partnerskap.commitments.organisation;

import java.util.UUID;
import no.partnerskap.api.organisation.Sector;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public final class OrganisationCommands {

    private OrganisationCommands() {
    }

    public record RegisterOrganisation(@TargetAggregateIdentifier UUID organisationId, String name,
                                       String organisationNumber, Sector sector) {
    }

    public record RenameOrganisation(@TargetAggregateIdentifier UUID organisationId, String name,
                                     @TargetAggregateVersion Long expectedVersion) {
    }
}
