package no.partnerskap.commitments.audit;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.partnerskap.audit.Checkpoint;
import no.partnerskap.audit.Hashes;
import no.partnerskap.audit.MerkleTree;
import no.partnerskap.audit.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals a checkpoint every so many events or so much time, whichever comes first. Only
 * positions that can no longer change are sealed: events older than the settle time, and only
 * while no write transaction older than that is still open (an open one may yet commit an
 * event with a lower position). One instance seals at a time (an advisory lock).
 */
@Component
public class CheckpointSealer {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSealer.class);
    private static final long LOCK = 0x5EA1_0001L;

    private final JdbcTemplate jdbc;
    private final CheckpointSigningKey signingKey;
    private final Clock clock;
    private final long everyEvents;
    private final Duration every;
    private final Duration settle;

    CheckpointSealer(JdbcTemplate jdbc, CheckpointSigningKey signingKey, Clock clock,
                     @Value("${partnerships.audit.checkpoint.every-events:1000}") long everyEvents,
                     @Value("${partnerships.audit.checkpoint.every:10m}") Duration every,
                     @Value("${partnerships.audit.checkpoint.settle-time:30s}") Duration settle) {
        this.jdbc = jdbc;
        this.signingKey = signingKey;
        this.clock = clock;
        this.everyEvents = everyEvents;
        this.every = every;
        this.settle = settle;
    }

    @Scheduled(fixedDelayString = "${partnerships.audit.checkpoint.check-interval:15s}",
            initialDelayString = "${partnerships.audit.checkpoint.check-interval:15s}")
    void sealWhenDue() {
        try {
            seal(false);
        } catch (RuntimeException e) {
            log.warn("Sealing a checkpoint failed; will try again", e);
        }
    }

    /** Seals what has settled, if anything; {@code force} ignores the every-N/every-T schedule. */
    @Transactional
    public Optional<Checkpoint> seal(boolean force) {
        if (signingKey.key().isEmpty()
                || !jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK)) {
            return Optional.empty();
        }
        List<Map<String, Object>> previous = jdbc.queryForList(
                "select * from event_store.checkpoint order by number desc limit 1");
        long from = previous.isEmpty() ? 0 : ((Number) previous.get(0).get("to_position")).longValue();
        String previousHash = previous.isEmpty() ? Hashes.hex(Hashes.GENESIS)
                : (String) previous.get(0).get("checkpoint_hash");
        long number = previous.isEmpty() ? 1 : ((Number) previous.get(0).get("number")).longValue() + 1;

        Instant settledBefore = clock.instant().minus(settle);
        Long to = jdbc.queryForObject("""
                select max(global_index) from event_store.domain_event_entry
                where global_index > ? and time_stamp::timestamptz <= ?""", Long.class, from,
                java.sql.Timestamp.from(settledBefore));
        if (to == null || openTransactionsOlderThan(settledBefore)) {
            return Optional.empty();
        }
        List<byte[]> leaves = jdbc.queryForList("""
                select event_hash from event_store.domain_event_entry
                where global_index > ? and global_index <= ? order by global_index""", byte[].class, from, to);
        boolean due = force || leaves.size() >= everyEvents || previous.isEmpty()
                || Instant.parse((String) previous.get(0).get("sealed_at")).plus(every).isBefore(clock.instant());
        if (!due) {
            return Optional.empty();
        }
        KeyPair key = signingKey.key().get();
        String root = Hashes.hex(MerkleTree.root(leaves));
        String sealedAt = clock.instant().toString();
        String keyId = SigningKeys.keyId(key.getPublic());
        byte[] hash = Checkpoint.hash(number, from, to, leaves.size(), root, previousHash, sealedAt, keyId);
        Checkpoint checkpoint = new Checkpoint(number, from, to, leaves.size(), root, previousHash, sealedAt, keyId,
                Hashes.hex(hash), SigningKeys.sign(key.getPrivate(), hash));
        jdbc.update("""
                insert into event_store.checkpoint (number, from_position, to_position, event_count, merkle_root,
                    previous_hash, sealed_at, key_id, checkpoint_hash, signature)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                checkpoint.number(), checkpoint.fromPosition(), checkpoint.toPosition(), checkpoint.eventCount(),
                checkpoint.merkleRoot(), checkpoint.previousHash(), checkpoint.sealedAt(), checkpoint.keyId(),
                checkpoint.checkpointHash(), checkpoint.signature());
        log.info("Sealed checkpoint {}: {} events in ({}, {}], root {}", number, leaves.size(), from, to, root);
        return Optional.of(checkpoint);
    }

    private boolean openTransactionsOlderThan(Instant instant) {
        Long open = jdbc.queryForObject("""
                select count(*) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and xact_start < ?""",
                Long.class, java.sql.Timestamp.from(instant));
        return open != null && open > 0;
    }
}
