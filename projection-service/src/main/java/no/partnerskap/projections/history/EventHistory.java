package no.partnerskap.projections.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.partnerskap.api.common.EventJson;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementClosedWithDissent;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementRaised;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementResolved;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipConcluded;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.audit.EventRecord;
import no.partnerskap.audit.Hashes;
import no.partnerskap.eventstore.EventStoreSchema;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the event store directly (this service's role may only SELECT it), in global order,
 * for audit reads and point-in-time rebuilds.
 */
@Component
public class EventHistory {

    /** Which events to read; null fields do not restrict. */
    public record Selection(Long afterGlobalIndex, Long maxGlobalIndex, Instant until,
                            List<String> aggregateIds, String payloadOrganisationId, List<String> typesLeftOut) {

        public Selection(Long afterGlobalIndex, Long maxGlobalIndex, Instant until, List<String> aggregateIds,
                         String payloadOrganisationId) {
            this(afterGlobalIndex, maxGlobalIndex, until, aggregateIds, payloadOrganisationId, List.of());
        }

        /** The same events but those of the given types (event classes), which a reader has no use for. */
        public Selection leavingOut(List<Class<?>> types) {
            return new Selection(afterGlobalIndex, maxGlobalIndex, until, aggregateIds, payloadOrganisationId,
                    types.stream().map(Class::getName).toList());
        }

        public static Selection all() {
            return new Selection(null, null, null, null, null);
        }

        public static Selection upToPosition(long position) {
            return new Selection(null, position, null, null, null);
        }

        /** The events with global positions in (after, upTo]. */
        public static Selection between(long after, long upTo) {
            return new Selection(after, upTo, null, null, null);
        }
    }

    private static final ObjectMapper json = EventJson.newMapper();
    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    EventHistory(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * The events from the first stamped at or after {@code from} to the last stamped at or before {@code until}
     * (null: open), every position between them included; nothing when none is stamped within. A write is
     * stamped before it is stored, so concurrent ones can be stored out of time order: cut by time alone, a part
     * could leave out an event between two it holds, which a verifier takes for one deleted.
     */
    public Selection stampedBetween(Instant from, Instant until) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select min(global_index), max(global_index) from %s where true"
                .formatted(EventStoreSchema.EVENTS));
        if (from != null) {
            sql.append(" and time_stamp::timestamptz >= ?");
            args.add(java.sql.Timestamp.from(from));
        }
        if (until != null) {
            sql.append(" and time_stamp::timestamptz <= ?");
            args.add(java.sql.Timestamp.from(until));
        }
        return jdbc.queryForObject(sql.toString(), (rs, n) -> rs.getObject(1) == null
                ? Selection.between(0, 0) : Selection.between(rs.getLong(1) - 1, rs.getLong(2)), args.toArray());
    }

    /**
     * The last position, up to {@code position}, of an event stamped at or before {@code until}; 0 if none is. The
     * events up to {@code position} stamped by then are the events up to this position stamped by then.
     */
    public long lastStampedBy(long position, Instant until) {
        Long last = jdbc.queryForObject("select max(global_index) from %s where global_index <= ? and time_stamp::timestamptz <= ?"
                .formatted(EventStoreSchema.EVENTS), Long.class, position, java.sql.Timestamp.from(until));
        return last == null ? 0 : last;
    }

    public List<StoredEvent> read(Selection selection) {
        List<StoredEvent> events = new ArrayList<>();
        forEach(selection, events::add);
        return events;
    }

    /** Streams the selected events in global order without holding them all in memory. */
    public void forEach(Selection selection, Consumer<StoredEvent> consumer) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp,
                       payload_type, payload, meta_data, prev_hash, event_hash
                from %s where true""".formatted(EventStoreSchema.EVENTS));
        if (selection.afterGlobalIndex() != null) {
            sql.append(" and global_index > ?");
            args.add(selection.afterGlobalIndex());
        }
        if (selection.maxGlobalIndex() != null) {
            sql.append(" and global_index <= ?");
            args.add(selection.maxGlobalIndex());
        }
        if (selection.until() != null) {
            sql.append(" and time_stamp::timestamptz <= ?");
            args.add(java.sql.Timestamp.from(selection.until()));
        }
        if (!selection.typesLeftOut().isEmpty()) {
            sql.append(" and payload_type <> all(?)");
            args.add(selection.typesLeftOut().toArray(String[]::new));
        }
        if (selection.aggregateIds() != null || selection.payloadOrganisationId() != null) {
            List<String> either = new ArrayList<>();
            if (selection.aggregateIds() != null && !selection.aggregateIds().isEmpty()) {
                either.add("aggregate_identifier = any(?)");
                args.add(selection.aggregateIds().toArray(String[]::new));
            }
            if (selection.payloadOrganisationId() != null) {
                // the organisation acts in it, convenes it from the start, attended the meeting, or dissented
                // (its id somewhere in the text first: far cheaper than parsing every payload)
                either.add("""
                        (position(? in convert_from(payload, 'UTF8')) > 0
                         and exists (select 1 from (select %s as j) p
                                where p.j ->> 'organisationId' = ?
                                   or p.j ->> 'convenorOrganisationId' = ?
                                   or p.j -> 'attendance' @> jsonb_build_array(jsonb_build_object('organisationId', ?))
                                   or p.j -> 'dissentingOrganisationIds' @> to_jsonb(?::text)))"""
                        .formatted(payloadJson("payload")));
                // and the conclusion of each partnership it convened or was admitted to
                either.add("""
                        payload_type = ? and aggregate_identifier in (
                            select m.aggregate_identifier from %s m where m.payload_type in (?, ?)
                            and position(? in convert_from(m.payload, 'UTF8')) > 0
                            and exists (select 1 from (select %s as j) p
                                        where ? in (p.j ->> 'organisationId', p.j ->> 'convenorOrganisationId')))"""
                        .formatted(EventStoreSchema.EVENTS, payloadJson("m.payload")));
                // and how each disagreement it raised was closed
                either.add("""
                        payload_type in (?, ?) and %s ->> 'disagreementId' in (
                            select %s ->> 'disagreementId' from %s r where r.payload_type = ?
                            and position(? in convert_from(r.payload, 'UTF8')) > 0
                            and %s ->> 'organisationId' = ?)"""
                        .formatted(payloadJson("payload"), payloadJson("r.payload"), EventStoreSchema.EVENTS,
                                payloadJson("r.payload")));
                for (int i = 0; i < 5; i++) {
                    args.add(selection.payloadOrganisationId());
                }
                args.add(PartnershipConcluded.class.getName());
                args.add(MemberAdmitted.class.getName());
                args.add(PartnershipEstablished.class.getName());
                args.add(selection.payloadOrganisationId());
                args.add(selection.payloadOrganisationId());
                args.add(DisagreementResolved.class.getName());
                args.add(DisagreementClosedWithDissent.class.getName());
                args.add(DisagreementRaised.class.getName());
                args.add(selection.payloadOrganisationId());
                args.add(selection.payloadOrganisationId());
            }
            sql.append(either.isEmpty() ? " and false" : " and (" + String.join(" or ", either) + ")");
        }
        sql.append(" order by global_index");
        jdbc.query(con -> {
            var statement = con.prepareStatement(sql.toString());
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof String[] array) {
                    statement.setArray(i + 1, con.createArrayOf("varchar", array));
                } else {
                    statement.setObject(i + 1, arg);
                }
            }
            return statement;
        }, (ResultSet rs) -> {
            consumer.accept(map(rs));
        });
    }

    /** The event as Axon delivers it to event handlers, for replaying it into a projector. */
    public TrackedEventMessage<?> asMessage(StoredEvent event) {
        SerializedObject<byte[]> payload = new SimpleSerializedObject<>(
                event.payloadJson().getBytes(StandardCharsets.UTF_8), byte[].class, event.payloadType(), null);
        Object deserialized = serializer.deserialize(payload);
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(event.globalIndex()),
                new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), event.sequenceNumber(),
                        deserialized, event.metadata(), event.eventId(), event.timestamp()));
    }

    /**
     * The ids of every organisation, of every commitment recorded in the partnership and of every thematic
     * network under it, that existed at the instant: what a partnership's dashboard shows besides itself.
     */
    public List<String> organisationsCommitmentsAndNetworksOf(String partnershipId, Instant until) {
        return jdbc.queryForList("select aggregate_identifier from " + EventStoreSchema.EVENTS
                + " where sequence_number = 0 and time_stamp::timestamptz <= ?"
                + " and (type = 'Organisation' or (type = 'Commitment'"
                + " and position(? in convert_from(payload, 'UTF8')) > 0"
                + " and " + payloadJson("payload") + " ->> 'partnershipId' = ?)"
                // the thematic networks under it, which its dashboard lists
                + " or (type = 'Partnership' and position(? in convert_from(payload, 'UTF8')) > 0"
                + " and " + payloadJson("payload") + " ->> 'parentPartnershipId' = ?))",
                String.class, java.sql.Timestamp.from(until), partnershipId, partnershipId, partnershipId,
                partnershipId);
    }

    /**
     * A payload as {@code jsonb}, for the queries that look inside it. An event stored before the write
     * side refused text with U+0000 or half a surrogate pair holds it as a JSON escape, which {@code jsonb}
     * refuses (and with it the whole query): such an escape is read as U+FFFD.
     */
    private static String payloadJson(String column) {
        return "regexp_replace(convert_from(" + column + ", 'UTF8'), '\\\\u(0000|[dD][89a-fA-F][0-9a-fA-F]{2})', "
                + "'\\\\ufffd', 'g')::jsonb";
    }

    /** The type of the aggregate with that id, if it has any event (one row, by the aggregate's index). */
    public java.util.Optional<String> aggregateType(String aggregateId) {
        return jdbc.queryForList("select type from " + EventStoreSchema.EVENTS
                + " where aggregate_identifier = ? limit 1", String.class, aggregateId).stream().findFirst();
    }

    /** The latest version (sequence number) of the aggregate of that type the store holds, or -1 when none. */
    public long latestVersion(String type, String aggregateId) {
        Long latest = jdbc.queryForObject("select max(sequence_number) from " + EventStoreSchema.EVENTS
                + " where aggregate_identifier = ? and type = ?", Long.class, aggregateId, type);
        return latest == null ? -1 : latest;
    }

    /** The highest global position in the store now. */
    public long head() {
        Long head = jdbc.queryForObject("select max(global_index) from " + EventStoreSchema.EVENTS, Long.class);
        return head == null ? 0 : head;
    }

    private static StoredEvent map(ResultSet rs) throws SQLException {
        byte[] meta = rs.getBytes("meta_data");
        String payload = new String(rs.getBytes("payload"), StandardCharsets.UTF_8);
        EventRecord stored = new EventRecord(rs.getLong("global_index"), rs.getString("type"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("event_identifier"),
                rs.getString("payload_type"), rs.getString("time_stamp"), payload,
                meta == null ? null : new String(meta, StandardCharsets.UTF_8),
                Hashes.hex(rs.getBytes("prev_hash")), Hashes.hex(rs.getBytes("event_hash")));
        return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("type"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                timestamp(rs.getString("time_stamp")), rs.getString("payload_type"), payload, metadata(meta),
                stored);
    }

    /** Null when someone changed the stored text into something that is not an instant; the verifier says so. */
    private static Instant timestamp(String stored) {
        try {
            return Instant.parse(stored);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Map<String, Object> metadata(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Map.of();
        }
        try {
            return json.readValue(bytes, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException unreadable) {
            // a history is read to be checked: metadata someone broke must not stop the reading
            return Map.of();
        }
    }
}
