package no.partnerskap.api.common;

/**
 * Keys of the metadata stored with every event: who acted, for whom, why, and which request
 * it came from. Auditors read these; the hash chain covers them.
 */
public final class AuditMetadata {

    public static final String SUBJECT = "subject";
    /** The token issuer that vouched for the subject: a subject names one person only at its issuer. */
    public static final String ISSUER = "issuer";
    public static final String ORGANISATION = "organisationId";
    public static final String ROLES = "roles";
    public static final String REASON = "reason";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String AS_OF = "asOf";

    private AuditMetadata() {
    }
}
