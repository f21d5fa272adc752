package no.partnerskap.projections;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A task run over and over on a daemon thread of its own, a fixed delay apart, from {@link #start}
 * until {@link #stop}. A failure is logged once per spell, with the owner's logger, not at every run.
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
        thread.scheduleWithFixedDelay(this::runOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        thread.shutdownNow();
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
