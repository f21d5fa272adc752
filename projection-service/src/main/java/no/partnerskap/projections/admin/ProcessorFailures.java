package no.partnerskap.projections.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Which processors fail to handle a batch of events, from which position, and why. A processor whose
 * batch fails (a handler's exception, or a write refused when the batch commits) lets go of that
 * segment and claims it again a few seconds later, over and over; meanwhile Axon's status shows neither
 * an error nor the segment, and the read model silently stops at that batch. The failure stands until
 * every segment's stored token has passed the batch (on this or another instance).
 */
@Component
public class ProcessorFailures implements ConfigurerModule {

    /**
     * @param at   when the batch failed last
     * @param from the position of the batch's first event; {@code to} of its last
     */
    public record Failure(Instant at, long from, long to, int events, String cause) {
    }

    private static final int CAUSE_LENGTH = 500;

    private final Map<String, Failure> failing = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    /** Operational time, not the follow-up clock tests move. */
    private final Clock clock = Clock.systemUTC();

    ProcessorFailures(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void configureModule(Configurer configurer) {
        // a handler's exception fails its batch, like a write refused at commit: Axon's default logs it and goes
        // on without the event, and the read model would lack it for good with nothing to show for it
        configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(configuration -> this::failed);
    }

    void failed(ErrorContext context) throws Exception {
        List<? extends EventMessage<?>> events = context.failedEvents();
        long from = events.stream().mapToLong(ProcessorFailures::position).min().orElse(-1);
        long to = events.stream().mapToLong(ProcessorFailures::position).max().orElse(-1);
        String cause = String.valueOf(NestedExceptionUtils.getMostSpecificCause(context.error()).getMessage());
        failing.put(context.eventProcessor(), new Failure(clock.instant(), from, to, events.size(),
                cause.length() > CAUSE_LENGTH ? cause.substring(0, CAUSE_LENGTH) + "…" : cause));
        failedCounter(context.eventProcessor()).increment(events.size());
        // as Axon's default: the batch rolls back, the processor lets go of the segment and tries again later
        PropagatingErrorHandler.instance().handleError(context);
    }

    /**
     * The processor's standing failure; none once every segment's stored token has passed the failed batch.
     *
     * @param lowestStoredPosition the lowest position over the processor's segments in the token store
     */
    Failure current(String processor, Long lowestStoredPosition) {
        Failure failure = failing.get(processor);
        if (failure != null && lowestStoredPosition != null && lowestStoredPosition >= failure.to()) {
            failing.remove(processor, failure);
            return null;
        }
        return failure;
    }

    private Counter failedCounter(String processor) {
        return ProcessedEvents.counter(meters, processor, "failed");
    }

    private static long position(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1) : -1;
    }
}
