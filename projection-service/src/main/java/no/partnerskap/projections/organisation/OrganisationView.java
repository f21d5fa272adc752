package no.partnerskap.projections.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcOperations;

/** An organisation as its read model row holds it: what a registration or rename leaves behind. */
public record OrganisationView(UUID id, String name, String organisationNumber, String sector, long version) {

    /** Select list for {@link #map}. */
    static final String COLUMNS = "organisation_id, name, organisation_number, sector, version";

    static OrganisationView map(ResultSet rs, int row) throws SQLException {
        return new OrganisationView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getLong(5));
    }

    /** From the read model the given connection sees (today's, or one rebuilt as of an instant). */
    public static Optional<OrganisationView> find(JdbcOperations jdbc, UUID id) {
        return jdbc.query("select " + COLUMNS + " from organisation_view where organisation_id = ?",
                OrganisationView::map, id).stream().findFirst();
    }
}
