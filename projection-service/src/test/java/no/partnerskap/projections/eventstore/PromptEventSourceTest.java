package no.partnerskap.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

class PromptEventSourceTest {

    /** A store's stream fed by the test; it fails with the given error once told to. */
    private static final class FedStream implements BlockingStream<TrackedEventMessage<?>> {
        final LinkedBlockingQueue<Object> items = new LinkedBlockingQueue<>();
        final CountDownLatch closed = new CountDownLatch(1);
        private Object head;

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (head == null) {
                head = items.poll(timeout, unit);
            }
            if (head instanceof RuntimeException e) {
                throw e;
            }
            return head != null;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            TrackedEventMessage<?> next = (TrackedEventMessage<?>) head;
            head = null;
            return next;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    private final FedStream store = new FedStream();
    private final StreamableMessageSource<TrackedEventMessage<?>> source = new PromptEventSource(new StreamableMessageSource<>() {
        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return store;
        }
    });

    private static TrackedEventMessage<?> event(long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage("event " + position));
    }

    @Test
    void saysWhenEventsArriveAndHandsThemOverInOrder() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        CountDownLatch told = new CountDownLatch(1);
        assertThat(stream.setOnAvailableCallback(told::countDown)).as("the processor may rely on being told").isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();

        for (long i = 1; i <= 3; i++) {
            store.items.put(event(i));
        }

        assertThat(told.await(10, TimeUnit.SECONDS)).isTrue();
        List<Object> payloads = new ArrayList<>();
        while (payloads.size() < 3) {
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.peek()).isPresent();
            payloads.add(stream.nextAvailable().getPayload());
        }
        assertThat(payloads).containsExactly("event 1", "event 2", "event 3");
        stream.close();
        assertThat(store.closed.await(10, TimeUnit.SECONDS)).as("the store's stream is closed too").isTrue();
    }

    @Test
    void aFailureOfTheStoreReachesTheProcessorAfterTheEventsBeforeIt() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        CountDownLatch told = new CountDownLatch(2);
        stream.setOnAvailableCallback(told::countDown);
        store.items.put(event(1));
        store.items.put(new IllegalStateException("connection lost"));

        assertThat(told.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("event 1");
        assertThatThrownBy(stream::hasNextAvailable).hasMessage("connection lost");
        assertThat(store.closed.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
