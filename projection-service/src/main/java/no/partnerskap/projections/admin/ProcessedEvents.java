package no.partnerskap.projections.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.stereotype.Component;

/**
 * Counts the events each projection processor handled and failed to handle
 * ({@code partnerships.projection.events}, tagged by processor and outcome), in place of Axon's
 * monitors for event processors. Those look up their meters by payload type and parse the event's
 * timestamp for every event each processor reads, including the many it skips: about a seventh of
 * this service's CPU during a replay. How far behind each processor is has its own gauges
 * ({@link ProjectionMetrics}); Axon's monitors for the buses stay.
 */
@Component
class ProcessedEvents implements ConfigurerModule {

    private final MeterRegistry registry;

    ProcessedEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(EventProcessor.class,
                (configuration, componentType, processor) -> monitor(processor));
    }

    /** One callback per processor, shared by every event: nothing is allocated or looked up per event. */
    MessageMonitor<Message<?>> monitor(String processor) {
        Counter handled = counter(registry, processor, "handled");
        counter(registry, processor, "failed"); // shown at 0 from the start; ProcessorFailures counts on it
        MessageMonitor.MonitorCallback callback = new MessageMonitor.MonitorCallback() {
            @Override
            public void reportSuccess() {
                handled.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                // counted with the whole failed batch, by ProcessorFailures: a batch also fails when its writes
                // are refused at commit, after every handler has run (and been counted here)
            }

            @Override
            public void reportIgnored() {
                // an event no handler of this processor (or of this segment) takes is not counted
            }
        };
        return message -> callback;
    }

    static Counter counter(MeterRegistry registry, String processor, String outcome) {
        return Counter.builder("partnerships.projection.events")
                .tag("processor", processor).tag("outcome", outcome).baseUnit("events")
                .description("Events this projection processor handled, or failed to handle")
                .register(registry);
    }
}
