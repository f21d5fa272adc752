package no.partnerskap.commitments.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRenamed;
import no.partnerskap.api.organisation.OrganisationNumber;
import no.partnerskap.commitments.organisation.OrganisationCommands.RegisterOrganisation;
import no.partnerskap.commitments.organisation.OrganisationCommands.RenameOrganisation;
import no.partnerskap.commitments.shared.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

/** A legal body that takes part in partnerships. */
// the shape of its snapshots: raise it when the fields change, and a snapshot of an older shape is set aside
// (the aggregate is then loaded from its events) instead of filling the new fields with nothing
@Revision("1")
public class Organisation {

    @AggregateIdentifier
    private UUID organisationId;
    private String name;

    protected Organisation() {
        // for Axon
    }

    @CommandHandler
    public Organisation(RegisterOrganisation command, OrganisationRegistry registry) {
        if (!OrganisationNumber.isValid(command.organisationNumber())) {
            throw new RuleViolation("organisation-number-must-be-valid",
                    "organisation number " + command.organisationNumber()
                            + " is not valid: nine digits, the first 8 or 9, the last a mod-11 check digit");
        }
        registry.findByNumber(command.organisationNumber()).ifPresent(existing -> {
            throw new RuleViolation("organisation-number-registers-once",
                    "organisation number " + command.organisationNumber() + " is already registered as " + existing);
        });
        apply(new OrganisationRegistered(command.organisationId(), command.name(), command.organisationNumber(),
                command.sector()));
    }

    @CommandHandler
    public void handle(RenameOrganisation command) {
        // a rename to the name it has would stand in the history as a change that was none
        if (command.name().equals(name)) {
            throw new RuleViolation("rename-changes-the-name", "the organisation is named " + name + " already");
        }
        apply(new OrganisationRenamed(organisationId, name, command.name()));
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisationId = event.organisationId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(OrganisationRenamed event) {
        name = event.name();
    }
}
