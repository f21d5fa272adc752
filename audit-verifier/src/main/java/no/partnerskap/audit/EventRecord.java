package no.partnerskap.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One stored event as the hash chain sees it: exactly the stored columns. An audit export has
 * one of these per line (payload and metadata as the stored UTF-8 JSON text, hashes in hex).
 */
public record EventRecord(long globalIndex, String aggregateType, String aggregateId, long sequenceNumber,
                          String eventId, String payloadType, String timeStamp, String payload, String metaData,
                          String prevHash, String eventHash) {

    /**
     * SHA-256 over: previous hash, aggregate type, aggregate id, sequence number, event id,
     * payload type, timestamp, payload bytes and metadata bytes, each length-prefixed. The
     * database computes the same in its append trigger (commitment-service migrations V3 and V4).
     */
    public static byte[] hash(byte[] prevHash, String aggregateType, String aggregateId, long sequenceNumber,
                              String eventId, String payloadType, String timeStamp, byte[] payload, byte[] metaData) {
        MessageDigest digest = Hashes.sha256();
        digest.update(prevHash);
        Hashes.lengthPrefixed(digest, aggregateType);
        Hashes.lengthPrefixed(digest, aggregateId);
        digest.update(ByteBuffer.allocate(8).putLong(sequenceNumber).array());
        Hashes.lengthPrefixed(digest, eventId);
        Hashes.lengthPrefixed(digest, payloadType);
        Hashes.lengthPrefixed(digest, timeStamp);
        Hashes.lengthPrefixed(digest, payload);
        Hashes.lengthPrefixed(digest, metaData);
        return digest.digest();
    }

    /** The hash this record's content and previous hash call for. */
    public byte[] recomputedHash() {
        return hash(Hashes.unhex(prevHash), aggregateType, aggregateId, sequenceNumber, eventId, payloadType,
                timeStamp, bytes(payload), bytes(metaData));
    }

    /** The event's simple name, e.g. CommitmentRecorded, from its payload type. */
    public static String eventName(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('$'), payloadType.lastIndexOf('.')) + 1);
    }

    public boolean hashMatches() {
        return prevHash != null && eventHash != null
                && Arrays.equals(recomputedHash(), Hashes.unhex(eventHash));
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
