package no.partnerskap.projections.council;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentAssessed;
import no.partnerskap.api.commitment.CommitmentEvent.FollowUpRequested;
import no.partnerskap.api.commitment.CommitmentEvent.MilestoneAdded;
import no.partnerskap.api.commitment.CommitmentEvent.MilestoneCompleted;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import no.partnerskap.projections.council.CouncilReport.Commitments;
import no.partnerskap.projections.council.CouncilReport.Goal;
import no.partnerskap.projections.council.CouncilReport.GoalRevision;
import no.partnerskap.projections.council.CouncilReport.Member;
import no.partnerskap.projections.council.CouncilReport.OverdueCommitment;
import no.partnerskap.projections.council.CouncilReport.Partnership;
import no.partnerskap.projections.council.CouncilReport.ResourceLine;
import no.partnerskap.projections.council.CouncilReport.Totals;
import no.partnerskap.projections.followup.FollowUpClock;
import no.partnerskap.projections.followup.FollowUpRules;
import no.partnerskap.projections.history.EventHistory;
import no.partnerskap.projections.history.PointInTime;
import no.partnerskap.projections.partnership.GoalRevisions;
import no.partnerskap.projections.partnership.PartnershipQueries;
import no.partnerskap.projections.web.AtOnce;
import no.partnerskap.projections.web.Busy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the annual report to the county council. The report is always built from the read
 * models as rebuilt from the events up to a position ({@link PointInTime}), never from the live
 * read models, so a report at position N and a rebuild at N later are the same by construction.
 * Dates of events (meetings aside, which carry their own date) are taken in the partnerships'
 * time zone, as the projectors do.
 */
@Component
public class CouncilReports {

    private static final int REPORTS_KEPT = 16;

    private final PointInTime pointInTime;
    private final EventHistory history;
    private final ProcessedPosition processed;
    private final Clock clock;
    private final ObjectProvider<CouncilCheckpoints> checkpoints;
    /**
     * The reports built lately. The same history gives the same figures, and a rebuild reads the whole
     * history up to its position (seconds on a store of 100,000 events), so the page, the spreadsheet
     * and the JSON of one report are built once. Each keeps the instant it was built.
     */
    private final Map<Asked, CouncilReport> built = Collections.synchronizedMap(
            new LinkedHashMap<>(REPORTS_KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Asked, CouncilReport> eldest) {
                    return size() > REPORTS_KEPT;
                }
            });

    private record Asked(int year, long position, LocalDate reportDate) {
    }

    /**
     * What the report never counts: a commitment's progress reports, milestones, follow-up requests and assessments
     * (its status, due date, pledge and outcome come from other events). Most of a history is these, so a rebuild
     * leaves them out.
     */
    private static final List<Class<?>> NOT_COUNTED = List.of(ProgressReported.class, MilestoneAdded.class,
            MilestoneCompleted.class, FollowUpRequested.class, CommitmentAssessed.class);

    /** A rebuild reads the history up to its position: any reader may ask for one, so only so many run at once. */
    private final AtOnce builds;
    /** The reports being built now, for the readers asking for the same one meanwhile. */
    private final Map<Asked, CompletableFuture<CouncilReport>> building = new ConcurrentHashMap<>();

    CouncilReports(PointInTime pointInTime, EventHistory history, ProcessedPosition processed, Clock clock,
                   ObjectProvider<CouncilCheckpoints> checkpoints,
                   @Value("${partnerships.council-report.max-builds:2}") int maxBuilds) {
        this.builds = new AtOnce(maxBuilds);
        this.pointInTime = pointInTime;
        this.history = history;
        this.processed = processed;
        this.clock = clock;
        this.checkpoints = checkpoints;
    }

    /** The highest position every event processor of this service has processed. */
    public long processedPosition() {
        return processed.position();
    }

    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    /** The highest position in the event store now. */
    public long head() {
        return history.head();
    }

    public LocalDate today() {
        return FollowUpClock.today(clock);
    }

    /** The report date for a year when none is asked for: the end of the year, or today if earlier. */
    public LocalDate defaultReportDate(int year) {
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        LocalDate today = today();
        return today.isBefore(endOfYear) ? today : endOfYear;
    }

    public CouncilReport build(int year, long position, LocalDate reportDate) {
        // what is recorded after the report date does not count: up to the last event recorded by then, the report is
        // the same, so a report of a day gone by is built once however much is written after it
        Asked asked = new Asked(year, history.lastStampedBy(position, endOf(reportDate)), reportDate);
        CouncilReport report = built.get(asked);
        if (report == null) {
            report = buildOnce(asked);
        }
        // stamped with the position asked at, which rebuilds it; checkpoints are added after a report is printed, to
        // seal what it shows: always the latest up to that position
        CouncilReport stamped = report.stamped(position, List.of());
        CouncilCheckpoints hook = checkpoints.getIfAvailable();
        return hook == null ? stamped : stamped.stamped(position, hook.checkpointsFor(stamped));
    }

    /**
     * Builds the report, or waits for it when another reader's request is building it already: the council members
     * opening the same report at a meeting share one build, rather than taking every place and being told to wait.
     */
    private CouncilReport buildOnce(Asked asked) {
        CompletableFuture<CouncilReport> mine = new CompletableFuture<>();
        CompletableFuture<CouncilReport> underway = building.putIfAbsent(asked, mine);
        if (underway != null) {
            try {
                return underway.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
        try {
            CouncilReport report = builds.run(() -> {
                // another read may have built it while this one asked
                CouncilReport meanwhile = built.get(asked);
                if (meanwhile != null) {
                    return meanwhile;
                }
                CouncilReport rebuilt = rebuild(asked);
                built.put(asked, rebuilt);
                return rebuilt;
            }, () -> new Busy("Other council reports are being built just now; ask again in a few seconds.", 5));
            mine.complete(report);
            return report;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            building.remove(asked, mine);
        }
    }

    /** The last instant of the report date, where the report's clock counts days. */
    private Instant endOf(LocalDate reportDate) {
        return reportDate.plusDays(1).atStartOfDay(zone()).toInstant().minus(1, ChronoUnit.MICROS);
    }

    private CouncilReport rebuild(Asked asked) {
        return rebuild(asked, NOT_COUNTED);
    }

    /** The report read from every event, none left out: a test holds it equal to the one {@link #build} gives. */
    CouncilReport fromEveryEvent(int year, long position, LocalDate reportDate) {
        return rebuild(new Asked(year, history.lastStampedBy(position, endOf(reportDate)), reportDate), List.of())
                .stamped(position, List.of());
    }

    private CouncilReport rebuild(Asked asked, List<Class<?>> leftOut) {
        Instant builtAt = clock.instant();
        // nothing recorded after the report date counts (a later revision of a pledge, a later role), however
        // far the position reaches: the report shows what stood at that date
        return pointInTime.query(new EventHistory.Selection(null, asked.position(), endOf(asked.reportDate()), null,
                        null).leavingOut(leftOut),
                jdbc -> new Reading(new NamedParameterJdbcTemplate(jdbc), asked.year(), asked.reportDate())
                        .read(asked.position(), builtAt));
    }

    /** One reading of the rebuilt read models, for one year up to one report date. */
    private final class Reading {

        private final NamedParameterJdbcTemplate jdbc;
        private final int year;
        private final LocalDate reportDate;

        Reading(NamedParameterJdbcTemplate jdbc, int year, LocalDate reportDate) {
            this.jdbc = jdbc;
            this.year = year;
            this.reportDate = reportDate;
        }

        CouncilReport read(long position, java.time.Instant builtAt) {
            List<Partnership> partnerships = jdbc.query("""
                    select p.partnership_id, p.name, p.kind, p.parent_partnership_id, pp.name as parent_name,
                           p.period_from, p.period_to,
                           case when p.concluded and (p.concluded_at at time zone :zone)::date <= :reportDate
                                then (p.concluded_at at time zone :zone)::date end as concluded_on,
                           (select count(*) from meeting_view m where m.partnership_id = p.partnership_id
                              and m.meeting_date between :yearStart and :reportDate) as meetings
                    from partnership_view p
                    left join partnership_view pp on pp.partnership_id = p.parent_partnership_id
                    where coalesce(p.period_from, (p.established_at at time zone :zone)::date) <= :yearEnd
                      -- past its period but not concluded, with a commitment open in the year: what came of it
                      -- (or that it is overdue) is reported, where otherwise no year's report would
                      and (p.period_to is null or p.period_to >= :yearStart
                           or exists (select 1 from commitment_view c where c.partnership_id = p.partnership_id
                                        and c.recorded_on <= :reportDate
                                        and (c.closed_on is null or c.closed_on >= :yearStart)))
                      and (not p.concluded or p.concluded_at is null
                           or (p.concluded_at at time zone :zone)::date >= :yearStart)
                    order by p.kind, p.name, p.partnership_id""", params(), (rs, n) -> partnership(rs));
            return new CouncilReport(year, reportDate, position, builtAt, partnerships, totals(partnerships),
                    List.of());
        }

        private Partnership partnership(ResultSet rs) throws SQLException {
            UUID id = rs.getObject("partnership_id", UUID.class);
            return new Partnership(id, rs.getString("name"), rs.getString("kind"),
                    rs.getObject("parent_partnership_id", UUID.class), rs.getString("parent_name"),
                    rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                    rs.getObject("concluded_on", LocalDate.class), rs.getLong("meetings"), members(id), goals(id),
                    commitments(id), resources(id));
        }

        private List<Member> members(UUID id) {
            return jdbc.query("""
                    select m.organisation_id, o.name, m.role, m.representation,
                           exists (select 1 from membership_period t
                                   where t.partnership_id = m.partnership_id and t.organisation_id = m.organisation_id
                                     and (t.admitted_at at time zone :zone)::date <= :reportDate
                                     and (t.left_at is null or (t.left_at at time zone :zone)::date > :reportDate))
                               as active_then,
                           (select count(*) from meeting_attendance a
                              join meeting_view mv on mv.meeting_id = a.meeting_id
                            where a.partnership_id = m.partnership_id and a.organisation_id = m.organisation_id
                              and mv.meeting_date between :yearStart and :reportDate) as attendances,
                           (select count(*) from meeting_attendance a
                              join meeting_view mv on mv.meeting_id = a.meeting_id
                            where a.partnership_id = m.partnership_id and a.organisation_id = m.organisation_id
                              and mv.meeting_date between :yearStart and :reportDate
                              and a.representation = 'LEADERSHIP') as leadership
                    from partnership_member m
                    left join organisation_view o on o.organisation_id = m.organisation_id
                    where m.partnership_id = :id
                      -- a member in some period of the year up to the report date, not only in its latest
                      and exists (select 1 from membership_period t
                                  where t.partnership_id = m.partnership_id and t.organisation_id = m.organisation_id
                                    and (t.admitted_at at time zone :zone)::date <= :reportDate
                                    and (t.left_at is null or (t.left_at at time zone :zone)::date >= :yearStart))
                    order by o.name, m.organisation_id""", params().addValue("id", id),
                    (rs, n) -> new Member(rs.getObject("organisation_id", UUID.class), rs.getString("name"),
                            rs.getString("role"), rs.getString("representation"), rs.getBoolean("active_then"),
                            rs.getLong("attendances"), rs.getLong("leadership")));
        }

        private List<Goal> goals(UUID id) {
            return jdbc.query("""
                    select g.goal_id, r.title, r.indicator, r.unit, r.baseline, r.target, r.target_date,
                           r.sdg_targets,
                           coalesce((select sum(v.value) from indicator_value v
                                       join commitment_view c on c.commitment_id = v.commitment_id
                                     where v.goal_id = g.goal_id and c.closed_on <= :reportDate), 0) as achieved,
                           coalesce((select sum(v.value) from indicator_value v
                                       join commitment_view c on c.commitment_id = v.commitment_id
                                     where v.goal_id = g.goal_id
                                       and c.closed_on between :yearStart and :reportDate), 0) as achieved_in_year
                    from goal_view g
                    -- the goal as it stood on the report date: a title or target date revised later is not shown
                    join lateral (select r.title, r.indicator, r.unit, r.baseline, r.target, r.target_date,
                                         r.sdg_targets from goal_revision r
                                  where r.goal_id = g.goal_id
                                    and (r.recorded_at at time zone :zone)::date <= :reportDate
                                  order by r.revision desc limit 1) r on true
                    where g.partnership_id = :id
                    order by g.title, g.goal_id""", params().addValue("id", id), (rs, n) -> {
                UUID goalId = rs.getObject("goal_id", UUID.class);
                BigDecimal baseline = rs.getBigDecimal("baseline");
                BigDecimal target = rs.getBigDecimal("target");
                BigDecimal achieved = rs.getBigDecimal("achieved");
                return new Goal(goalId, rs.getString("title"), rs.getString("indicator"), rs.getString("unit"),
                        baseline, target, rs.getObject("target_date", LocalDate.class), strings(rs.getArray("sdg_targets")),
                        achieved, rs.getBigDecimal("achieved_in_year"),
                        PartnershipQueries.progressPercent(baseline, target, achieved), revisions(goalId));
            });
        }

        /** The goal's revisions recorded in the year up to the report date, each with what it changed. */
        private List<GoalRevision> revisions(UUID goalId) {
            List<PartnershipQueries.GoalRevision> all = GoalRevisions.of(jdbc, goalId);
            List<GoalRevision> inYear = new ArrayList<>();
            for (int i = 1; i < all.size(); i++) {
                PartnershipQueries.GoalRevision before = all.get(i - 1);
                PartnershipQueries.GoalRevision after = all.get(i);
                LocalDate recorded = after.recordedAt().atZone(zone()).toLocalDate();
                if (!recorded.isBefore(LocalDate.of(year, 1, 1)) && !recorded.isAfter(reportDate)) {
                    inYear.add(new GoalRevision(after.revision(), after.previousBaseline(), after.baseline(),
                            after.previousTarget(), after.target(), after.reason(), after.recordedAt(),
                            after.changed(), before.title(), after.title(), before.indicator(), after.indicator(),
                            before.unit(), after.unit(), before.targetDate(), after.targetDate(), before.sdgTargets(),
                            after.sdgTargets()));
                }
            }
            return inYear;
        }

        private Commitments commitments(UUID id) {
            MapSqlParameterSource p = params().addValue("id", id);
            long made = jdbc.queryForObject("""
                    select count(*) from commitment_view c
                    where c.partnership_id = :id and c.recorded_on between :yearStart and :reportDate""", p, Long.class);
            Map<String, Long> closed = new LinkedHashMap<>();
            CouncilReport.CLOSING_RESULTS.forEach(result -> closed.put(result, 0L));
            jdbc.query("""
                    select c.status, count(*) as n from commitment_view c
                    where c.partnership_id = :id and c.closed_on between :yearStart and :reportDate
                    group by c.status""", p, (ResultSet rs) -> {
                closed.put(rs.getString("status"), rs.getLong("n"));
            });
            // overdue then: still open at the report date, and due before it by the deadline in force then
            List<OverdueCommitment> overdue = jdbc.query("""
                    select c.commitment_id, c.title, c.organisation_id, o.name as organisation_name, d.due
                    from commitment_view c
                    left join organisation_view o on o.organisation_id = c.organisation_id
                    cross join lateral (select coalesce(
                        (select e.due_date from commitment_entry e
                         where e.commitment_id = c.commitment_id and e.kind = 'DEADLINE_EXTENDED'
                           and (e.recorded_at at time zone :zone)::date <= :reportDate
                         order by e.sequence_number desc limit 1),
                        c.original_due_date) as due) d
                    where c.partnership_id = :id and c.recorded_on <= :reportDate
                      and (c.closed_on is null or c.closed_on > :reportDate)
                      and d.due < :reportDate
                    order by d.due, c.title, c.commitment_id""", p,
                    (rs, n) -> new OverdueCommitment(rs.getObject("commitment_id", UUID.class), rs.getString("title"),
                            rs.getObject("organisation_id", UUID.class), rs.getString("organisation_name"),
                            rs.getObject("due", LocalDate.class)));
            long closedTotal = closed.values().stream().mapToLong(Long::longValue).sum();
            return new Commitments(made, closedTotal, closed, overdue.size(), overdue);
        }

        private List<ResourceLine> resources(UUID id) {
            return jdbc.query("""
                    select r.kind, r.unit, sum(r.pledged) as pledged,
                           sum(case when c.closed_on <= :reportDate then r.delivered else 0 end) as delivered
                    from commitment_resource r
                    join commitment_view c on c.commitment_id = r.commitment_id
                    where c.partnership_id = :id and c.recorded_on <= :reportDate
                      and (c.closed_on is null or c.closed_on >= :yearStart) and %s
                    group by r.kind, r.unit
                    having sum(r.pledged) <> 0 or sum(case when c.closed_on <= :reportDate then r.delivered else 0 end) <> 0
                    order by r.kind, r.unit""".formatted(FollowUpRules.PLEDGE_STANDS),
                    // the pledge as it stood on the report date, as the dashboard shows it on its day
                    params().addValue("id", id).addValue("today", reportDate),
                    (rs, n) -> new ResourceLine(rs.getString("kind"), rs.getString("unit"), rs.getBigDecimal("pledged"),
                            rs.getBigDecimal("delivered")));
        }

        private MapSqlParameterSource params() {
            return new MapSqlParameterSource("yearStart", LocalDate.of(year, 1, 1))
                    .addValue("yearEnd", LocalDate.of(year, 12, 31))
                    .addValue("reportDate", reportDate)
                    .addValue("zone", clock.getZone().getId());
        }
    }

    static Totals totals(List<Partnership> partnerships) {
        Set<UUID> organisations = new LinkedHashSet<>();
        Map<String, Long> closed = new LinkedHashMap<>();
        CouncilReport.CLOSING_RESULTS.forEach(result -> closed.put(result, 0L));
        Map<List<String>, BigDecimal[]> resources = new TreeMap<>((a, b) -> {
            int kind = a.get(0).compareTo(b.get(0));
            return kind != 0 ? kind : a.get(1).compareTo(b.get(1));
        });
        long memberships = 0, meetings = 0, leadership = 0, goals = 0, revisions = 0, made = 0, closedTotal = 0,
                overdue = 0;
        for (Partnership p : partnerships) {
            memberships += p.members().size();
            p.members().forEach(m -> organisations.add(m.organisationId()));
            meetings += p.meetings();
            leadership += p.leadershipAttendances();
            goals += p.goals().size();
            revisions += p.goalRevisionsInYear();
            made += p.commitments().made();
            closedTotal += p.commitments().closed();
            p.commitments().closedByResult().forEach((result, n) -> closed.merge(result, n, Long::sum));
            overdue += p.commitments().overdue();
            for (ResourceLine line : p.resources()) {
                BigDecimal[] sums = resources.computeIfAbsent(List.of(line.kind(), line.unit()),
                        key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(line.pledged());
                sums[1] = sums[1].add(line.delivered());
            }
        }
        List<ResourceLine> resourceTotals = new ArrayList<>();
        resources.forEach((key, sums) -> resourceTotals.add(new ResourceLine(key.get(0), key.get(1), sums[0], sums[1])));
        return new Totals(partnerships.size(), memberships, organisations.size(), meetings, leadership, goals,
                revisions, made, closedTotal, closed, overdue, resourceTotals);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
