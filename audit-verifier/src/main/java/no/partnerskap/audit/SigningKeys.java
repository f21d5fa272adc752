package no.partnerskap.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Ed25519 keys in PEM, key ids, signing and checking checkpoint signatures (all in the JDK). */
public final class SigningKeys {

    private static final String ALGORITHM = "Ed25519";

    private SigningKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short, stable name for a public key: the first 8 bytes of its SHA-256, in hex. */
    public static String keyId(PublicKey key) {
        return Hashes.hex(Arrays.copyOf(Hashes.sha256().digest(key.getEncoded()), 8));
    }

    public static String sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** Every public key in a PEM text: one key, or several one after the other (a key rotated, an instance's own). */
    public static List<PublicKey> readPublicKeys(String pem) {
        String begin = "-----BEGIN PUBLIC KEY-----";
        List<PublicKey> keys = new ArrayList<>();
        for (int at = pem.indexOf(begin); at >= 0; at = pem.indexOf(begin, at + begin.length())) {
            int end = pem.indexOf("-----END PUBLIC KEY-----", at);
            keys.add(readPublic(pem.substring(at, end < 0 ? pem.length() : end + "-----END PUBLIC KEY-----".length())));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no Ed25519 public key in PEM");
        }
        return keys;
    }

    public static PublicKey readPublic(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM", e);
        }
    }

    /**
     * A key file: the private key, then its public key. (The JDK's PKCS#8 encoding of an Ed25519
     * private key does not carry the public key, so the file keeps both.)
     */
    public static KeyPair readPrivate(String pem) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
            PublicKey publicKey = pem.contains("PUBLIC KEY") ? readPublic(pem.substring(pem.indexOf(
                    "-----BEGIN PUBLIC KEY-----"))) : null;
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PEM", e);
        }
    }

    public static String keyFile(KeyPair pair) {
        return privatePem(pair.getPrivate()) + publicPem(pair.getPublic());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        String body = pem.substring(pem.indexOf("-----", pem.indexOf("-----BEGIN") + 10) + 5);
        body = body.substring(0, body.indexOf("-----END"));
        return Base64.getMimeDecoder().decode(body);
    }
}
