package no.partnerskap.projections.partnership;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.partnerskap.projections.commitment.CommitmentQueries;
import no.partnerskap.projections.commitment.CommitmentQueries.Filter;
import no.partnerskap.projections.commitment.CommitmentQueries.Page;
import no.partnerskap.projections.commitment.CommitmentRow;
import no.partnerskap.projections.followup.FollowUpClock;
import no.partnerskap.projections.followup.FollowUpRules;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the partnership read models into the overview and the follow-up dashboard. */
@Component
public class PartnershipQueries {

    public record Signals(long total, long onTrack, long atRisk, long overdue, long closed) {
    }

    public record Summary(UUID id, String name, String kind, UUID parentPartnershipId, boolean concluded,
                          @Schema(description = "members that have not left (in a concluded partnership: at the "
                                  + "conclusion)") long activeMembers, Signals signals, long version) {
    }

    public record Member(UUID organisationId, String name, String organisationNumber, String role,
                         String representation,
                         @Schema(description = "has not left; in a concluded partnership, was a member until the "
                                 + "conclusion") boolean active,
                         @Schema(description = "when its latest membership began") Instant admittedAt,
                         @Schema(description = "when it left; null while a member") Instant leftAt,
                         String leaveReason,
                         @Schema(description = "each earlier membership, for one that left and was admitted again")
                         List<MembershipPeriod> earlierPeriods,
                         long meetingsAttended, long leadershipAttendances,
                         @Schema(description = "the partnership's meetings but those held after it left (and before it "
                                 + "came back): what its attendance counts against") long meetingsWhileMember) {
    }

    public record MembershipPeriod(Instant admittedAt, Instant leftAt) {
    }

    /**
     * A goal's definition (revision 0) or a revision of it: the goal as it then stood, and for a revision which of
     * {@code title, indicator, unit, baseline, target, targetDate, sdgTargets} it changed from the one before.
     */
    public record GoalRevision(int revision, BigDecimal baseline, BigDecimal target, BigDecimal previousBaseline,
                               BigDecimal previousTarget, String reason, Instant recordedAt, String title,
                               String indicator, String unit, LocalDate targetDate, List<String> sdgTargets,
                               List<String> changed) {
    }

    public record Goal(UUID id, String title, String indicator, String unit, BigDecimal baseline, BigDecimal target,
                       LocalDate targetDate, List<String> sdgTargets, BigDecimal achieved, BigDecimal progressPercent,
                       List<GoalRevision> revisions) {
    }

    public record MandateRevision(String previousMandate, String mandate, String reason, Instant recordedAt) {
    }

    public record ResourceTotal(String kind, String unit, BigDecimal pledged, BigDecimal delivered) {
    }

    public record Disagreement(UUID id, UUID organisationId, String subject, String state, Instant raisedAt) {
    }

    /** A disagreement closed: resolved, or closed with the dissent recorded and the organisations that dissented. */
    public record ClosedDisagreement(UUID id, UUID organisationId, String subject, String state, Instant raisedAt,
                                     Instant closedAt, String resolution, String dissent,
                                     List<UUID> dissentingOrganisationIds) {
    }

    public record Attendee(UUID organisationId, String name, String representation) {
    }

    /** A meeting held, as recorded from its minutes: when, its agenda, the minutes' reference, who attended. */
    public record Meeting(UUID id, LocalDate date, String agenda, String minutesReference, List<Attendee> attendance) {
    }

    /** A thematic network under a strategic partnership. */
    public record Network(UUID id, String name, boolean concluded) {
    }

    public record Detail(UUID id, String name, String kind, UUID parentPartnershipId, String parentPartnershipName,
                         @Schema(description = "the thematic networks under it, by name (a strategic partnership's)")
                         List<Network> networks,
                         String mandate, List<MandateRevision> mandateRevisions, String purpose,
                         String workingMethods, String disagreementProcedure, LocalDate periodFrom, LocalDate periodTo,
                         UUID convenorOrganisationId, LocalDate agreementSignedOn, String agreementReference,
                         boolean concluded, String conclusionReason, LocalDate concludedOn, long meetings,
                         List<Member> members,
                         List<Goal> goals, Map<String, Long> commitmentsByStatus, Signals signals,
                         Page<CommitmentRow> overdue, Page<CommitmentRow> dueWithin30Days,
                         Page<CommitmentRow> openFollowUps, Page<CommitmentRow> divergent,
                         List<ResourceTotal> resources, List<Disagreement> openDisagreements,
                         @Schema(description = "the closed ones, the latest first") List<ClosedDisagreement>
                                 closedDisagreements,
                         @Schema(description = "the meetings held, the latest first") List<Meeting> meetingsHeld,
                         long version) {
    }

    private static final String SIGNAL_COUNTS = """
            select count(*) as total,
                   count(*) filter (where %1$s = 'ON_TRACK') as on_track,
                   count(*) filter (where %1$s = 'AT_RISK') as at_risk,
                   count(*) filter (where %1$s = 'OVERDUE') as overdue,
                   count(*) filter (where %1$s = 'CLOSED') as closed
            from commitment_view c where c.partnership_id = :id""".formatted(FollowUpRules.SIGNAL);

    /**
     * How many commitments each of the dashboard's lists of what needs attention (overdue, due soon, open follow-up
     * requests, divergent assessments) holds at most, by due date; each says how many there are in all, and the
     * commitment list, filtered the same way, has every one.
     */
    public static final int ATTENTION_LISTED = 20;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final CommitmentQueries commitments;

    PartnershipQueries(NamedParameterJdbcTemplate jdbc, Clock clock, CommitmentQueries commitments) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.commitments = commitments;
    }

    /** The same reads, with status and signals as they were on the given clock's day (audit reads as of a date). */
    public PartnershipQueries at(Clock clock) {
        return new PartnershipQueries(jdbc, clock, commitments.at(clock));
    }

    /** Read in one read-only transaction: one connection for all the figures, one consistent snapshot. */
    @Transactional(readOnly = true)
    public List<Summary> all() {
        return jdbc.query("""
                select p.partnership_id, p.name, p.kind, p.parent_partnership_id, p.concluded, p.version,
                       (select count(*) from partnership_member m
                        where m.partnership_id = p.partnership_id and m.active) as active_members
                from partnership_view p order by p.name, p.partnership_id""", params(),
                (rs, n) -> new Summary(rs.getObject("partnership_id", UUID.class), rs.getString("name"),
                        rs.getString("kind"), rs.getObject("parent_partnership_id", UUID.class),
                        rs.getBoolean("concluded"), rs.getLong("active_members"),
                        signals(rs.getObject("partnership_id", UUID.class)), rs.getLong("version")));
    }

    public long version(UUID id) {
        return jdbc.queryForList("select version from partnership_view where partnership_id = :id",
                new MapSqlParameterSource("id", id), Long.class).stream().findFirst().orElse(-1L);
    }

    @Transactional(readOnly = true)
    public Optional<Detail> one(UUID id) {
        MapSqlParameterSource p = params().addValue("id", id);
        Map<UUID, List<MembershipPeriod>> periods = new HashMap<>();
        jdbc.query("""
                select organisation_id, admitted_at, left_at from membership_period
                where partnership_id = :id and left_at is not null order by admitted_at""", p, rs -> {
            periods.computeIfAbsent(rs.getObject(1, UUID.class), key -> new ArrayList<>()).add(new MembershipPeriod(
                    rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
        });
        List<Member> members = jdbc.query("""
                select m.organisation_id, o.name, o.organisation_number, m.role, m.representation, m.active,
                       m.leave_reason, m.admitted_at, m.left_at,
                       (select count(*) from meeting_attendance a where a.partnership_id = m.partnership_id
                          and a.organisation_id = m.organisation_id) as attended,
                       (select count(*) from meeting_attendance a where a.partnership_id = m.partnership_id
                          and a.organisation_id = m.organisation_id and a.representation = 'LEADERSHIP') as leadership,
                       -- a meeting after it left (and before it came back) is none it could attend; as the rule for
                       -- attendees has it, one recorded after the fact from before it was admitted counts
                       (select count(*) from meeting_view mv where mv.partnership_id = m.partnership_id
                          and (exists (select 1 from meeting_attendance a where a.meeting_id = mv.meeting_id
                                          and a.organisation_id = m.organisation_id)
                               or not exists (select 1 from membership_period t
                                   where t.partnership_id = m.partnership_id and t.organisation_id = m.organisation_id
                                     and t.left_at is not null
                                     and (t.left_at at time zone :zone)::date < mv.meeting_date
                                     and not exists (select 1 from membership_period back
                                         where back.partnership_id = t.partnership_id
                                           and back.organisation_id = t.organisation_id
                                           and back.admitted_at > t.left_at
                                           and (back.admitted_at at time zone :zone)::date <= mv.meeting_date)))
                       ) as while_member
                from partnership_member m
                left join organisation_view o on o.organisation_id = m.organisation_id
                where m.partnership_id = :id order by m.active desc, o.name, m.organisation_id""", p,
                (rs, n) -> {
                    Instant admitted = instant(rs.getTimestamp(8));
                    UUID organisation = rs.getObject(1, UUID.class);
                    return new Member(organisation, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6), admitted, instant(rs.getTimestamp(9)), rs.getString(7),
                            periods.getOrDefault(organisation, List.of()).stream()
                                    .filter(period -> !period.admittedAt().equals(admitted)).toList(),
                            rs.getLong(10), rs.getLong(11), rs.getLong(12));
                });
        List<Meeting> held = meetingsHeld(id);
        return jdbc.query("""
                select v.*, (select pp.name from partnership_view pp where pp.partnership_id = v.parent_partnership_id)
                       as parent_name
                from partnership_view v where v.partnership_id = :id""", p,
                (rs, n) -> new Detail(rs.getObject("partnership_id", UUID.class), rs.getString("name"),
                        rs.getString("kind"), rs.getObject("parent_partnership_id", UUID.class),
                        rs.getString("parent_name"), networks(id),
                        rs.getString("mandate"), mandateRevisions(id), rs.getString("purpose"),
                        rs.getString("working_methods"),
                        rs.getString("disagreement_procedure"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class),
                        rs.getObject("convenor_organisation_id", UUID.class),
                        rs.getObject("agreement_signed_on", LocalDate.class), rs.getString("agreement_reference"),
                        rs.getBoolean("concluded"), rs.getString("conclusion_reason"), concludedOn(rs), held.size(),
                        members,
                        goals(id), byStatus(id), signals(id),
                        attention(id, Filter.ALL.withStatus("OVERDUE")), attention(id, Filter.ALL.dueWithin(30)),
                        attention(id, Filter.ALL.withOpenFollowUp()), attention(id, Filter.ALL.onlyDivergent()),
                        resources(id), openDisagreements(id), closedDisagreements(id), held,
                        rs.getLong("version"))).stream().findFirst();
    }

    private List<Network> networks(UUID id) {
        return jdbc.query("""
                select partnership_id, name, concluded from partnership_view where parent_partnership_id = :id
                order by name, partnership_id""", params().addValue("id", id),
                (rs, n) -> new Network(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)));
    }

    /** The day it concluded, where the follow-up clock counts days; null if it concluded before that was kept. */
    private LocalDate concludedOn(ResultSet rs) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp("concluded_at");
        return at == null ? null : FollowUpClock.dateOf(at.toInstant(), clock);
    }

    Signals signals(UUID id) {
        return jdbc.queryForObject(SIGNAL_COUNTS, params().addValue("id", id),
                (rs, n) -> new Signals(rs.getLong("total"), rs.getLong("on_track"), rs.getLong("at_risk"),
                        rs.getLong("overdue"), rs.getLong("closed")));
    }

    private Map<String, Long> byStatus(UUID id) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of("ACTIVE", "OVERDUE", "FULFILLED", "PARTIALLY_FULFILLED", "NOT_FULFILLED",
                "WITHDRAWN")) {
            counts.put(status, 0L);
        }
        jdbc.query("select " + FollowUpRules.STATUS + " as status, count(*) as n from commitment_view c "
                        + "where c.partnership_id = :id group by 1", params().addValue("id", id),
                (ResultSet rs) -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    private Page<CommitmentRow> attention(UUID id, Filter filter) {
        return commitments.inPartnership(id, filter, 0, ATTENTION_LISTED);
    }

    /** The titles of a partnership's result goals, by id (for pages that name the goals a commitment serves). */
    public Map<UUID, String> goalTitles(UUID partnershipId) {
        Map<UUID, String> titles = new HashMap<>();
        jdbc.query("select goal_id, title from goal_view where partnership_id = :id",
                new MapSqlParameterSource("id", partnershipId),
                (ResultSet rs) -> {
                    titles.put(rs.getObject("goal_id", UUID.class), rs.getString("title"));
                });
        return titles;
    }

    private List<Goal> goals(UUID id) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", id);
        return jdbc.query("""
                select g.*, coalesce((select sum(v.value) from indicator_value v where v.goal_id = g.goal_id), 0)
                       as achieved
                from goal_view g where g.partnership_id = :id order by g.title, g.goal_id""", p,
                (rs, n) -> goal(rs));
    }

    private Goal goal(ResultSet rs) throws SQLException {
        UUID goalId = rs.getObject("goal_id", UUID.class);
        BigDecimal baseline = rs.getBigDecimal("baseline");
        BigDecimal target = rs.getBigDecimal("target");
        BigDecimal achieved = rs.getBigDecimal("achieved");
        List<GoalRevision> revisions = GoalRevisions.of(jdbc, goalId);
        return new Goal(goalId, rs.getString("title"), rs.getString("indicator"), rs.getString("unit"), baseline,
                target, rs.getObject("target_date", LocalDate.class),
                Arrays.asList((String[]) rs.getArray("sdg_targets").getArray()), achieved,
                progressPercent(baseline, target, achieved), revisions);
    }

    /**
     * How far the reported indicator values have come from the baseline toward the target, in
     * percent: the values count as what the commitments moved the indicator (up or down, as the
     * goal runs).
     */
    public static BigDecimal progressPercent(BigDecimal baseline, BigDecimal target, BigDecimal achieved) {
        if (target == null) {
            return null;
        }
        BigDecimal from = baseline == null ? BigDecimal.ZERO : baseline;
        BigDecimal span = target.subtract(from).abs();
        if (span.signum() == 0) {
            return null;
        }
        return achieved.multiply(BigDecimal.valueOf(100)).divide(span, 1, RoundingMode.HALF_UP);
    }

    private List<MandateRevision> mandateRevisions(UUID id) {
        return jdbc.query("""
                select previous_mandate, mandate, reason, recorded_at from mandate_revision
                where partnership_id = :id order by sequence_number""", new MapSqlParameterSource("id", id),
                (rs, n) -> new MandateRevision(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
    }

    private List<ResourceTotal> resources(UUID id) {
        return jdbc.query("""
                select r.kind, r.unit, sum(r.pledged) as pledged, sum(r.delivered) as delivered
                from commitment_resource r join commitment_view c on c.commitment_id = r.commitment_id
                where c.partnership_id = :id and %s
                group by r.kind, r.unit order by r.kind, r.unit""".formatted(FollowUpRules.PLEDGE_STANDS),
                params().addValue("id", id),
                (rs, n) -> new ResourceTotal(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)));
    }

    private List<Disagreement> openDisagreements(UUID id) {
        return jdbc.query("""
                select disagreement_id, organisation_id, subject, state, raised_at from disagreement_view
                where partnership_id = :id and state = 'OPEN' order by raised_at""",
                new MapSqlParameterSource("id", id),
                (rs, n) -> new Disagreement(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()));
    }

    private List<ClosedDisagreement> closedDisagreements(UUID id) {
        return jdbc.query("""
                select disagreement_id, organisation_id, subject, state, raised_at, closed_at, resolution, dissent,
                       dissenting_organisation_ids
                from disagreement_view where partnership_id = :id and state <> 'OPEN'
                order by closed_at desc, disagreement_id""",
                new MapSqlParameterSource("id", id),
                (rs, n) -> new ClosedDisagreement(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6)),
                        rs.getString(7), rs.getString(8), rs.getArray(9) == null ? List.of()
                                : Arrays.asList((UUID[]) rs.getArray(9).getArray())));
    }

    private List<Meeting> meetingsHeld(UUID id) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", id);
        Map<UUID, List<Attendee>> attendance = new HashMap<>();
        jdbc.query("""
                select a.meeting_id, a.organisation_id, o.name, a.representation from meeting_attendance a
                left join organisation_view o on o.organisation_id = a.organisation_id
                where a.partnership_id = :id order by o.name, a.organisation_id""", p, rs -> {
            attendance.computeIfAbsent(rs.getObject(1, UUID.class), key -> new ArrayList<>())
                    .add(new Attendee(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
        });
        return jdbc.query("""
                select meeting_id, meeting_date, agenda, minutes_reference from meeting_view
                where partnership_id = :id order by meeting_date desc, meeting_id""", p,
                (rs, n) -> new Meeting(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4),
                        attendance.getOrDefault(rs.getObject(1, UUID.class), List.of())));
    }

    private MapSqlParameterSource params() {
        return new MapSqlParameterSource("today", FollowUpClock.today(clock)).addValue("zone", clock.getZone().getId());
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
