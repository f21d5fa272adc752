package no.partnerskap.projections.verification;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import no.partnerskap.audit.Checkpoint;
import no.partnerskap.audit.EventRecord;
import no.partnerskap.audit.Hashes;
import no.partnerskap.audit.SigningKeys;
import no.partnerskap.eventstore.EventStoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored history as the hash chain sees it: events exactly as stored, the sealed
 * checkpoints and the published signing keys. Read straight from the event store.
 */
@Component
public class StoredHistory {

    public record PublishedKey(String keyId, String publicKey) {
    }

    private static final String EVENT_COLUMNS = """
            global_index, type, aggregate_identifier, sequence_number, event_identifier, payload_type, time_stamp,
            payload, meta_data, prev_hash, event_hash""";

    private final JdbcTemplate jdbc;

    StoredHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event with a global position in (from, to], in global order, streamed. */
    public void events(long fromExclusive, long toInclusive, Consumer<EventRecord> consumer) {
        jdbc.query(con -> {
            var statement = con.prepareStatement("select " + EVENT_COLUMNS + " from " + EventStoreSchema.EVENTS
                    + " where global_index > ? and global_index <= ? order by global_index");
            statement.setFetchSize(1000);
            statement.setLong(1, fromExclusive);
            statement.setLong(2, toInclusive);
            return statement;
        }, (ResultSet rs) -> {
            consumer.accept(record(rs));
        });
    }

    public void allEvents(Consumer<EventRecord> consumer) {
        events(Long.MIN_VALUE, Long.MAX_VALUE, consumer);
    }

    public Optional<EventRecord> event(long globalIndex) {
        List<EventRecord> found = new ArrayList<>();
        events(globalIndex - 1, globalIndex, found::add);
        return found.stream().findFirst();
    }

    public List<Checkpoint> checkpoints() {
        return jdbc.query("select * from event_store.checkpoint order by number",
                (rs, n) -> new Checkpoint(rs.getLong("number"), rs.getLong("from_position"), rs.getLong("to_position"),
                        rs.getLong("event_count"), rs.getString("merkle_root"), rs.getString("previous_hash"),
                        rs.getString("sealed_at"), rs.getString("key_id"), rs.getString("checkpoint_hash"),
                        rs.getString("signature")));
    }

    public List<PublishedKey> publishedKeys() {
        return jdbc.query("select key_id, public_key from event_store.signing_key order by first_used_at, key_id",
                (rs, n) -> new PublishedKey(rs.getString(1), rs.getString(2)));
    }

    public Map<String, PublicKey> keys() {
        Map<String, PublicKey> keys = new HashMap<>();
        for (PublishedKey key : publishedKeys()) {
            keys.put(key.keyId(), SigningKeys.readPublic(key.publicKey()));
        }
        return keys;
    }

    private static EventRecord record(ResultSet rs) throws SQLException {
        byte[] meta = rs.getBytes("meta_data");
        return new EventRecord(rs.getLong("global_index"), rs.getString("type"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("payload_type"),
                rs.getString("time_stamp"), new String(rs.getBytes("payload"), StandardCharsets.UTF_8),
                meta == null ? null : new String(meta, StandardCharsets.UTF_8),
                Hashes.hex(rs.getBytes("prev_hash")), Hashes.hex(rs.getBytes("event_hash")));
    }
}
