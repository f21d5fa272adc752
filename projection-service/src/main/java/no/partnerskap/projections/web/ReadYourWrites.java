package no.partnerskap.projections.web;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a client that just wrote read its own write: the read waits, up to a bound, until the
 * read model has applied the aggregate version (the ETag) the write answered with.
 */
@Component
public class ReadYourWrites {

    private static final long POLL_MILLIS = 20;
    private final Duration bound;

    ReadYourWrites(@Value("${partnerships.read-your-writes.max-wait:5s}") Duration bound) {
        this.bound = bound;
    }

    /**
     * @param minVersion the version the client needs, or null to read what there is now
     * @param current    the version the read model holds now (-1 when it has none)
     * @throws NotCaughtUp when the bound passes first
     */
    public void await(Long minVersion, LongSupplier current) {
        if (minVersion == null) {
            return;
        }
        long deadline = System.nanoTime() + bound.toNanos();
        long seen;
        while ((seen = current.getAsLong()) < minVersion) {
            if (System.nanoTime() > deadline) {
                throw new NotCaughtUp(minVersion, seen);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotCaughtUp(minVersion, seen);
            }
        }
    }

    /** The read model is behind the version the client asked for (HTTP 503 with Retry-After). */
    public static class NotCaughtUp extends RuntimeException {
        NotCaughtUp(long wanted, long seen) {
            super("the read model is at version " + seen + " of this resource, not yet at " + wanted);
        }
    }
}
