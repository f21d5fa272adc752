package no.partnerskap.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the length-prefixed encoding every hash in the audit trail is built from. */
public final class Hashes {

    public static final int LENGTH = 32;
    /** The previous hash of an aggregate's first event. */
    public static final byte[] GENESIS = new byte[LENGTH];

    private Hashes() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Four bytes of length (big-endian; -1 for null), then the bytes: no two inputs encode alike. */
    public static void lengthPrefixed(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            digest.update(bytes);
        }
    }

    public static void lengthPrefixed(MessageDigest digest, String text) {
        lengthPrefixed(digest, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return hex == null ? null : HexFormat.of().parseHex(hex);
    }
}
