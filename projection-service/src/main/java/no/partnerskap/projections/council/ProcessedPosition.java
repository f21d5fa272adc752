package no.partnerskap.projections.council;

import java.util.OptionalLong;
import java.util.stream.LongStream;
import no.partnerskap.projections.history.EventHistory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.stereotype.Component;

/**
 * The highest global event position that every event processor of this service, in every
 * segment, has processed: what the live read models and dashboards reflect.
 * <p>
 * A position is only usable for a report if no event can later turn up below it: a gap the
 * processor still waits for (an event store transaction not committed yet) lowers a segment's
 * position to just below the gap. When no processor reports a position (none started yet), the
 * event store's head is used.
 */
@Component
class ProcessedPosition {

    private final EventProcessingConfiguration processing;
    private final EventHistory history;

    ProcessedPosition(EventProcessingConfiguration processing, EventHistory history) {
        this.processing = processing;
        this.history = history;
    }

    long position() {
        OptionalLong lowest = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .flatMap(processor -> processor.processingStatus().values().stream())
                .flatMapToLong(ProcessedPosition::safePosition)
                .min();
        return lowest.orElseGet(history::head);
    }

    private static LongStream safePosition(EventTrackerStatus status) {
        OptionalLong current = status.getCurrentPosition();
        if (current.isEmpty()) {
            return LongStream.empty();
        }
        TrackingToken token = status.getTrackingToken() == null ? null
                : WrappedToken.unwrapLowerBound(status.getTrackingToken());
        if (token instanceof GapAwareTrackingToken gapAware && gapAware.hasGaps()) {
            return LongStream.of(Math.min(current.getAsLong(), gapAware.getGaps().first() - 1));
        }
        return LongStream.of(current.getAsLong());
    }
}
