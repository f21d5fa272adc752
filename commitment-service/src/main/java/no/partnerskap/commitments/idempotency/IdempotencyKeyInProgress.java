package no.partnerskap.commitments.idempotency;

/** The first request with this Idempotency-Key is still being processed: retry shortly for its answer. */
public class IdempotencyKeyInProgress extends RuntimeException {

    public IdempotencyKeyInProgress(String key) {
        super("the first request with Idempotency-Key " + key + " is still being processed; retry shortly for its "
                + "answer");
    }
}
