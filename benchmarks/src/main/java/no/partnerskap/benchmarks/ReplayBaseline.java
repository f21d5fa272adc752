package no.partnerskap.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import no.partnerskap.api.commitment.CommitmentEvent;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentWithdrawn;
import no.partnerskap.api.commitment.CommitmentEvent.OutcomeReported;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import no.partnerskap.api.common.AuditMetadata;
import no.partnerskap.api.common.EventJson;

/**
 * Baseline (b): a rebuild without the framework. One thread reads pages of events by JDBC, deserializes each
 * payload with Jackson into the class named in {@code payload_type}, and batch-upserts read-model rows, committing
 * per page with synchronous_commit off as projection-service does.
 */
final class ReplayBaseline {

    /** Which rows the loop writes. */
    enum Rows {
        /**
         * The rows the projectors write for nearly every event: for a commitment event the commitment's row
         * (inserted when recorded, then updated with the version, latest report and status) and its timeline entry,
         * in copies of projection-service's {@code commitment_view} and {@code commitment_entry}, with who recorded
         * it read from the metadata; for the few other events one row per aggregate.
         */
        AS_PROJECTORS,
        /** One narrow row per aggregate for every event (upserted count, last sequence number and event type). */
        ONE_PER_AGGREGATE
    }

    private static final int PAGE = 1000;

    private final DataSource superuser;
    private final ObjectMapper json = EventJson.newMapper();
    private final Map<String, Class<?>> classes = new HashMap<>();

    ReplayBaseline(DataSource superuser) {
        this.superuser = superuser;
    }

    /** Rebuilds from the first event up to {@code head}; returns the number of events read. */
    long run(long head, Rows rows) throws SQLException, IOException {
        long events = 0;
        try (Connection c = superuser.getConnection()) {
            createTables(c);
            try (Statement s = c.createStatement()) {
                // as projection-service commits its read models
                s.execute("set synchronous_commit to off");
            }
            c.setAutoCommit(false);
            try (PreparedStatement select = c.prepareStatement("""
                    select global_index, aggregate_identifier, sequence_number, payload_type, payload, time_stamp,
                           meta_data
                    from event_store.domain_event_entry where global_index > ? and global_index <= ?
                    order by global_index limit ?""");
                 Writes writes = new Writes(c)) {
                select.setFetchSize(PAGE);
                long after = 0;
                while (true) {
                    select.setLong(1, after);
                    select.setLong(2, head);
                    select.setInt(3, PAGE);
                    int n = 0;
                    try (ResultSet r = select.executeQuery()) {
                        while (r.next()) {
                            after = r.getLong(1);
                            Object event = json.readValue(r.getBytes(5), classes.computeIfAbsent(r.getString(4),
                                    ReplayBaseline::load));
                            if (rows == Rows.AS_PROJECTORS && event instanceof CommitmentEvent e) {
                                writes.commitment(e, r.getLong(3), Instant.parse(r.getString(6)), subject(r.getBytes(7)));
                            } else {
                                writes.aggregate(r.getString(2), r.getLong(3), event, r.getString(6));
                            }
                            n++;
                        }
                    }
                    if (n == 0) {
                        break;
                    }
                    writes.send();
                    c.commit();
                    events += n;
                }
            }
        }
        return events;
    }

    /** Who recorded the event, as the projectors read it from the metadata. */
    private String subject(byte[] metadata) throws IOException {
        return metadata == null ? null : json.readTree(metadata).path(AuditMetadata.SUBJECT).asText(null);
    }

    private static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            for (String table : new String[] {"aggregate_view", "commitment_view", "commitment_entry"}) {
                s.execute("drop table if exists bench." + table);
            }
            s.execute("""
                    create table bench.aggregate_view (
                        aggregate_id  varchar(255) primary key,
                        last_sequence bigint       not null,
                        last_event    varchar(100) not null,
                        events        bigint       not null,
                        updated_at    varchar(255) not null)""");
            // the same columns, keys and indexes as the read models the projectors write
            s.execute("create table bench.commitment_view (like projection.commitment_view including all)");
            s.execute("create table bench.commitment_entry (like projection.commitment_entry including all)");
        }
    }

    /** A page's rows, sent as one JDBC batch per statement: inserts of commitments before their updates. */
    private static final class Writes implements AutoCloseable {

        private final Connection c;
        private final PreparedStatement recorded;
        private final PreparedStatement changed;
        private final PreparedStatement entry;
        private final PreparedStatement aggregate;
        /** In the order a page sends them. */
        private final List<PreparedStatement> all;

        Writes(Connection c) throws SQLException {
            this.c = c;
            recorded = c.prepareStatement("""
                    insert into bench.commitment_view (commitment_id, partnership_id, organisation_id, title,
                        description, goal_ids, recorded_on, original_due_date, due_date, status, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""");
            changed = c.prepareStatement("""
                    update bench.commitment_view set version = greatest(version, ?),
                        latest_percent = coalesce(?, latest_percent), last_reported_on = coalesce(?, last_reported_on),
                        status = coalesce(?, status)
                    where commitment_id = ?""");
            entry = c.prepareStatement("""
                    insert into bench.commitment_entry (commitment_id, sequence_number, kind, recorded_at, recorded_by,
                        as_of, percent, text, evidence)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            aggregate = c.prepareStatement("""
                    insert into bench.aggregate_view (aggregate_id, last_sequence, last_event, events, updated_at)
                    values (?, ?, ?, 1, ?)
                    on conflict (aggregate_id) do update set last_sequence = excluded.last_sequence,
                        last_event = excluded.last_event, events = bench.aggregate_view.events + 1,
                        updated_at = excluded.updated_at""");
            all = List.of(recorded, changed, entry, aggregate);
        }

        void commitment(CommitmentEvent e, long seq, Instant at, String subject) throws SQLException {
            Integer percent = null;
            LocalDate asOf = null;
            String text = null;
            String status = null;
            String[] evidence = null;
            if (e instanceof CommitmentRecorded r) {
                recorded.setObject(1, r.commitmentId());
                recorded.setObject(2, r.partnershipId());
                recorded.setObject(3, r.organisationId());
                recorded.setString(4, r.title());
                recorded.setString(5, r.description());
                recorded.setArray(6, c.createArrayOf("uuid", r.goalIds().toArray(UUID[]::new)));
                recorded.setObject(7, r.recordedOn());
                recorded.setObject(8, r.dueDate());
                recorded.setObject(9, r.dueDate());
                recorded.setLong(10, seq);
                recorded.addBatch();
                text = r.title();
            } else {
                if (e instanceof ProgressReported p) {
                    percent = p.percentComplete();
                    asOf = p.asOf();
                    text = p.narrative();
                    evidence = p.evidence().toArray(String[]::new);
                } else if (e instanceof OutcomeReported o) {
                    asOf = o.asOf();
                    text = o.narrative();
                    status = o.result().name();
                } else if (e instanceof CommitmentWithdrawn w) {
                    text = w.reason();
                    status = "WITHDRAWN";
                }
                changed.setLong(1, seq);
                changed.setObject(2, percent);
                changed.setObject(3, asOf);
                changed.setString(4, status);
                changed.setObject(5, e.commitmentId());
                changed.addBatch();
            }
            entry.setObject(1, e.commitmentId());
            entry.setLong(2, seq);
            entry.setString(3, e.getClass().getSimpleName());
            entry.setTimestamp(4, Timestamp.from(at));
            entry.setString(5, subject);
            entry.setObject(6, asOf);
            entry.setObject(7, percent);
            entry.setString(8, text);
            entry.setArray(9, evidence == null ? null : c.createArrayOf("text", evidence));
            entry.addBatch();
        }

        void aggregate(String id, long seq, Object event, String timestamp) throws SQLException {
            aggregate.setString(1, id);
            aggregate.setLong(2, seq);
            aggregate.setString(3, event.getClass().getSimpleName());
            aggregate.setString(4, timestamp);
            aggregate.addBatch();
        }

        void send() throws SQLException {
            for (PreparedStatement s : all) {
                s.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement s : all) {
                s.close();
            }
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no event class " + name, e);
        }
    }
}
