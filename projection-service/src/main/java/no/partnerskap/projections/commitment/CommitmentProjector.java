package no.partnerskap.projections.commitment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.partnerskap.api.commitment.CommitmentEvent;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentAssessed;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRevised;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentWithdrawn;
import no.partnerskap.api.commitment.CommitmentEvent.DeadlineExtended;
import no.partnerskap.api.commitment.CommitmentEvent.FollowUpRequested;
import no.partnerskap.api.commitment.CommitmentEvent.MilestoneAdded;
import no.partnerskap.api.commitment.CommitmentEvent.MilestoneCompleted;
import no.partnerskap.api.commitment.CommitmentEvent.OutcomeReported;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import no.partnerskap.api.commitment.IndicatorValue;
import no.partnerskap.api.commitment.Resource;
import no.partnerskap.api.common.AuditMetadata;
import no.partnerskap.projections.followup.FollowUpClock;
import no.partnerskap.projections.history.ReadModelProjector;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import no.partnerskap.projections.history.ReadModelWrites;
import org.springframework.stereotype.Component;

/**
 * Commitments with their timeline, resources, milestones and indicator values. Dates of
 * recording come from the event timestamps, in the partnerships' time zone.
 */
@Component
@ProcessingGroup("commitments")
class CommitmentProjector implements ReadModelProjector {

    static final List<String> TABLES = List.of("commitment_view", "commitment_resource", "commitment_entry",
            "milestone_view", "indicator_value");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReadModelWrites writes;
    private final Clock clock;
    /** The statement for each kind of change to a commitment's row, by its assignments. */
    private final Map<String, String> viewUpdates = new ConcurrentHashMap<>();

    CommitmentProjector(ReadModelWrites writes, Clock clock) {
        this.writes = writes;
        this.clock = clock;
    }

    @EventHandler
    void on(CommitmentRecorded e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.SUBJECT) String subject) {
        writes.update("""
                insert into commitment_view (commitment_id, partnership_id, organisation_id, title, description,
                    goal_ids, recorded_on, original_due_date, due_date, status, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""",
                e.commitmentId(), e.partnershipId(), e.organisationId(), e.title(), e.description(),
                e.goalIds().toArray(UUID[]::new), e.recordedOn(), e.dueDate(), e.dueDate(), seq);
        pledge(e.commitmentId(), e.resources());
        entry(e, seq, at, subject, "RECORDED", null, null, null, null, e.dueDate(), e.title(), null, null);
    }

    @EventHandler
    void on(CommitmentRevised e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.SUBJECT) String subject) {
        // what it changed: the commitment as it stood (read before the changes below) and as revised
        writes.update("""
                insert into commitment_entry (commitment_id, sequence_number, kind, recorded_at, recorded_by, text,
                    reason, revision)
                select v.commitment_id, ?, 'REVISED', ?, ?, ?, ?, jsonb_build_object('before', jsonb_build_object(
                        'title', v.title, 'description', v.description, 'goalIds', to_jsonb(v.goal_ids),
                        'resources', coalesce((select jsonb_agg(jsonb_build_object('kind', r.kind, 'unit', r.unit,
                                                   'amount', r.pledged) order by r.kind, r.unit)
                                               from commitment_resource r
                                               where r.commitment_id = v.commitment_id and r.pledged > 0), '[]')),
                    'after', ?::jsonb)
                from commitment_view v where v.commitment_id = ?""",
                seq, java.sql.Timestamp.from(at), subject, e.title(), e.reason(), stated(e), e.commitmentId());
        view(e, seq, "title = ?, description = ?, goal_ids = ?", e.title(), e.description(),
                e.goalIds().toArray(UUID[]::new));
        // the revision states the whole pledge: a line it leaves out is pledged no more (nothing is delivered
        // before the outcome, and a revision comes before it)
        writes.update("delete from commitment_resource where commitment_id = ? and delivered = 0", e.commitmentId());
        writes.update("update commitment_resource set pledged = 0 where commitment_id = ?", e.commitmentId());
        pledge(e.commitmentId(), e.resources());
    }

    /** The commitment as a revision states it, in the shape its entry keeps the one before. */
    private static String stated(CommitmentRevised e) {
        Map<List<String>, BigDecimal> pledged = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        e.resources().forEach(r -> pledged.merge(List.of(r.kind().name(), r.unit()), r.amount(), BigDecimal::add));
        ObjectNode after = JSON.createObjectNode().put("title", ReadModelWrites.storableText(e.title()))
                .put("description", ReadModelWrites.storableText(e.description()));
        ArrayNode goals = after.putArray("goalIds");
        e.goalIds().forEach(goal -> goals.add(goal.toString()));
        ArrayNode resources = after.putArray("resources");
        pledged.forEach((key, amount) -> {
            if (amount.signum() > 0) {
                resources.addObject().put("kind", key.get(0)).put("unit", ReadModelWrites.storableText(key.get(1)))
                        .put("amount", amount);
            }
        });
        return after.toString();
    }

    @EventHandler
    void on(MilestoneAdded e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.SUBJECT) String subject) {
        writes.update("insert into milestone_view (milestone_id, commitment_id, title, due_date) values (?, ?, ?, ?)",
                e.milestoneId(), e.commitmentId(), e.title(), e.dueDate());
        view(e, seq, "");
        entry(e, seq, at, subject, "MILESTONE_ADDED", null, null, null, null, e.dueDate(), e.title(), null, null);
    }

    @EventHandler
    void on(MilestoneCompleted e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.SUBJECT) String subject) {
        writes.update("update milestone_view set completed_on = ? where milestone_id = ?", e.completedOn(),
                e.milestoneId());
        // the partner reporting a step done: like a progress report, it answers an open request
        view(e, seq, "last_reported_on = ?, open_follow_up_since = null, open_follow_up_respond_by = null", FollowUpClock.dateOf(at, clock));
        // which milestone, by its title
        writes.update("""
                insert into commitment_entry (commitment_id, sequence_number, kind, recorded_at, recorded_by, as_of,
                    text)
                values (?, ?, 'MILESTONE_COMPLETED', ?, ?, ?,
                        (select title from milestone_view where milestone_id = ?))""",
                e.commitmentId(), seq, java.sql.Timestamp.from(at), subject, e.completedOn(), e.milestoneId());
    }

    @EventHandler
    void on(ProgressReported e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.SUBJECT) String subject) {
        // a later report about an earlier date does not replace a newer picture
        view(e, seq, """
                latest_percent = case when latest_report_as_of is null or ? >= latest_report_as_of
                                      then ? else latest_percent end,
                latest_report_as_of = greatest(latest_report_as_of, ?),
                last_reported_on = ?, open_follow_up_since = null, open_follow_up_respond_by = null""",
                e.asOf(), e.percentComplete(), e.asOf(), FollowUpClock.dateOf(at, clock));
        entry(e, seq, at, subject, "PROGRESS", e.asOf(), e.percentComplete(), null, null, null, e.narrative(), null,
                e.evidence().toArray(String[]::new));
    }

    @EventHandler
    void on(DeadlineExtended e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.SUBJECT) String subject) {
        view(e, seq, "due_date = ?", e.newDueDate());
        entry(e, seq, at, subject, "DEADLINE_EXTENDED", null, null, null, null, e.newDueDate(), null, e.reason(), null);
    }

    @EventHandler
    void on(FollowUpRequested e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.SUBJECT) String subject) {
        // a reminder keeps the day the request was first open; a day to answer by given again replaces the last
        view(e, seq, """
                open_follow_up_since = coalesce(open_follow_up_since, ?),
                open_follow_up_respond_by = coalesce(?, open_follow_up_respond_by)""",
                FollowUpClock.dateOf(at, clock), e.respondBy());
        entry(e, seq, at, subject, "FOLLOW_UP_REQUESTED", null, null, null, null, e.respondBy(), e.message(), null,
                null);
    }

    @EventHandler
    void on(CommitmentAssessed e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.SUBJECT) String subject) {
        view(e, seq, "latest_assessment = ?", e.level().name());
        entry(e, seq, at, subject, "ASSESSED", null, null, e.level().name(), null, null, e.comment(), null, null);
    }

    @EventHandler
    void on(OutcomeReported e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.SUBJECT) String subject) {
        view(e, seq, "status = ?, closed_on = ?, outcome_as_of = ?, last_reported_on = ?, open_follow_up_since = null, open_follow_up_respond_by = null",
                e.result().name(), FollowUpClock.dateOf(at, clock), e.asOf(), FollowUpClock.dateOf(at, clock));
        for (Resource r : e.resourcesDelivered()) {
            writes.update("""
                    insert into commitment_resource (commitment_id, kind, unit, delivered) values (?, ?, ?, ?)
                    on conflict (commitment_id, kind, unit) do update
                    set delivered = commitment_resource.delivered + excluded.delivered""",
                    e.commitmentId(), r.kind().name(), r.unit(), r.amount());
        }
        for (IndicatorValue v : e.indicatorValues()) {
            writes.update("""
                    insert into indicator_value (commitment_id, goal_id, partnership_id, value) values (?, ?, ?, ?)
                    on conflict (commitment_id, goal_id) do update set value = excluded.value""",
                    e.commitmentId(), v.goalId(), e.partnershipId(), v.value());
        }
        entry(e, seq, at, subject, "OUTCOME", e.asOf(), null, null, e.result().name(), null, e.narrative(), null,
                null);
    }

    @EventHandler
    void on(CommitmentWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.SUBJECT) String subject) {
        view(e, seq, "status = 'WITHDRAWN', closed_on = ?, open_follow_up_since = null, open_follow_up_respond_by = null", FollowUpClock.dateOf(at, clock));
        entry(e, seq, at, subject, "WITHDRAWN", null, null, null, null, null, null, e.reason(), null);
    }

    private void pledge(UUID commitmentId, List<Resource> resources) {
        for (Resource r : resources) {
            writes.update("""
                    insert into commitment_resource (commitment_id, kind, unit, pledged) values (?, ?, ?, ?)
                    on conflict (commitment_id, kind, unit) do update
                    set pledged = commitment_resource.pledged + excluded.pledged""",
                    commitmentId, r.kind().name(), r.unit(), r.amount());
        }
    }

    private void entry(CommitmentEvent e, long seq, Instant at, String subject, String kind, java.time.LocalDate asOf,
                       Integer percent, String level, String result, java.time.LocalDate dueDate, String text,
                       String reason, String[] evidence) {
        writes.update("""
                insert into commitment_entry (commitment_id, sequence_number, kind, recorded_at, recorded_by, as_of,
                    percent, level, result, due_date, text, reason, evidence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.commitmentId(), seq, kind, java.sql.Timestamp.from(at), subject, asOf, percent, level, result, dueDate, text,
                reason, evidence);
    }

    /**
     * Every change to a commitment's row, {@code assignments} (or none: "") together with the version a
     * reader may wait for: one statement per event, so a batch of events sends one JDBC batch.
     */
    private void view(CommitmentEvent e, long seq, String assignments, Object... args) {
        Object[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = seq;
        all[args.length + 1] = e.commitmentId();
        // built once per kind of change, not once per event
        writes.update(viewUpdates.computeIfAbsent(assignments, a -> "update commitment_view set "
                + (a.isEmpty() ? "" : a + ", ") + "version = greatest(version, ?) where commitment_id = ?"), all);
    }

    @Override
    public java.util.List<String> tables() {
        return TABLES;
    }

    @ResetHandler
    void reset() {
        writes.clear(tables());
    }
}
