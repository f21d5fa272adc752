package no.partnerskap.projections.sdg;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.partnerskap.api.common.SdgCatalogue;
import no.partnerskap.projections.followup.FollowUpClock;
import no.partnerskap.projections.followup.FollowUpRules;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the partnerships' goals and commitments cover the 17 SDGs and their targets. A
 * commitment covers the SDG targets of the goals it serves, and counts toward them as made
 * whatever became of it (as a partnership's commitments by status do); its pledged resources
 * count toward each of them while its pledge stands ({@link FollowUpRules#PLEDGE_STANDS}).
 */
@Component
public class SdgCoverage {

    public record Resources(String kind, String unit, BigDecimal pledged) {
    }

    public record TargetCoverage(String target, long partnerships, long goals, long commitments,
                                 List<Resources> resources) {
    }

    public record GoalCoverage(int goal, String nameEn, String nameNb, long partnerships, long commitments,
                               List<TargetCoverage> targets) {
    }

    /**
     * Each commitment once per goal it serves, joined on the goal {@code g}: as a join on a column rather than
     * {@code g.goal_id = any(c.goal_ids)}, which compares every goal with every commitment.
     */
    private static final String SERVING =
            "(commitment_view c cross join lateral unnest(c.goal_ids) as served(goal_id)) on served.goal_id = g.goal_id";

    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    SdgCoverage(NamedParameterJdbcTemplate named, Clock clock) {
        this.named = named;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<GoalCoverage> coverage() {
        Map<String, long[]> counts = new HashMap<>();
        named.getJdbcOperations().query("""
                select t.target, count(distinct g.partnership_id), count(distinct g.goal_id),
                       count(distinct c.commitment_id)
                from goal_view g cross join unnest(g.sdg_targets) as t(target)
                left join %s
                group by t.target""".formatted(SERVING), rs -> {
            counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        });
        Map<String, List<Resources>> resources = new HashMap<>();
        named.query("""
                select t.target, r.kind, r.unit, sum(r.pledged)
                from (select distinct t.target, c.commitment_id
                      from goal_view g cross join unnest(g.sdg_targets) as t(target)
                      join %s
                      where %s) t
                join commitment_resource r on r.commitment_id = t.commitment_id
                group by t.target, r.kind, r.unit having sum(r.pledged) > 0 order by r.kind, r.unit""".formatted(SERVING,
                        FollowUpRules.PLEDGE_STANDS),
                new MapSqlParameterSource("today", FollowUpClock.today(clock)), (ResultSet rs) -> {
            resources.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Resources(rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
        });
        Map<Integer, long[]> perGoal = new HashMap<>();
        named.getJdbcOperations().query("""
                select split_part(t.target, '.', 1)::int, count(distinct g.partnership_id),
                       count(distinct c.commitment_id)
                from goal_view g cross join unnest(g.sdg_targets) as t(target)
                left join %s
                group by 1""".formatted(SERVING), rs -> {
            perGoal.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
        List<GoalCoverage> goals = new ArrayList<>();
        for (SdgCatalogue.Goal goal : SdgCatalogue.official().goals()) {
            List<TargetCoverage> targets = new ArrayList<>();
            for (SdgCatalogue.Target target : SdgCatalogue.official().targets()) {
                if (target.goal().number() == goal.number()) {
                    long[] c = counts.getOrDefault(target.code(), new long[3]);
                    targets.add(new TargetCoverage(target.code(), c[0], c[1], c[2],
                            resources.getOrDefault(target.code(), List.of())));
                }
            }
            long[] g = perGoal.getOrDefault(goal.number(), new long[2]);
            goals.add(new GoalCoverage(goal.number(), goal.nameEn(), goal.nameNb(), g[0], g[1], targets));
        }
        return goals;
    }
}
