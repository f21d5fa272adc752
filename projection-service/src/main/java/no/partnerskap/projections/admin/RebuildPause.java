package no.partnerskap.projections.admin;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.partnerskap.projections.Repeating;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets one instance rebuild a read model while others run: a rebuild resets every segment of its
 * processor, so the rebuilding instance pauses that processor on the others (a row in
 * {@code processor_pause}); each instance looks twice a second, stops what another instance paused,
 * releasing its segments, and starts it again once the pause is lifted. Then they take their share
 * of the replay as they take their share of the stream. The rebuilding instance renews its pause twice a
 * second; a pause whose instance died during the reset expires ten seconds later.
 */
@Component
class RebuildPause {

    /** A pause its instance no longer renews (it died during the reset) lets the processor go on after this. */
    private static final Duration EXPIRES = Duration.ofSeconds(10);
    private static final Duration WATCH = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(RebuildPause.class);

    private final String instance = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    /** Processors this instance stopped because another one paused them: only those it starts again. */
    private final Set<String> stoppedHere = ConcurrentHashMap.newKeySet();
    private final Repeating watcher = new Repeating("rebuild-pause", WATCH, this::follow, log,
            "Could not read the processors' pauses; trying again twice a second",
            "The processors' pauses can be read again");

    RebuildPause(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /** Once the processors are configured and started: one started during another's rebuild stops at the first look. */
    @EventListener(ApplicationReadyEvent.class)
    void startWatching() {
        watcher.start();
    }

    /** Before the processors stop with the application, so that none is started again meanwhile. */
    @EventListener(ContextClosedEvent.class)
    void stopWatching() {
        watcher.stop();
    }

    /** Pauses the processor on every other instance; false when another instance's rebuild has it paused. */
    boolean pauseOthers(String processor) {
        return jdbc.update("""
                insert into processor_pause (processor_name, requested_by, requested_at) values (?, ?, now())
                on conflict (processor_name) do update
                    set requested_by = excluded.requested_by, requested_at = excluded.requested_at
                    where processor_pause.requested_at < now() - make_interval(secs => ?)""",
                processor, instance, EXPIRES.toSeconds()) == 1;
    }

    void resumeOthers(String processor) {
        jdbc.update("delete from processor_pause where processor_name = ? and requested_by = ?", processor, instance);
    }

    /** Whether this instance has stopped the processor because another instance is resetting it. */
    boolean stoppedHere(String processor) {
        return stoppedHere.contains(processor);
    }

    /** Stops the processors another instance has paused, and starts those it no longer pauses (watcher thread only). */
    private void follow() {
        // a pause lasts while its instance lives: one left by a crash, found by the next start, ends soon after
        jdbc.update("update processor_pause set requested_at = now() where requested_by = ?", instance);
        Set<String> paused = new HashSet<>(jdbc.queryForList("""
                select processor_name from processor_pause
                where requested_by <> ? and requested_at >= now() - make_interval(secs => ?)""",
                String.class, instance, EXPIRES.toSeconds()));
        processing.eventProcessors().forEach((name, p) -> {
            if (!(p instanceof StreamingEventProcessor processor)) {
                return;
            }
            if (paused.contains(name)) {
                // checked on every look: a processor started after the pause (at start-up) stops too
                if (processor.isRunning()) {
                    log.info("Another instance is rebuilding [{}]: stopping it here until that is done", name);
                    processor.shutdownAsync().join();
                }
                stoppedHere.add(name);
            } else if (stoppedHere.remove(name)) {
                log.info("The pause of [{}] has ended (its rebuild was reset, or its instance stopped renewing it): "
                        + "starting it here again", name);
                ProcessorThreads.start(processor);
            }
        });
    }
}
