package no.partnerskap.projections.admin;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a stopped tracking processor back the thread Axon 4 loses when it is shut down just as its launcher claims
 * the last segment it may take: the launcher frees that segment without counting its thread as available again, so
 * every later start claims one segment fewer, for the life of the process, and the read model misses that segment's
 * events while the status reads "no lag". Shut down with no worker left, every thread is available; this makes it so
 * before each start. Axon offers no public way to, hence the field.
 */
final class ProcessorThreads {

    private static final Logger log = LoggerFactory.getLogger(ProcessorThreads.class);

    private ProcessorThreads() {
    }

    /** Starts the processor, with every thread it was configured with. */
    static void start(StreamingEventProcessor processor) {
        if (processor instanceof TrackingEventProcessor tracking && !tracking.isRunning()
                && tracking.activeProcessorThreads() == 0
                && tracking.availableProcessorThreads() < tracking.maxCapacity()) {
            log.warn("Processor [{}] had lost {} of its {} threads while stopping; giving them back before it starts",
                    tracking.getName(), tracking.maxCapacity() - tracking.availableProcessorThreads(),
                    tracking.maxCapacity());
            try {
                Field available = TrackingEventProcessor.class.getDeclaredField("availableThreads");
                available.setAccessible(true);
                ((AtomicInteger) available.get(tracking)).set(tracking.maxCapacity());
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.error("Could not give processor [{}] its threads back: it will claim fewer segments than it may "
                        + "until this instance restarts", tracking.getName(), e);
            }
        }
        processor.start();
    }
}
