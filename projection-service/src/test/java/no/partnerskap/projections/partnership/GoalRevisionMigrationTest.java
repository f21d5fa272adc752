package no.partnerskap.projections.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.partnerskap.projections.support.OlderReadModel;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model built before a goal's revisions kept the whole goal: the upgrade fills each definition and revision
 * from the goal's events already stored, numbered as the projector numbered them.
 */
class GoalRevisionMigrationTest {

    private static final String EVENT = "no.partnerskap.api.partnership.PartnershipEvent$";

    @Test
    void each_revision_gets_the_goal_as_it_then_stood() throws Exception {
        OlderReadModel older = new OlderReadModel("11");
        UUID partnership = UUID.randomUUID();
        UUID goal = UUID.randomUUID();
        older.append("Partnership", partnership, 0, EVENT + "ResultGoalDefined", "{\"partnershipId\":\"" + partnership
                + "\",\"goalId\":\"" + goal + "\",\"title\":\"Jobber\",\"indicator\":\"nye jobber\",\"unit\":\"stk\","
                + "\"baseline\":0,\"target\":40,\"targetDate\":\"2028-12-31\",\"sdgTargets\":[\"8.5\"]}");
        older.append("Partnership", partnership, 1, EVENT + "ResultGoalRevised", "{\"partnershipId\":\"" + partnership
                + "\",\"goalId\":\"" + goal + "\",\"title\":\"Jobber \\uD800\",\"indicator\":\"nye jobber\","
                + "\"unit\":\"stk\",\"previousBaseline\":0,\"baseline\":0,\"previousTarget\":40,\"target\":40,"
                + "\"targetDate\":\"2030-12-31\",\"sdgTargets\":[\"8.5\",\"17.17\"],\"reason\":\"lengre\"}");
        JdbcTemplate readModel = older.readModel();
        for (int revision = 0; revision < 2; revision++) {
            readModel.update("insert into projection.goal_revision (goal_id, revision, baseline, target, recorded_at) "
                    + "values (?, ?, 0, 40, now())", goal, revision);
        }

        older.upgrade();

        List<Map<String, Object>> rows = readModel.queryForList("select * from projection.goal_revision "
                + "where goal_id = ? order by revision", goal);
        assertThat(rows.get(0).get("target_date").toString()).isEqualTo(LocalDate.of(2028, 12, 31).toString());
        assertThat(rows.get(0).get("title")).isEqualTo("Jobber");
        assertThat(rows.get(1).get("target_date").toString()).isEqualTo("2030-12-31");
        assertThat(rows.get(1).get("title")).isEqualTo("Jobber \uFFFD");
        assertThat(rows.get(1).get("indicator")).isEqualTo("nye jobber");
        assertThat(Arrays.asList((String[]) readModel.queryForObject("select sdg_targets from projection.goal_revision "
                + "where goal_id = ? and revision = 1", java.sql.Array.class, goal).getArray()))
                .containsExactly("8.5", "17.17");
    }
}
