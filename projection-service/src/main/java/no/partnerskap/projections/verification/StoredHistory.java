package no.partnerskap.projections.verification;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import no.partnerskap.audit.Checkpoint;
import no.partnerskap.audit.EventRecord;
import no.partnerskap.audit.SigningKeys;
import no.partnerskap.projections.history.EventHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored history as the hash chain sees it: events exactly as stored (read by
 * {@link EventHistory}), the sealed checkpoints and the published signing keys.
 */
@Component
public class StoredHistory {

    public record PublishedKey(String keyId, String publicKey) {
    }

    private final JdbcTemplate jdbc;
    private final EventHistory history;

    StoredHistory(JdbcTemplate jdbc, EventHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Every event with a global position in (from, to], in global order, streamed. */
    public void events(long fromExclusive, long toInclusive, Consumer<EventRecord> consumer) {
        history.forEach(EventHistory.Selection.between(fromExclusive, toInclusive), e -> consumer.accept(e.stored()));
    }

    public void allEvents(Consumer<EventRecord> consumer) {
        history.forEach(EventHistory.Selection.all(), e -> consumer.accept(e.stored()));
    }

    public Optional<EventRecord> event(long globalIndex) {
        List<EventRecord> found = new ArrayList<>();
        events(globalIndex - 1, globalIndex, found::add);
        return found.stream().findFirst();
    }

    public List<Checkpoint> checkpoints() {
        return jdbc.query("select * from event_store.checkpoint order by number", (rs, n) -> Checkpoint.fromRow(rs));
    }

    /** The latest checkpoint that ends at or before this position: it chains to every one before it. */
    public Optional<Checkpoint> latestUpTo(long position) {
        return one("select * from event_store.checkpoint where to_position <= ? order by to_position desc limit 1",
                position);
    }

    /** The checkpoint whose range holds the event at this global position. */
    public Optional<Checkpoint> sealing(long globalIndex) {
        return one("select * from event_store.checkpoint where to_position >= ? and from_position < ? "
                + "order by to_position limit 1", globalIndex, globalIndex);
    }

    private Optional<Checkpoint> one(String sql, Object... args) {
        return jdbc.query(sql, (rs, n) -> Checkpoint.fromRow(rs), args).stream().findFirst();
    }

    public List<PublishedKey> publishedKeys() {
        return jdbc.query("select key_id, public_key from event_store.signing_key order by first_used_at, key_id",
                (rs, n) -> new PublishedKey(rs.getString(1), rs.getString(2)));
    }

    /** The published keys by id, to check signatures with. */
    public static Map<String, PublicKey> keys(List<PublishedKey> published) {
        Map<String, PublicKey> keys = new HashMap<>();
        for (PublishedKey key : published) {
            keys.put(key.keyId(), SigningKeys.readPublic(key.publicKey()));
        }
        return keys;
    }
}
