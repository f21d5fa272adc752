package no.partnerskap.projections.commitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.partnerskap.projections.followup.FollowUpRules;

/**
 * A commitment as lists and dashboards show it: with its status and follow-up signal today, what makes it
 * at risk when it is, and for an overdue one how many days it is past its due date (null otherwise).
 */
public record CommitmentRow(UUID id, UUID partnershipId, String partnershipName, UUID organisationId,
                            String organisationName, String title,
                            LocalDate recordedOn, LocalDate originalDueDate, LocalDate dueDate, String status,
                            String signal, List<String> atRiskBecause, Integer latestPercent,
                            LocalDate latestReportAsOf, String latestAssessment, boolean divergent,
                            LocalDate openFollowUpSince, LocalDate openFollowUpRespondBy, LocalDate closedOn,
                            Integer daysOverdue, long version) {

    /** Select list for {@link #map}; needs {@link #FROM} and {@code :today}. */
    public static final String COLUMNS = """
            c.commitment_id, c.partnership_id, p.name as partnership_name, c.organisation_id,
            o.name as organisation_name, c.title,
            c.recorded_on, c.original_due_date, c.due_date, %s as status, %s as signal, %s as at_risk_because,
            c.latest_percent, c.latest_report_as_of, c.latest_assessment, %s as divergent, c.open_follow_up_since,
            c.open_follow_up_respond_by, c.closed_on, %s as days_overdue, c.version""".formatted(FollowUpRules.STATUS,
            FollowUpRules.SIGNAL, FollowUpRules.AT_RISK_BECAUSE, FollowUpRules.DIVERGENT, FollowUpRules.DAYS_OVERDUE);

    public static final String FROM = """
            commitment_view c left join organisation_view o on o.organisation_id = c.organisation_id
            left join partnership_view p on p.partnership_id = c.partnership_id""";

    public static CommitmentRow map(ResultSet rs, int row) throws SQLException {
        return new CommitmentRow(rs.getObject("commitment_id", UUID.class), rs.getObject("partnership_id", UUID.class),
                rs.getString("partnership_name"), rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"), rs.getString("title"),
                rs.getObject("recorded_on", LocalDate.class), rs.getObject("original_due_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), rs.getString("status"), rs.getString("signal"),
                List.of((String[]) rs.getArray("at_risk_because").getArray()),
                (Integer) rs.getObject("latest_percent"), rs.getObject("latest_report_as_of", LocalDate.class),
                rs.getString("latest_assessment"), rs.getBoolean("divergent"),
                rs.getObject("open_follow_up_since", LocalDate.class),
                rs.getObject("open_follow_up_respond_by", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                (Integer) rs.getObject("days_overdue"), rs.getLong("version"));
    }
}
