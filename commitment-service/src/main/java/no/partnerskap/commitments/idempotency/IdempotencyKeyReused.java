package no.partnerskap.commitments.idempotency;

/** The same Idempotency-Key came back with a different request: refused, nothing written. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key " + key + " was first used for a different request");
    }
}
