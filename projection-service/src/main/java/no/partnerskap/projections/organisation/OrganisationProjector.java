package no.partnerskap.projections.organisation;

import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRenamed;
import no.partnerskap.projections.history.ReadModelProjector;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.EventHandler;
import no.partnerskap.projections.history.ReadModelWrites;
import org.springframework.stereotype.Component;

/** Names and numbers of organisations, for every page that shows one. */
@Component
@ProcessingGroup("organisations")
class OrganisationProjector implements ReadModelProjector {

    private final ReadModelWrites writes;

    OrganisationProjector(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(OrganisationRegistered event, @SequenceNumber long version) {
        writes.update("""
                insert into organisation_view (organisation_id, name, organisation_number, sector, version)
                values (?, ?, ?, ?, ?)""",
                event.organisationId(), event.name(), event.organisationNumber(), event.sector().name(), version);
    }

    @EventHandler
    void on(OrganisationRenamed event, @SequenceNumber long version) {
        writes.update("update organisation_view set name = ?, version = ? where organisation_id = ?",
                event.name(), version, event.organisationId());
    }

    @Override
    public java.util.List<String> tables() {
        return java.util.List.of("organisation_view");
    }

    @ResetHandler
    void reset() {
        writes.clear(tables());
    }
}
