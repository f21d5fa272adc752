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
import no.partnerskap.security.DatabaseOutage;
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
            DatabaseOutage.logFailedTry(log, "Sealing a checkpoint", e);
        }
    }

    /** What an attempt to seal came to. */
    public sealed interface Outcome {
        /** A new checkpoint. */
        record Sealed(Checkpoint checkpoint) implements Outcome {
        }

        /** Every event is sealed already; {@code latest} is the checkpoint that covers them (empty: no events). */
        record UpToDate(Optional<Checkpoint> latest) implements Outcome {
        }

        /**
         * Events after the latest checkpoint, none of them settled yet: younger than the settle time,
         * or an older write transaction is still open. {@code retryAfter}: when the oldest will have
         * (zero or less when it has, and only an open transaction holds it back).
         */
        record NotSettled(long unsealedEvents, Duration settleTime, Duration retryAfter) implements Outcome {
        }

        /** Not yet due by the schedule (only when not forced). */
        record NotDue() implements Outcome {
        }

        /** Another instance is sealing right now. */
        record Busy() implements Outcome {
        }

        /** No signing key is configured, so nothing is ever sealed. */
        record NoSigningKey() implements Outcome {
        }
    }

    /** Seals what has settled, if anything; {@code force} ignores the every-N/every-T schedule. */
    @Transactional
    public Outcome seal(boolean force) {
        if (signingKey.key().isEmpty()) {
            return new Outcome.NoSigningKey();
        }
        if (!jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK)) {
            return new Outcome.Busy();
        }
        Optional<Checkpoint> previous = jdbc.query(
                "select * from event_store.checkpoint order by number desc limit 1", (rs, n) -> Checkpoint.fromRow(rs))
                .stream().findFirst();
        long from = previous.map(Checkpoint::toPosition).orElse(0L);
        String previousHash = previous.map(Checkpoint::checkpointHash).orElse(Hashes.hex(Hashes.GENESIS));
        long number = previous.map(c -> c.number() + 1).orElse(1L);

        Instant now = clock.instant();
        Instant settledBefore = now.minus(settle);
        Long to = jdbc.queryForObject("""
                select max(global_index) from event_store.domain_event_entry
                where global_index > ? and time_stamp::timestamptz <= ?""", Long.class, from,
                java.sql.Timestamp.from(settledBefore));
        if (to == null || openTransactionsOlderThan(settledBefore)) {
            return unsettled(from, previous, now);
        }
        List<byte[]> leaves = jdbc.queryForList("""
                select event_hash from event_store.domain_event_entry
                where global_index > ? and global_index <= ? order by global_index""", byte[].class, from, to);
        boolean due = force || leaves.size() >= everyEvents || previous.isEmpty()
                || Instant.parse(previous.get().sealedAt()).plus(every).isBefore(now);
        if (!due) {
            return new Outcome.NotDue();
        }
        KeyPair key = signingKey.key().get();
        String root = Hashes.hex(MerkleTree.root(leaves));
        String sealedAt = now.toString();
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
        return new Outcome.Sealed(checkpoint);
    }

    /** Nothing sealable: either nothing after the latest checkpoint, or nothing of it settled yet. */
    private Outcome unsettled(long from, Optional<Checkpoint> previous, Instant now) {
        Map<String, Object> after = jdbc.queryForMap("""
                select count(*) as events, min(time_stamp::timestamptz) as oldest
                from event_store.domain_event_entry where global_index > ?""", from);
        long events = ((Number) after.get("events")).longValue();
        if (events == 0) {
            return new Outcome.UpToDate(previous);
        }
        // the oldest unsealed event settles first; an open transaction may hold it longer than that
        Instant oldest = ((java.sql.Timestamp) after.get("oldest")).toInstant();
        return new Outcome.NotSettled(events, settle, Duration.between(now, oldest.plus(settle)));
    }

    private boolean openTransactionsOlderThan(Instant instant) {
        Long open = jdbc.queryForObject("""
                select count(*) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and xact_start < ?""",
                Long.class, java.sql.Timestamp.from(instant));
        return open != null && open > 0;
    }
}
