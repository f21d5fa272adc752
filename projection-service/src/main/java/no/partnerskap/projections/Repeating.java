package no.partnerskap.projections;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A task run over and over on a daemon thread of its own, from {@link #start} until {@link #stop}. A
 * failure is logged once per spell, with the owner's logger, not at every run.
 *
 * <p>Runs are {@code every} apart, or nine times as long as the last run took, whichever is longer: a
 * task that grows with the store (the completeness check scans it: 2.3 s at a million events) then
 * keeps at most a tenth of one core busy, however large the store becomes.
 */
public final class Repeating {

    private final Duration every;
    private final Runnable task;
    private final Logger log;
    private final String failed;
    private final String recovered;
    private final ScheduledExecutorService thread;
    /** Only the task's thread reads and writes it. */
    private boolean failing;

    public Repeating(String name, Duration every, Runnable task, Logger log, String failed, String recovered) {
        this.every = every;
        this.task = task;
        this.log = log;
        this.failed = failed;
        this.recovered = recovered;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, name);
            daemon.setDaemon(true);
            return daemon;
        });
    }

    public void start() {
        thread.execute(this::runAndReschedule);
    }

    public void stop() {
        thread.shutdownNow();
    }

    /** The pause after a run that took {@code took}. */
    static Duration pauseAfter(Duration every, Duration took) {
        Duration share = took.multipliedBy(9);
        return share.compareTo(every) > 0 ? share : every;
    }

    private void runAndReschedule() {
        long started = System.nanoTime();
        runOnce();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        try {
            thread.schedule(this::runAndReschedule, pauseAfter(every, took).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // stop() came during the run
        }
    }

    private void runOnce() {
        try {
            task.run();
            if (failing) {
                failing = false;
                log.info(recovered);
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn(failed, e);
            }
        }
    }
}
