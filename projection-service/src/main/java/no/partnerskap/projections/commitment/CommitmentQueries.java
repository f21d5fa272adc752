package no.partnerskap.projections.commitment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.partnerskap.projections.followup.FollowUpClock;
import no.partnerskap.projections.followup.FollowUpRules;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the commitment read model: filtered pages and one commitment with its timeline. */
@Component
public class CommitmentQueries {

    /** The statuses a commitment can have, as a pattern for the filters that take one. */
    public static final String STATUSES = "ACTIVE|OVERDUE|FULFILLED|PARTIALLY_FULFILLED|NOT_FULFILLED|WITHDRAWN";
    /** The follow-up signals, as a pattern for the filters that take one. */
    public static final String SIGNALS = "OVERDUE|AT_RISK|ON_TRACK|CLOSED";
    /** The furthest ahead a list looks for commitments falling due: ten years, the longest a period sensibly runs. */
    public static final int DUE_WITHIN_DAYS_MAX = 3660;

    /**
     * Which of a partnership's commitments to list: each criterion given narrows the list. {@code dueWithinDays}: active
     * and due from today to that many days ahead; {@code openFollowUp}: a follow-up request not yet answered;
     * {@code divergent}: the partner's latest word and the latest assessment more than one level apart.
     */
    public record Filter(String status, String signal, UUID organisationId, UUID goalId, Integer dueWithinDays,
                         boolean openFollowUp, boolean divergent) {

        public static final Filter ALL = new Filter(null, null, null, null, null, false, false);

        public Filter withStatus(String status) {
            return new Filter(status, signal, organisationId, goalId, dueWithinDays, openFollowUp, divergent);
        }

        public Filter dueWithin(int days) {
            return new Filter(status, signal, organisationId, goalId, days, openFollowUp, divergent);
        }

        public Filter withOpenFollowUp() {
            return new Filter(status, signal, organisationId, goalId, dueWithinDays, true, divergent);
        }

        public Filter onlyDivergent() {
            return new Filter(status, signal, organisationId, goalId, dueWithinDays, openFollowUp, true);
        }

        /** Whether any criterion narrows the list. */
        public boolean narrows() {
            return !equals(ALL);
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** One entry of a commitment's history; a revision's says what it changed. */
    public record Entry(long sequenceNumber, String kind, Instant recordedAt, String recordedBy, LocalDate asOf,
                        Integer percent, String level, String result, LocalDate dueDate, String text, String reason,
                        List<String> evidence, Revision revision) {
    }

    public record Milestone(UUID id, String title, LocalDate dueDate, LocalDate completedOn) {
    }

    public record ResourceLine(String kind, String unit, BigDecimal pledged, BigDecimal delivered) {
    }

    public record IndicatorLine(UUID goalId, BigDecimal value) {
    }

    public record Detail(CommitmentRow commitment, String description, List<UUID> goalIds,
                         List<ResourceLine> resources, List<Milestone> milestones, List<IndicatorLine> indicatorValues,
                         List<Entry> timeline) {

        /** The same, without the person who recorded each entry (for readers who may not see who did). */
        public Detail withoutPeople() {
            return new Detail(commitment, description, goalIds, resources, milestones, indicatorValues,
                    timeline.stream().map(e -> new Entry(e.sequenceNumber(), e.kind(), e.recordedAt(), null, e.asOf(),
                            e.percent(), e.level(), e.result(), e.dueDate(), e.text(), e.reason(), e.evidence(),
                            e.revision()))
                            .toList());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    CommitmentQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The same reads, with status and signals as they were on the given clock's day (audit reads as of a date). */
    public CommitmentQueries at(Clock clock) {
        return new CommitmentQueries(jdbc, clock);
    }

    @Transactional(readOnly = true)
    public Page<CommitmentRow> inPartnership(UUID partnershipId, Filter filter, int page, int size) {
        MapSqlParameterSource params = params().addValue("partnership", partnershipId);
        List<String> where = new ArrayList<>(List.of("c.partnership_id = :partnership"));
        if (filter.status() != null) {
            where.add(FollowUpRules.STATUS + " = :status");
            params.addValue("status", filter.status());
        }
        if (filter.signal() != null) {
            where.add(FollowUpRules.SIGNAL + " = :signal");
            params.addValue("signal", filter.signal());
        }
        if (filter.organisationId() != null) {
            where.add("c.organisation_id = :organisation");
            params.addValue("organisation", filter.organisationId());
        }
        if (filter.goalId() != null) {
            where.add(":goal = any(c.goal_ids)");
            params.addValue("goal", filter.goalId());
        }
        if (filter.dueWithinDays() != null) {
            where.add("c.status = 'ACTIVE' and c.due_date between :today and :today + :dueWithin");
            params.addValue("dueWithin", filter.dueWithinDays());
        }
        if (filter.openFollowUp()) {
            where.add("c.open_follow_up_since is not null");
        }
        if (filter.divergent()) {
            where.add(FollowUpRules.DIVERGENT);
        }
        return page(String.join(" and ", where), "c.due_date, c.title, c.commitment_id", params, page, size);
    }

    /**
     * Overdue commitments across all partnerships, the longest overdue first, a page at a time; only the given
     * organisation's when one is given.
     */
    @Transactional(readOnly = true)
    public Page<CommitmentRow> overdue(UUID organisationId, int page, int size) {
        MapSqlParameterSource params = params().addValue("organisation", organisationId);
        return page(FollowUpRules.STATUS + " = 'OVERDUE'" + (organisationId == null ? ""
                : " and c.organisation_id = :organisation"), "c.due_date, p.name, c.title, c.commitment_id", params,
                page, size);
    }

    private Page<CommitmentRow> page(String condition, String order, MapSqlParameterSource params, int page,
                                     int size) {
        long total = jdbc.queryForObject("select count(*) from " + CommitmentRow.FROM + " where " + condition, params,
                Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<CommitmentRow> items = jdbc.query("select " + CommitmentRow.COLUMNS + " from " + CommitmentRow.FROM
                + " where " + condition + " order by " + order + " limit :limit offset :offset", params,
                CommitmentRow::map);
        return new Page<>(items, page, size, total);
    }

    public long version(UUID id) {
        return jdbc.queryForList("select version from commitment_view where commitment_id = :id",
                new MapSqlParameterSource("id", id), Long.class).stream().findFirst().orElse(-1L);
    }

    @Transactional(readOnly = true)
    public Optional<Detail> one(UUID id) {
        MapSqlParameterSource params = params().addValue("id", id);
        Optional<CommitmentRow> row = jdbc.query("select " + CommitmentRow.COLUMNS + " from " + CommitmentRow.FROM
                + " where c.commitment_id = :id", params, CommitmentRow::map).stream().findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String description = jdbc.queryForObject("select description from commitment_view where commitment_id = :id",
                params, String.class);
        List<UUID> goals = jdbc.queryForObject("select goal_ids from commitment_view where commitment_id = :id", params,
                (rs, n) -> Arrays.asList((UUID[]) rs.getArray(1).getArray()));
        List<ResourceLine> resources = jdbc.query("""
                select kind, unit, pledged, delivered from commitment_resource where commitment_id = :id
                order by kind, unit""", params,
                (rs, n) -> new ResourceLine(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
        List<Milestone> milestones = jdbc.query("""
                select milestone_id, title, due_date, completed_on from milestone_view where commitment_id = :id
                order by due_date nulls last, title""", params,
                (rs, n) -> new Milestone(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
        List<IndicatorLine> indicators = jdbc.query("""
                select goal_id, value from indicator_value where commitment_id = :id order by goal_id""", params,
                (rs, n) -> new IndicatorLine(rs.getObject(1, UUID.class), rs.getBigDecimal(2)));
        List<Entry> timeline = jdbc.query("""
                select * from commitment_entry where commitment_id = :id order by sequence_number""", params,
                (rs, n) -> new Entry(rs.getLong("sequence_number"), rs.getString("kind"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                        rs.getObject("as_of", LocalDate.class), (Integer) rs.getObject("percent"),
                        rs.getString("level"), rs.getString("result"), rs.getObject("due_date", LocalDate.class),
                        rs.getString("text"), rs.getString("reason"),
                        rs.getArray("evidence") == null ? List.of()
                                : Arrays.asList((String[]) rs.getArray("evidence").getArray()),
                        revision(rs.getString("revision"))));
        return Optional.of(new Detail(row.get(), description, goals, resources, milestones, indicators, timeline));
    }

    private static Revision revision(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return JSON.readValue(stored, Revision.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a revision's entry holds what this version cannot read", e);
        }
    }

    private MapSqlParameterSource params() {
        return new MapSqlParameterSource("today", FollowUpClock.today(clock));
    }
}
