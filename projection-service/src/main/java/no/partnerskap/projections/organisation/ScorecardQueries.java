package no.partnerskap.projections.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.partnerskap.projections.followup.FollowUpClock;
import no.partnerskap.projections.followup.FollowUpRules;
import no.partnerskap.projections.partnership.PartnershipQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One organisation's record across partnerships: what it promised and what came of it. */
@Component
public class ScorecardQueries {

    public record Figures(long made, long active, long overdue, long fulfilled, long fulfilledOnTime,
                          long partiallyFulfilled, long notFulfilled, long withdrawn) {
    }

    public record PerPartnership(UUID partnershipId, String name, Figures figures) {
    }

    /**
     * A partnership the organisation is or was a member of, whether or not it made commitments there: a partner
     * finds where it belongs here. {@code leftAt} and {@code leaveReason} for a member that left.
     */
    public record Membership(UUID partnershipId, String name, String role, String representation, boolean active,
                             boolean concluded, Instant admittedAt, Instant leftAt, String leaveReason,
                             List<PartnershipQueries.MembershipPeriod> earlierPeriods) {
    }

    public record Scorecard(UUID organisationId, String name, String organisationNumber, String sector,
                            long partnerships, Figures figures, long reports, Double medianReportingLagDays,
                            List<PerPartnership> perPartnership, List<Membership> memberships, long version) {
    }

    /** The partner's own reports: progress, a milestone completed, the outcome. */
    private static final String REPORTS = "('PROGRESS', 'MILESTONE_COMPLETED', 'OUTCOME')";

    private static final String FIGURES = """
            count(*) as made,
            count(*) filter (where %1$s = 'ACTIVE') as active,
            count(*) filter (where %1$s = 'OVERDUE') as overdue,
            count(*) filter (where c.status = 'FULFILLED') as fulfilled,
            count(*) filter (where c.status = 'FULFILLED' and c.outcome_as_of <= c.due_date) as fulfilled_on_time,
            count(*) filter (where c.status = 'PARTIALLY_FULFILLED') as partially_fulfilled,
            count(*) filter (where c.status = 'NOT_FULFILLED') as not_fulfilled,
            count(*) filter (where c.status = 'WITHDRAWN') as withdrawn""".formatted(FollowUpRules.STATUS);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ScorecardQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The organisation's version (its aggregate's sequence number) the read model holds, or -1 for none. */
    public long version(UUID organisationId) {
        return jdbc.queryForList("select version from organisation_view where organisation_id = :org",
                new MapSqlParameterSource("org", organisationId), Long.class).stream().findFirst().orElse(-1L);
    }

    @Transactional(readOnly = true)
    public Optional<Scorecard> of(UUID organisationId) {
        MapSqlParameterSource p = new MapSqlParameterSource("org", organisationId)
                .addValue("today", FollowUpClock.today(clock))
                .addValue("zone", clock.getZone().getId());
        Figures figures = jdbc.queryForObject("select " + FIGURES + " from commitment_view c where c.organisation_id = :org",
                p, (rs, n) -> figures(rs));
        List<PerPartnership> per = jdbc.query("select p.partnership_id, p.name, " + FIGURES + """
                 from commitment_view c join partnership_view p on p.partnership_id = c.partnership_id
                where c.organisation_id = :org group by p.partnership_id, p.name order by p.name""", p,
                (rs, n) -> new PerPartnership(rs.getObject("partnership_id", UUID.class), rs.getString("name"),
                        figures(rs)));
        // reporting lag: the days between when a report was true and when it was recorded. Read as the double
        // percentile_cont gives: read as a BigDecimal, the same median came back as 0 from one read and 0.0 from
        // the next (as the driver transferred it), and the JSON changed type between identical reads
        Double medianLag = jdbc.queryForObject("""
                select percentile_cont(0.5) within group (order by (e.recorded_at at time zone :zone)::date - e.as_of)
                from commitment_entry e join commitment_view c on c.commitment_id = e.commitment_id
                where c.organisation_id = :org and e.kind in %s and e.as_of is not null""".formatted(REPORTS),
                p, Double.class);
        long reports = jdbc.queryForObject("""
                select count(*) from commitment_entry e join commitment_view c on c.commitment_id = e.commitment_id
                where c.organisation_id = :org and e.kind in %s""".formatted(REPORTS), p, Long.class);
        // the periods before its latest, as the partnership's dashboard lists them
        Map<UUID, List<PartnershipQueries.MembershipPeriod>> earlier = new HashMap<>();
        jdbc.query("""
                select p.partnership_id, p.admitted_at, p.left_at from membership_period p
                join partnership_member m on m.partnership_id = p.partnership_id
                                         and m.organisation_id = p.organisation_id
                where p.organisation_id = :org and p.left_at is not null and p.admitted_at <> m.admitted_at
                order by p.admitted_at""", p, rs -> {
            earlier.computeIfAbsent(rs.getObject(1, UUID.class), key -> new ArrayList<>()).add(
                    new PartnershipQueries.MembershipPeriod(rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant()));
        });
        List<Membership> memberships = jdbc.query("""
                select m.partnership_id, pv.name, m.role, m.representation, m.active, pv.concluded, m.admitted_at,
                       m.left_at, m.leave_reason
                from partnership_member m join partnership_view pv on pv.partnership_id = m.partnership_id
                where m.organisation_id = :org order by m.active desc, pv.name, m.partnership_id""", p,
                (rs, n) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9),
                        earlier.getOrDefault(rs.getObject(1, UUID.class), List.of())));
        // a concluded partnership's members are no longer members of anything that acts
        long partnerships = memberships.stream().filter(m -> m.active() && !m.concluded()).count();
        return jdbc.query(
                "select name, organisation_number, sector, version from organisation_view where organisation_id = :org",
                p, (rs, n) -> new Scorecard(organisationId, rs.getString(1), rs.getString(2), rs.getString(3),
                        partnerships, figures, reports, medianLag, per, memberships, rs.getLong(4))).stream()
                .findFirst();
    }

    private static Figures figures(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Figures(rs.getLong("made"), rs.getLong("active"), rs.getLong("overdue"), rs.getLong("fulfilled"),
                rs.getLong("fulfilled_on_time"), rs.getLong("partially_fulfilled"), rs.getLong("not_fulfilled"),
                rs.getLong("withdrawn"));
    }
}
