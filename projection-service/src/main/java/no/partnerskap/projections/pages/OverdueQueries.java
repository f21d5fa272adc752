package no.partnerskap.projections.pages;

import java.time.Clock;
import java.util.List;
import no.partnerskap.projections.commitment.CommitmentRow;
import no.partnerskap.projections.followup.FollowUpClock;
import no.partnerskap.projections.followup.FollowUpRules;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Every overdue commitment across all partnerships, the longest overdue first. */
@Component
class OverdueQueries {

    record Overdue(CommitmentRow commitment, String partnershipName) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    OverdueQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Overdue> all() {
        return jdbc.query("select " + CommitmentRow.COLUMNS + ", p.name as partnership_name from "
                        + CommitmentRow.FROM + " left join partnership_view p on p.partnership_id = c.partnership_id"
                        + " where " + FollowUpRules.STATUS + " = 'OVERDUE'"
                        + " order by c.due_date, p.name, c.title, c.commitment_id",
                new MapSqlParameterSource("today", FollowUpClock.today(clock)),
                (rs, n) -> new Overdue(CommitmentRow.map(rs, n), rs.getString("partnership_name")));
    }
}
