package no.partnerskap.commitments.idempotency;

/** Metadata keys the command pipeline uses besides the audit keys stored with events. */
public final class CommandMetadata {

    /** SHA-256 of the HTTP method, path and body: tells a true retry from a reused key. */
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";

    /** The id of what the command creates, so a retry answers with the first id, not a new one. */
    public static final String CREATED_ID = "createdId";

    private CommandMetadata() {
    }
}
