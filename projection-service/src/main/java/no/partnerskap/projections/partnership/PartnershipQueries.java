package no.partnerskap.projections.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the partnership read model. */
@Component
class PartnershipQueries {

    record Summary(UUID id, String name, String kind, UUID parentPartnershipId, boolean concluded,
                   long activeMembers, long version) {
    }

    record Member(UUID organisationId, String name, String organisationNumber, String role, String representation,
                  boolean active, String leaveReason) {
    }

    record Detail(UUID id, String name, String kind, UUID parentPartnershipId, String mandate, String purpose,
                  String workingMethods, String disagreementProcedure, LocalDate periodFrom, LocalDate periodTo,
                  UUID convenorOrganisationId, LocalDate agreementSignedOn, String agreementReference,
                  boolean concluded, String conclusionReason, List<Member> members, long version) {
    }

    private final JdbcTemplate jdbc;

    PartnershipQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Summary> all() {
        return jdbc.query("""
                select p.partnership_id, p.name, p.kind, p.parent_partnership_id, p.concluded, p.version,
                       (select count(*) from projection.partnership_member m
                        where m.partnership_id = p.partnership_id and m.active) as active_members
                from projection.partnership_view p order by p.name, p.partnership_id""",
                (rs, n) -> new Summary(rs.getObject("partnership_id", UUID.class), rs.getString("name"),
                        rs.getString("kind"), rs.getObject("parent_partnership_id", UUID.class),
                        rs.getBoolean("concluded"), rs.getLong("active_members"), rs.getLong("version")));
    }

    long version(UUID id) {
        return jdbc.queryForList("select version from projection.partnership_view where partnership_id = ?",
                Long.class, id).stream().findFirst().orElse(-1L);
    }

    Optional<Detail> one(UUID id) {
        List<Member> members = jdbc.query("""
                select m.organisation_id, o.name, o.organisation_number, m.role, m.representation, m.active,
                       m.leave_reason
                from projection.partnership_member m
                left join projection.organisation_view o on o.organisation_id = m.organisation_id
                where m.partnership_id = ? order by m.active desc, o.name, m.organisation_id""",
                (rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7)), id);
        return jdbc.query("select * from projection.partnership_view where partnership_id = ?",
                (rs, n) -> new Detail(rs.getObject("partnership_id", UUID.class), rs.getString("name"),
                        rs.getString("kind"), rs.getObject("parent_partnership_id", UUID.class),
                        rs.getString("mandate"), rs.getString("purpose"), rs.getString("working_methods"),
                        rs.getString("disagreement_procedure"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class),
                        rs.getObject("convenor_organisation_id", UUID.class),
                        rs.getObject("agreement_signed_on", LocalDate.class), rs.getString("agreement_reference"),
                        rs.getBoolean("concluded"), rs.getString("conclusion_reason"), members,
                        rs.getLong("version")), id).stream().findFirst();
    }

}
