package no.partnerskap.projections.web;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most so many of one costly kind of read at once; one more is refused at once rather than queued,
 * since a queued request holds a request thread all the same.
 */
public final class AtOnce {

    private final Semaphore places;

    public AtOnce(int limit) {
        this.places = new Semaphore(limit);
    }

    /** Runs the work if a place is free, or throws what {@code refusal} gives. */
    public <T> T run(Supplier<T> work, Supplier<? extends RuntimeException> refusal) {
        if (!places.tryAcquire()) {
            throw refusal.get();
        }
        try {
            return work.get();
        } finally {
            places.release();
        }
    }
}
