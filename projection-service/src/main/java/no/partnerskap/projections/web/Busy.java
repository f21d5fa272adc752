package no.partnerskap.projections.web;

/** Too much of one costly kind of read is under way: HTTP 503 with Retry-After, nothing else is affected. */
public class Busy extends RuntimeException {

    private final int retryAfterSeconds;

    public Busy(String detail, int retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
