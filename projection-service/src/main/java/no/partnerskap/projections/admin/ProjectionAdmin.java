package no.partnerskap.projections.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import no.partnerskap.eventstore.EventStoreSchema;
import no.partnerskap.projections.history.EventHistory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read side's streaming processors: where each stands in the event stream, how far
 * behind it is, and replaying one from the first event while the others keep serving.
 */
@Component
public class ProjectionAdmin {

    /** One segment of a processor, as this instance holds it. */
    public record SegmentStatus(int segment, Long position, boolean caughtUp, boolean replaying,
                                Long resetPosition, boolean error) {
    }

    /**
     * @param position        the lowest current position over the claimed segments (null when none is claimed)
     * @param head            the highest global position in the event store
     * @param lagEvents       head minus position (null when no segment is claimed)
     * @param lagSeconds      now minus the timestamp of the oldest event the processor has not yet handled; 0 when
     *                        caught up (null when no segment is claimed)
     * @param caughtUp        this instance holds as many segments as it may claim, and they are at the head of the
     *                        event store, not replaying
     * @param segmentsClaimed segments this instance holds; {@code segmentsTotal} the processor has in the token store
     * @param replaying       a replay is in progress: some segment has not yet reached the position it was reset at
     * @param replayProgress  0..1 while replaying: the lowest current position over the position the replay runs to
     * @param replayUntil     the position the replay runs to (the head when it was started)
     * @param pausedForRebuild stopped on this instance while another instance resets it for a rebuild
     * @param error           the processor is in error, or a batch of its events failed and no segment has passed it yet
     * @param failure         that batch and why it failed (null when none stands)
     * @param aheadOfStore    a segment has processed a position past the event store's head: the read model holds
     *                        events the store no longer does (deleted, or the database restored from a backup older
     *                        than the read models); rebuild it
     */
    public record ProcessorStatus(String name, boolean running, boolean error, Long position, long head,
                                  Long lagEvents, Double lagSeconds, boolean caughtUp, boolean replaying,
                                  Double replayProgress, Long replayUntil, int segmentsClaimed,
                                  int segmentsTotal, boolean pausedForRebuild, List<SegmentStatus> segments,
                                  ProcessorFailures.Failure failure, boolean aheadOfStore) {
    }

    /** A read model being rebuilt, and how far the rebuild has come (0..1). */
    public record Rebuild(String name, double progress) {
    }

    /** No processor of that name (HTTP 404). */
    static class UnknownProcessor extends RuntimeException {
        UnknownProcessor(String name) {
            super("no projection processor '" + name + "'");
        }
    }

    /** A rebuild of the processor is under way, here or on another instance: a second one waits until it is done. */
    static class RebuildUnderway extends IllegalStateException {
        RebuildUnderway(String detail) {
            super(detail);
        }
    }

    /** Another instance kept a segment of the processor: a rebuild resets every segment, so it did not start. */
    static class HeldElsewhere extends IllegalStateException {
        HeldElsewhere(String name, String claims, Throwable cause) {
            super("processor '" + name + "' was not rebuilt, and nothing was changed: another instance still holds "
                    + claims + ", and a rebuild resets every segment. Check that instance (it stops a processor "
                    + "another instance rebuilds), or scale projection-service to one instance, and try again.", cause);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final EventHistory history;
    private final JdbcTemplate jdbc;
    /** The token store's serializer: a rebuild's progress is read from the stored tokens. */
    private final Serializer tokens;
    /** Axon renews a claim every few seconds while it processes, and gives it up after ten without renewal. */
    private static final Duration CLAIM_RENEWED_WITHIN = Duration.ofSeconds(30);
    /** Lag is operational time: the system clock, not the follow-up clock tests move. */
    private final Clock clock = Clock.systemUTC();
    private final Map<String, ReentrantLock> replayLocks = new ConcurrentHashMap<>();
    private final RebuildPause pause;
    /** How long a rebuild waits for other instances to let go of the processor's segments. */
    private final Duration releaseWait;

    private final ProcessorFailures failures;

    ProjectionAdmin(EventProcessingConfiguration processing, EventHistory history, JdbcTemplate jdbc,
                    Serializer tokens, RebuildPause pause, ProcessorFailures failures,
                    @Value("${partnerships.projection.rebuild-wait:30s}") Duration releaseWait) {
        this.processing = processing;
        this.failures = failures;
        this.history = history;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.pause = pause;
        this.releaseWait = releaseWait;
    }

    /** The names of the streaming processors, sorted. */
    public List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).sorted().toList();
    }

    public List<ProcessorStatus> statuses() {
        long head = history.head();
        StoredTokens stored = storedTokens();
        return names().stream().map(name -> status(processor(name), head, stored)).toList();
    }

    public ProcessorStatus status(String name) {
        return status(processor(name), history.head(), storedTokens());
    }

    /**
     * Rebuilds the processor's read model from the first event: pause it on the other instances, shut
     * it down here (its segments are released), reset its tokens once no instance holds one (its
     * {@code @ResetHandler} clears its tables in the same transaction), start it again and lift the
     * pause. Only this processor stops; the others keep serving.
     */
    public ProcessorStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new IllegalStateException("processor '" + name + "' does not support a reset");
        }
        // a second replay while one runs is refused, not queued: it would stop the processor again while it
        // is still taking up its segments
        ReentrantLock replaying = replayLocks.computeIfAbsent(name, n -> new ReentrantLock());
        if (!replaying.tryLock()) {
            throw new RebuildUnderway("processor '" + name + "' is being rebuilt right now; its status shows "
                    + "when that is done");
        }
        try {
            log.info("Replay of projection processor [{}] requested", name);
            if (!pause.pauseOthers(name)) {
                throw new RebuildUnderway("another instance is rebuilding processor '" + name
                        + "' right now; its status shows when that is done");
            }
            try {
                // stopped while starting up, a tracking processor loses one of its threads for good, and leaves
                // a segment unprocessed from then on: let it take up its segments first (as after the last start)
                awaitItsShare(processor);
                processor.shutdownAsync().join();
                try {
                    resetOnceReleased(processor);
                } finally {
                    // whatever happened, the processor serves again
                    ProcessorThreads.start(processor);
                }
            } finally {
                pause.resumeOthers(name);
            }
            awaitItsShare(processor);
        } finally {
            replaying.unlock();
        }
        return status(processor, history.head(), storedTokens());
    }

    /**
     * Resets the processor's tokens as soon as no other instance holds one of its segments: the others
     * stop it within a second of the pause, and a dead instance's claims expire. Bounded.
     */
    private void resetOnceReleased(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + releaseWait.toNanos();
        while (true) {
            try {
                processor.resetTokens();
                // the reset claimed every segment for this instance; let go of them, so that the others,
                // once the pause is lifted, take their share at once rather than when the claims expire
                jdbc.update("update token_entry set owner = null where processor_name = ?", processor.getName());
                return;
            } catch (UnableToClaimTokenException e) {
                // the reset claims every segment before it clears anything, so nothing was reset or cleared
                if (System.nanoTime() > deadline) {
                    throw new HeldElsewhere(processor.getName(), claims(processor.getName()), e);
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    /** The claims on the processor's segments, named for an operator (this instance has released its own). */
    private String claims(String name) {
        List<String> claims = jdbc.query("""
                select segment, owner from token_entry where processor_name = ? and owner is not null
                order by segment""", (rs, n) -> "segment " + rs.getInt("segment") + " (" + rs.getString("owner") + ")",
                name);
        return claims.isEmpty() ? "a segment" : String.join(", ", claims);
    }

    /**
     * Waits until the started processor holds its share of the segments (as many as it may claim): before it holds
     * one, its status shows no replay, and neither would the pages' banner; before it holds all, it is still
     * starting them up, and must not be stopped. It claims right after the start, so this is short; bounded,
     * because other instances may hold the segments.
     */
    private void awaitItsShare(StreamingEventProcessor processor) {
        int share = Math.max(1, Math.min(processor.maxCapacity(), segmentsTotal(processor.getName())));
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (processor.isRunning() && processor.processingStatus().size() < share && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    /**
     * The read models being rebuilt right now, by any instance, from the tokens every instance stores
     * after each batch: an instance that holds none of a processor's segments (more instances than
     * segments, or paused while another resets it) serves the same half-built tables.
     */
    public List<Rebuild> rebuilding() {
        StoredTokens stored = storedTokens();
        return names().stream().map(name -> {
            // the segments this instance processes as they stand now, the others as last stored: a pooled processor
            // stores its tokens seconds after a batch, and its finished replay read as still running until then
            List<SegmentStatus> segments = withStored(segments(processor(name)), stored.of(name));
            Replay replay = Replay.of(segments, lowestPosition(segments));
            return replay.running() ? new Rebuild(name, replay.progress() == null ? 0 : replay.progress()) : null;
        }).filter(Objects::nonNull).toList();
    }

    /**
     * The token store as one status reads it: each processor's segments, whoever holds them, and the
     * processors whose every segment an instance has claimed and renewed lately.
     */
    private record StoredTokens(Map<String, List<SegmentStatus>> segments, Set<String> claimedLately,
                                Map<String, List<SegmentStatus>> heldByNone) {

        List<SegmentStatus> of(String processor) {
            return segments.getOrDefault(processor, List.of());
        }

        /** The processor's segments no instance has claimed lately: their events wait for nobody. */
        List<SegmentStatus> unheld(String processor) {
            return heldByNone.getOrDefault(processor, List.of());
        }
    }

    private StoredTokens storedTokens() {
        Map<String, List<SegmentStatus>> segments = new HashMap<>();
        Map<String, Boolean> allClaimedLately = new HashMap<>();
        Map<String, List<SegmentStatus>> heldByNone = new HashMap<>();
        Instant lately = clock.instant().minus(CLAIM_RENEWED_WITHIN);
        jdbc.query("select processor_name, segment, token, token_type, owner, time_stamp from token_entry order by segment",
                rs -> {
            String name = rs.getString("processor_name");
            byte[] bytes = rs.getBytes("token");
            TrackingToken token = bytes == null ? null : tokens.deserialize(
                    new SimpleSerializedObject<>(bytes, byte[].class, rs.getString("token_type"), null));
            boolean replaying = ReplayToken.isReplay(token);
            Long resetPosition = replaying ? boxed(ReplayToken.getTokenAtReset(token)) : null;
            SegmentStatus stored = new SegmentStatus(rs.getInt("segment"),
                    token == null ? null : boxed(token.position()), false, replaying, resetPosition, false);
            segments.computeIfAbsent(name, n -> new ArrayList<>()).add(stored);
            boolean claimedLately = rs.getString("owner") != null
                    && Instant.parse(rs.getString("time_stamp")).isAfter(lately);
            if (!claimedLately) {
                heldByNone.computeIfAbsent(name, n -> new ArrayList<>()).add(stored);
            }
            allClaimedLately.merge(name, claimedLately, Boolean::logicalAnd);
        });
        Set<String> claimedLately = new HashSet<>();
        allClaimedLately.forEach((name, all) -> {
            if (all) {
                claimedLately.add(name);
            }
        });
        return new StoredTokens(segments, claimedLately, heldByNone);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownProcessor(name));
    }

    private ProcessorStatus status(StreamingEventProcessor processor, long head,
                                   StoredTokens stored) {
        List<SegmentStatus> segments = segments(processor);
        List<SegmentStatus> storedHere = stored.of(processor.getName());
        // an instance whose segments other instances process (all of them, with fresh claims) reports the shared
        // read model by the token store, rather than as never caught up
        boolean processedElsewhere = segments.isEmpty() && stored.claimedLately().contains(processor.getName());
        // a segment nobody holds counts where its token stopped: its events are waiting, and a replay it holds is
        // not done (a processor short of a thread left one so, and its lag read 0 while half the model was missing)
        List<SegmentStatus> progress = processedElsewhere ? storedHere : withStored(segments,
                stored.unheld(processor.getName()));
        Long position = lowestPosition(progress);
        Long lagEvents = position == null ? null : Math.max(0, head - position);
        Double lagSeconds = lagEvents == null ? null : lagEvents == 0 ? 0.0 : secondsBehind(position);
        Replay replay = Replay.of(progress, position);
        boolean replaying = replay.running();
        int total = segmentsTotal(processor.getName());
        // After a crash the dead instance's claims hold its segments for a while: until this instance holds its
        // share, the read model is not complete, however far the segments it does hold have come. Its share is
        // what the processor may claim: max-claimed-segments for a pooled one, its threads for a tracking one.
        boolean holdsItsShare = processedElsewhere || segments.size() >= Math.min(processor.maxCapacity(), total);
        ProcessorFailures.Failure failure = failures.current(processor.getName(), lowestPosition(storedHere));
        // the head is read again: an event may have been stored, and processed, since it was read for the status
        long reached = highest(progress);
        boolean aheadOfStore = reached > head && reached > history.head();
        boolean caughtUp = !progress.isEmpty() && holdsItsShare && lagEvents == 0 && !replaying && failure == null
                && !aheadOfStore;
        // Axon's pooled processor stays in error after a failure until it next coordinates a segment of its own:
        // on an instance that holds none because other instances process them all, that never comes
        boolean coordinatorError = processor.isError() && !processedElsewhere;
        return new ProcessorStatus(processor.getName(), processor.isRunning(), coordinatorError || failure != null,
                position, head, lagEvents, lagSeconds, caughtUp, replaying, replay.progress(), replay.until(),
                segments.size(), total, pause.stoppedHere(processor.getName()), segments, failure, aheadOfStore);
    }

    private static long highest(List<SegmentStatus> segments) {
        return segments.stream().map(SegmentStatus::position).filter(Objects::nonNull).mapToLong(Long::longValue)
                .max().orElse(Long.MIN_VALUE);
    }

    /** The segments claimed here as they stand, and of {@code stored} those not claimed here. */
    private static List<SegmentStatus> withStored(List<SegmentStatus> claimed, List<SegmentStatus> stored) {
        if (stored.isEmpty()) {
            return claimed;
        }
        Set<Integer> here = new HashSet<>();
        claimed.forEach(s -> here.add(s.segment()));
        List<SegmentStatus> all = new ArrayList<>(claimed);
        stored.stream().filter(s -> !here.contains(s.segment())).forEach(all::add);
        return all;
    }

    private static List<SegmentStatus> segments(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        return claimed.values().stream()
                .sorted(Comparator.comparingInt(s -> s.getSegment().getSegmentId()))
                .map(s -> new SegmentStatus(s.getSegment().getSegmentId(), boxed(s.getCurrentPosition()),
                        s.isCaughtUp(), s.isReplaying(), boxed(s.getResetPosition()), s.isErrorState()))
                .toList();
    }

    /** The lowest current position over the claimed segments; null when none is claimed. */
    private static Long lowestPosition(List<SegmentStatus> segments) {
        return segments.isEmpty() ? null
                : segments.stream().mapToLong(s -> s.position() == null ? 0 : s.position()).min().orElse(0);
    }

    /** Whether a replay runs, to which position, and how far it has come (null when not known). */
    private record Replay(boolean running, Long until, Double progress) {

        static Replay of(List<SegmentStatus> segments, Long position) {
            // Axon keeps a segment's ReplayToken until the first event after the reset position; the
            // replay itself is done once the segment has reached that position
            boolean running = segments.stream().anyMatch(ProjectionAdmin::replayInProgress);
            Long until = segments.stream().filter(ProjectionAdmin::replayInProgress)
                    .map(SegmentStatus::resetPosition).max(Long::compare).orElse(null);
            Double progress = running && until != null && until > 0 && position != null
                    ? Math.min(1.0, Math.max(0.0, (double) position / until)) : null;
            return new Replay(running, until, progress);
        }
    }

    /** How old the oldest event after the position is: how long it has been waiting for this processor. */
    private double secondsBehind(long position) {
        Optional<Instant> oldestWaiting = jdbc.queryForList("select time_stamp from " + EventStoreSchema.EVENTS
                        + " where global_index > ? order by global_index limit 1", String.class, position)
                .stream().findFirst().map(Instant::parse);
        return oldestWaiting.map(t -> Math.max(0, Duration.between(t, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }

    private int segmentsTotal(String name) {
        Integer total = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                Integer.class, name);
        return total == null ? 0 : total;
    }

    private static boolean replayInProgress(SegmentStatus segment) {
        return segment.replaying() && segment.resetPosition() != null
                && (segment.position() == null || segment.position() < segment.resetPosition());
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
