package no.partnerskap.projections.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the pooled processors see it, with one addition: their event streams say
 * when events arrive. Without that Axon's pooled processor looks for new events only every
 * 500 ms once it has caught up, which alone put ~250 ms into every read model's lag. Each open
 * stream gets one thread that waits on the store's stream (woken as the store fetches new events)
 * and hands events over through a bounded queue, so the store's stream is only ever touched by
 * that thread.
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final AtomicInteger STREAMS = new AtomicInteger();
    private final StreamableMessageSource<TrackedEventMessage<?>> store;

    PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PromptStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    static final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> source;
        private final LinkedBlockingDeque<TrackedEventMessage<?>> ready = new LinkedBlockingDeque<>();
        /** Room in {@code ready}: the mover waits for it, so a processor that falls behind is not flooded. */
        private final Semaphore room = new Semaphore(1024);
        private final Thread mover;
        private volatile Runnable onAvailable = () -> { };
        private volatile RuntimeException failure;
        private volatile boolean closed;

        PromptStream(BlockingStream<TrackedEventMessage<?>> source) {
            this.source = source;
            this.mover = new Thread(this::move, "event-stream-" + STREAMS.incrementAndGet());
            mover.setDaemon(true);
            mover.start();
        }

        private void move() {
            try {
                while (!closed) {
                    if (source.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        room.acquire();
                        ready.put(source.nextAvailable());
                        onAvailable.run();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the processor sees it on its next read, closes this stream and opens a new one
                failure = e;
                onAvailable.run();
            } finally {
                source.close();
            }
        }

        private void throwIfFailed() {
            RuntimeException e = failure;
            if (e != null && ready.isEmpty()) {
                throw e;
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            throwIfFailed();
            return Optional.ofNullable(ready.peekFirst());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            throwIfFailed();
            if (!ready.isEmpty()) {
                return true;
            }
            TrackedEventMessage<?> next = ready.pollFirst(timeout, unit);
            if (next == null) {
                throwIfFailed();
                return false;
            }
            ready.putFirst(next);
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (true) {
                throwIfFailed();
                TrackedEventMessage<?> next = ready.pollFirst(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    room.release();
                    return next;
                }
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.onAvailable = callback;
            return true;
        }

        @Override
        public void close() {
            closed = true;
            mover.interrupt();
        }
    }
}
