package no.partnerskap.projections.web;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a client that just wrote read its own write: the read waits, up to a bound, until the
 * read model has applied the aggregate version (the ETag) the write answered with. Only so many reads
 * wait at once: each holds a request thread and polls the database, and a read for a version that never
 * comes (an unknown id, a made-up number) waits out the bound, so without a limit a burst of them would
 * take every thread and connection from the other reads.
 */
@Component
public class ReadYourWrites {

    private static final long POLL_MILLIS = 20;
    private final Duration bound;
    private final AtOnce waiting;

    ReadYourWrites(@Value("${partnerships.read-your-writes.max-wait:5s}") Duration bound,
                   @Value("${partnerships.read-your-writes.max-waiting:32}") int maxWaiting) {
        this.bound = bound;
        this.waiting = new AtOnce(maxWaiting);
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
        long seen = current.getAsLong();
        if (seen >= minVersion) {
            return;
        }
        long reached = seen;
        waiting.run(() -> poll(minVersion, reached, current),
                () -> new NotCaughtUp(NotCaughtUp.state(minVersion, reached) + ", and too many reads are waiting already"));
    }

    private Void poll(long minVersion, long seen, LongSupplier current) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (seen < minVersion) {
            if (System.nanoTime() > deadline) {
                throw new NotCaughtUp(minVersion, seen);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotCaughtUp(minVersion, seen);
            }
            seen = current.getAsLong();
        }
        return null;
    }

    /** The read model is behind the version the client asked for (HTTP 503 with Retry-After). */
    public static class NotCaughtUp extends RuntimeException {
        NotCaughtUp(long wanted, long seen) {
            this(state(wanted, seen));
        }

        private static String state(long wanted, long seen) {
            return seen < 0 ? "the read model holds nothing of this resource yet, not version " + wanted
                    + ": one just written appears shortly, an id never written stays missing"
                    : "the read model is at version " + seen + " of this resource, not yet at " + wanted;
        }

        NotCaughtUp(String detail) {
            super(detail);
        }
    }
}
