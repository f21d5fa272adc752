package no.partnerskap.projections.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class ProcessedEventsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProcessedEvents processedEvents = new ProcessedEvents(registry);

    @Test
    void counts_handled_and_failed_events_per_processor_and_skipped_ones_not_at_all() {
        MessageMonitor<Message<?>> commitments = processedEvents.monitor("commitments");
        MessageMonitor<Message<?>> organisations = processedEvents.monitor("organisations");
        Message<?> event = GenericEventMessage.asEventMessage("an event");

        commitments.onMessageIngested(event).reportSuccess();
        commitments.onMessageIngested(event).reportSuccess();
        commitments.onMessageIngested(event).reportFailure(new IllegalStateException("row missing"));
        commitments.onMessageIngested(event).reportIgnored();
        organisations.onMessageIngested(event).reportIgnored();

        assertThat(count("commitments", "handled")).isEqualTo(2);
        assertThat(count("commitments", "failed")).isEqualTo(1);
        assertThat(count("organisations", "handled")).isZero();
        assertThat(count("organisations", "failed")).isZero();
    }

    private double count(String processor, String outcome) {
        return registry.get("partnerships.projection.events").tag("processor", processor).tag("outcome", outcome)
                .counter().count();
    }
}
