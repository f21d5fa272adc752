package no.partnerskap.projections.organisation;

import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRenamed;
import no.partnerskap.projections.history.ReadModelProjector;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Names and numbers of organisations, for every page that shows one. */
@Component
@ProcessingGroup("organisations")
class OrganisationProjector implements ReadModelProjector {

    private final JdbcTemplate jdbc;

    OrganisationProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganisationRegistered event, @SequenceNumber long version) {
        jdbc.update("""
                insert into organisation_view (organisation_id, name, organisation_number, sector, version)
                values (?, ?, ?, ?, ?)""",
                event.organisationId(), event.name(), event.organisationNumber(), event.sector().name(), version);
    }

    @EventHandler
    void on(OrganisationRenamed event, @SequenceNumber long version) {
        jdbc.update("update organisation_view set name = ?, version = ? where organisation_id = ?",
                event.name(), version, event.organisationId());
    }

    @Override
    public java.util.List<String> tables() {
        return java.util.List.of("organisation_view");
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from organisation_view");
    }
}
