package no.partnerskap.projections.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import no.partnerskap.projections.partnership.PartnershipQueries.GoalRevision;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/** What each revision of a goal changed from the goal as it stood before it. */
public final class GoalRevisions {

    private GoalRevisions() {
    }

    /**
     * A goal's definition (revision 0) and every revision since, in order, each with the whole goal as it then
     * stood and the fields it changed; read where {@code jdbc} reads (the dashboard, or a council report's build).
     */
    public static List<GoalRevision> of(NamedParameterJdbcOperations jdbc, UUID goalId) {
        return withChanges(jdbc.query("select * from goal_revision where goal_id = :goal order by revision",
                new MapSqlParameterSource("goal", goalId),
                (r, n) -> new GoalRevision(r.getInt("revision"), r.getBigDecimal("baseline"), r.getBigDecimal("target"),
                        r.getBigDecimal("previous_baseline"), r.getBigDecimal("previous_target"), r.getString("reason"),
                        r.getTimestamp("recorded_at").toInstant(), r.getString("title"), r.getString("indicator"),
                        r.getString("unit"), r.getObject("target_date", LocalDate.class),
                        r.getArray("sdg_targets") == null ? List.of()
                                : Arrays.asList((String[]) r.getArray("sdg_targets").getArray()), List.of())));
    }

    /** The revisions in order, each with the fields it changed; the definition (the first) changed none. */
    static List<GoalRevision> withChanges(List<GoalRevision> inOrder) {
        List<GoalRevision> result = new ArrayList<>(inOrder.size());
        GoalRevision before = null;
        for (GoalRevision r : inOrder) {
            result.add(new GoalRevision(r.revision(), r.baseline(), r.target(), r.previousBaseline(),
                    r.previousTarget(), r.reason(), r.recordedAt(), r.title(), r.indicator(), r.unit(), r.targetDate(),
                    r.sdgTargets(), before == null ? List.of() : changed(before, r)));
            before = r;
        }
        return result;
    }

    private static List<String> changed(GoalRevision before, GoalRevision after) {
        List<String> changed = new ArrayList<>();
        differs(changed, "title", before, after, GoalRevision::title);
        differs(changed, "indicator", before, after, GoalRevision::indicator);
        differs(changed, "unit", before, after, GoalRevision::unit);
        if (!sameNumber(before.baseline(), after.baseline())) {
            changed.add("baseline");
        }
        if (!sameNumber(before.target(), after.target())) {
            changed.add("target");
        }
        differs(changed, "targetDate", before, after, GoalRevision::targetDate);
        // the targets' order says nothing
        if (!new HashSet<>(before.sdgTargets()).equals(new HashSet<>(after.sdgTargets()))) {
            changed.add("sdgTargets");
        }
        return List.copyOf(changed);
    }

    private static void differs(List<String> changed, String name, GoalRevision before, GoalRevision after,
                                Function<GoalRevision, Object> field) {
        if (!Objects.equals(field.apply(before), field.apply(after))) {
            changed.add(name);
        }
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
