package no.partnerskap.audit;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A sealed stretch of the history: the events with global positions in
 * ({@code fromPosition}, {@code toPosition}], their Merkle root, the previous checkpoint's hash,
 * when it was sealed, and an Ed25519 signature over the checkpoint's hash. Written into the
 * council's minutes, it lets anyone check the history later without trusting the database.
 */
public record Checkpoint(long number, long fromPosition, long toPosition, long eventCount, String merkleRoot,
                         String previousHash, String sealedAt, String keyId, String checkpointHash,
                         String signature) {

    /** A row of {@code event_store.checkpoint}, where commitment-service stores what it seals. */
    public static Checkpoint fromRow(ResultSet row) throws SQLException {
        return new Checkpoint(row.getLong("number"), row.getLong("from_position"), row.getLong("to_position"),
                row.getLong("event_count"), row.getString("merkle_root"), row.getString("previous_hash"),
                row.getString("sealed_at"), row.getString("key_id"), row.getString("checkpoint_hash"),
                row.getString("signature"));
    }

    /** SHA-256 over every field but the hash and signature themselves, length-prefixed. */
    public static byte[] hash(long number, long fromPosition, long toPosition, long eventCount, String merkleRoot,
                              String previousHash, String sealedAt, String keyId) {
        MessageDigest digest = Hashes.sha256();
        digest.update(ByteBuffer.allocate(32).putLong(number).putLong(fromPosition).putLong(toPosition)
                .putLong(eventCount).array());
        Hashes.lengthPrefixed(digest, merkleRoot);
        Hashes.lengthPrefixed(digest, previousHash);
        Hashes.lengthPrefixed(digest, sealedAt);
        Hashes.lengthPrefixed(digest, keyId);
        return digest.digest();
    }

    public byte[] recomputedHash() {
        return hash(number, fromPosition, toPosition, eventCount, merkleRoot, previousHash, sealedAt, keyId);
    }
}
