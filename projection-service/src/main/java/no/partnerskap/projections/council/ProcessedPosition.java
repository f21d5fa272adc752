package no.partnerskap.projections.council;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import no.partnerskap.eventstore.EventStoreSchema;
import no.partnerskap.projections.history.EventHistory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The highest global event position that every event processor of this service, in every
 * segment, has processed: what the live read models and dashboards reflect.
 * <p>
 * A processor being rebuilt counts with the position it had when the rebuild began; the gaps its
 * token had then are not known here, so the other processors' gaps bound it.
 * <p>
 * A position is only usable for a report if no event can later turn up below it: a gap the
 * processors still wait for (an event store transaction not committed yet) lowers the position to
 * just below the gap. A gap is waited for until {@code gap-timeout} after the events that followed
 * it, as the processors do; then it counts as empty. Axon's tokens keep such a gap far longer (until
 * 250 gaps or 10,000 events later), and a write rolled back after it took its position (a conflict
 * commitment-service retries) would otherwise hold every default report at that position. When no
 * processor reports a position (none started yet), the event store's head is used.
 */
@Component
class ProcessedPosition {

    private final EventProcessingConfiguration processing;
    private final EventHistory history;
    private final JdbcTemplate jdbc;
    private final Duration gapTimeout;
    /** Event timestamps are real time: the system clock, not the follow-up clock tests move. */
    private final Clock clock = Clock.systemUTC();

    ProcessedPosition(EventProcessingConfiguration processing, EventHistory history, JdbcTemplate jdbc,
                      @Value("${partnerships.projection.gap-timeout:5m}") Duration gapTimeout) {
        this.processing = processing;
        this.history = history;
        this.jdbc = jdbc;
        this.gapTimeout = gapTimeout;
    }

    long position() {
        List<EventTrackerStatus> segments = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .flatMap(processor -> processor.processingStatus().values().stream())
                .filter(status -> status.getCurrentPosition().isPresent())
                .toList();
        if (segments.isEmpty()) {
            return history.head();
        }
        long lowest = Long.MAX_VALUE;
        NavigableSet<Long> gaps = new TreeSet<>();
        for (EventTrackerStatus segment : segments) {
            lowest = Math.min(lowest, reached(segment));
            TrackingToken token = segment.getTrackingToken() == null ? null
                    : WrappedToken.unwrapLowerBound(segment.getTrackingToken());
            if (token instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps());
            }
        }
        Long open = firstOpenGap(gaps);
        return open == null ? lowest : Math.min(lowest, open - 1);
    }

    /**
     * Where a segment stands in the history. One being rebuilt counts where it stood when the rebuild
     * began: reports read the history, not its half-built tables, and would otherwise fall back to
     * wherever the replay has come.
     */
    private static long reached(EventTrackerStatus segment) {
        long current = segment.getCurrentPosition().getAsLong();
        return segment.isReplaying() && segment.getResetPosition().isPresent()
                ? Math.max(current, segment.getResetPosition().getAsLong()) : current;
    }

    /**
     * The lowest gap still waited for: one below an event older than the gap timeout is given up,
     * as Axon's gap cleaning decides. Null when there is none.
     */
    private Long firstOpenGap(NavigableSet<Long> gaps) {
        if (gaps.isEmpty()) {
            return null;
        }
        Instant givenUp = clock.instant().minus(gapTimeout);
        // the events among and just after the gaps, newest first: the first old one closes every gap below it
        Long lastOld = jdbc.query("select global_index, time_stamp from " + EventStoreSchema.EVENTS
                + " where global_index between ? and ? order by global_index desc", rs -> {
            while (rs.next()) {
                if (Instant.parse(rs.getString("time_stamp")).isBefore(givenUp)) {
                    return rs.getLong("global_index");
                }
            }
            return null;
        }, gaps.first(), gaps.last() + 1);
        NavigableSet<Long> open = lastOld == null ? gaps : gaps.tailSet(lastOld, false);
        return open.isEmpty() ? null : open.first();
    }
}
