package no.partnerskap.projections.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class ProcessedEventsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProcessedEvents processedEvents = new ProcessedEvents(registry);
    private final ProcessorFailures failures = new ProcessorFailures(registry);

    @Test
    void counts_handled_events_per_processor_and_skipped_ones_not_at_all() {
        MessageMonitor<Message<?>> commitments = processedEvents.monitor("commitments");
        MessageMonitor<Message<?>> organisations = processedEvents.monitor("organisations");
        Message<?> event = GenericEventMessage.asEventMessage("an event");

        commitments.onMessageIngested(event).reportSuccess();
        commitments.onMessageIngested(event).reportSuccess();
        commitments.onMessageIngested(event).reportIgnored();
        organisations.onMessageIngested(event).reportIgnored();

        assertThat(count("commitments", "handled")).isEqualTo(2);
        assertThat(count("commitments", "failed")).isZero();
        assertThat(count("organisations", "handled")).isZero();
    }

    @Test
    void a_failed_batch_counts_all_its_events_as_failed_and_stands_until_every_segment_has_passed_it() {
        processedEvents.monitor("commitments");
        ErrorContext batch = new ErrorContext("commitments", new IllegalStateException("row missing"),
                LongStream.of(5, 6, 7).mapToObj(ProcessedEventsTest::tracked).toList());

        assertThatThrownBy(() -> failures.failed(batch)).hasMessage("row missing");

        assertThat(count("commitments", "failed")).isEqualTo(3);
        ProcessorFailures.Failure failure = failures.current("commitments", 4L);
        assertThat(failure.from()).isEqualTo(5);
        assertThat(failure.to()).isEqualTo(7);
        assertThat(failure.events()).isEqualTo(3);
        assertThat(failure.cause()).isEqualTo("row missing");
        assertThat(failures.current("commitments", 6L)).as("a segment still before the batch's end").isNotNull();
        assertThat(failures.current("commitments", 7L)).isNull();
        assertThat(failures.current("commitments", 4L)).as("passed once is gone").isNull();
    }

    private static TrackedEventMessage<?> tracked(long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage("event " + position));
    }

    private double count(String processor, String outcome) {
        return registry.get("partnerships.projection.events").tag("processor", processor).tag("outcome", outcome)
                .counter().count();
    }
}
