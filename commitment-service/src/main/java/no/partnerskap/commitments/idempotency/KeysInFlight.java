package no.partnerskap.commitments.idempotency;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The Idempotency-Keys this instance is processing a request for. A second request with the same key waits here
 * until the first is done (a second at most, then {@link IdempotencyKeyInProgress}), holding no database
 * connection: retries piled up on the key's row in the database, each holding a connection, until other clients'
 * writes found none. Requests to other instances meet at the row, which waits as long at most.
 */
@Component
public class KeysInFlight {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ConcurrentHashMap<String, CountDownLatch> processing = new ConcurrentHashMap<>();

    /** Runs the request once no other request with this subject's key is being processed here. */
    public <T> T run(String subject, String key, Supplier<T> request) {
        String id = subject + '\u0000' + key;
        CountDownLatch mine = new CountDownLatch(1);
        long deadline = System.nanoTime() + WAIT_NANOS;
        for (CountDownLatch first = processing.putIfAbsent(id, mine); first != null;
             first = processing.putIfAbsent(id, mine)) {
            if (!awaitUntil(first, deadline)) {
                throw new IdempotencyKeyInProgress(key);
            }
        }
        try {
            return request.get();
        } finally {
            processing.remove(id, mine);
            mine.countDown();
        }
    }

    private static boolean awaitUntil(CountDownLatch first, long deadline) {
        try {
            return first.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
