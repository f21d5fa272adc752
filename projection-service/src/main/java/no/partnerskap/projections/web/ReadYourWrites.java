package no.partnerskap.projections.web;

import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;
import no.partnerskap.projections.history.EventHistory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a client that just wrote read its own write: the read waits, up to a bound, until the
 * read model has applied the aggregate version (the ETag) the write answered with. Only so many reads
 * wait at once: each holds a request thread and polls the database, and a read for a version that never
 * comes (an unknown id, a made-up number) waits out the bound, so without a limit a burst of them would
 * take every thread and connection from the other reads. A version the event store does not hold either was
 * never written: it is refused at once rather than waited for.
 */
@Component
public class ReadYourWrites {

    private static final long POLL_MILLIS = 20;
    private final Duration bound;
    private final AtOnce waiting;
    private final EventHistory history;

    ReadYourWrites(@Value("${partnerships.read-your-writes.max-wait:5s}") Duration bound,
                   @Value("${partnerships.read-your-writes.max-waiting:32}") int maxWaiting, EventHistory history) {
        this.bound = bound;
        this.waiting = new AtOnce(maxWaiting);
        this.history = history;
    }

    /**
     * @param minVersion  the version the client needs, or null to read what there is now
     * @param type        the aggregate's type, e.g. Partnership (an id of another type holds no version of this)
     * @param aggregateId the aggregate the read shows
     * @param current     the version the read model holds now (-1 when it has none)
     * @throws NotCaughtUp when the bound passes first
     * @throws NeverWritten when the event store holds no such version
     */
    public void await(Long minVersion, String type, UUID aggregateId, LongSupplier current) {
        await(minVersion, current, () -> history.latestVersion(type, aggregateId.toString()));
    }

    /** As above, with {@code written} the latest version the event store holds (-1 when none). */
    void await(Long minVersion, LongSupplier current, LongSupplier written) {
        if (minVersion == null) {
            return;
        }
        long seen = current.getAsLong();
        if (seen >= minVersion) {
            return;
        }
        // an acknowledged write is in the store before its answer leaves: what the store lacks, no write answered with
        long latest = written.getAsLong();
        if (latest < minVersion) {
            throw new NeverWritten(minVersion, latest);
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

    /** No write ever answered with the version the client asked for (HTTP 404): waiting would not bring it. */
    public static class NeverWritten extends RuntimeException {
        NeverWritten(long wanted, long latest) {
            super(latest < 0 ? "nothing of this kind was ever written under this id, so no version " + wanted
                    + " of it will come"
                    : "version " + wanted + " of this resource was never written: the latest is " + latest);
        }
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
