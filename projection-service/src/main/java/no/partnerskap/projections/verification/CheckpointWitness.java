package no.partnerskap.projections.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.partnerskap.audit.Checkpoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps each checkpoint as this service first saw it, and the public key that signed it, in the read side's own
 * schema (see its migration). Whoever can switch the event store's triggers off could rewrite sealed events and
 * re-sign every checkpoint with a key of their own added to the published ones, or delete the newest checkpoints:
 * the store then agrees with itself, and only what was kept elsewhere (the minutes) showed it. This is such a
 * place, kept by another database role. It sees a checkpoint within {@code partnerships.audit.witness-interval}
 * of its sealing.
 */
@Component
class CheckpointWitness {

    private record Seen(long number, String checkpointHash, String keyId, String publicKey, Instant seenAt) {
    }

    private final JdbcTemplate jdbc;

    CheckpointWitness(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the checkpoints sealed since the last one seen; several instances may: the first one's stays. */
    @Scheduled(initialDelayString = "${partnerships.audit.witness-interval:30s}",
            fixedDelayString = "${partnerships.audit.witness-interval:30s}")
    void witness() {
        jdbc.update("""
                insert into checkpoint_witness (number, checkpoint_hash, key_id, public_key)
                select c.number, c.checkpoint_hash, c.key_id, k.public_key
                from event_store.checkpoint c left join event_store.signing_key k on k.key_id = c.key_id
                where c.number > coalesce((select max(number) from checkpoint_witness), 0)
                order by c.number
                on conflict (number) do nothing""");
    }

    /** Where the stored checkpoints and keys differ from what was seen: each a problem of the history. */
    List<String> differences(List<Checkpoint> stored, List<StoredHistory.PublishedKey> keys) {
        Map<Long, Checkpoint> byNumber = stored.stream()
                .collect(Collectors.toMap(Checkpoint::number, Function.identity()));
        Map<String, String> keyById = keys.stream()
                .collect(Collectors.toMap(StoredHistory.PublishedKey::keyId, StoredHistory.PublishedKey::publicKey));
        List<String> differences = new ArrayList<>();
        for (Seen seen : jdbc.query("select * from checkpoint_witness order by number", (rs, n) -> new Seen(
                rs.getLong("number"), rs.getString("checkpoint_hash"), rs.getString("key_id"),
                rs.getString("public_key"), rs.getTimestamp("seen_at").toInstant()))) {
            String what = "checkpoint " + seen.number() + ", seen by projection-service at " + seen.seenAt();
            Checkpoint now = byNumber.get(seen.number());
            if (now == null) {
                differences.add(what + " with hash " + seen.checkpointHash() + ", is no longer stored: checkpoints "
                        + "were removed");
            } else if (!now.checkpointHash().equals(seen.checkpointHash())) {
                differences.add(what + " with hash " + seen.checkpointHash() + ", now has hash "
                        + now.checkpointHash() + ": the checkpoint was replaced");
            }
            String publicKey = keyById.get(seen.keyId());
            if (seen.publicKey() != null && publicKey != null && !publicKey.strip().equals(seen.publicKey().strip())) {
                differences.add(what + ": the public key of signing key " + seen.keyId() + " is not the one it "
                        + "was signed with then: the key was replaced");
            }
        }
        return differences;
    }
}
