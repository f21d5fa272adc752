package no.partnerskap.projections.completeness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/projections/completeness} and the gauge {@code partnerships.projection.missing}. The
 * check scans the store (a fifth of a second at 100,000 events, linear in the store), so the gauge shows
 * the result of the last check, made every {@code completeness-interval} (a minute) on a thread of its own
 * rather than in a scrape.
 */
@RestController
@Tag(name = "Administration")
class CompletenessController {

    private static final Logger log = LoggerFactory.getLogger(CompletenessController.class);

    private final Completeness completeness;
    private final Duration every;
    /** The last check's result by processor; empty (the gauges unknown) before one or after a failed one. */
    private final Map<String, Long> lastMissing = new ConcurrentHashMap<>();
    private Instant checkStarted = Instant.EPOCH;
    /** Only the checker thread reads and writes it. */
    private boolean failing;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "completeness-check");
        thread.setDaemon(true);
        return thread;
    });

    CompletenessController(Completeness completeness, MeterRegistry meters,
                           @Value("${partnerships.projection.completeness-interval:1m}") Duration every) {
        this.completeness = completeness;
        this.every = every;
        for (Completeness.Model model : Completeness.MODELS) {
            Gauge.builder("partnerships.projection.missing", this, c -> c.missing(model.processor()))
                    .description("aggregates whose latest events the read model has not applied")
                    .tag("processor", model.processor()).register(meters);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startChecking() {
        checker.scheduleWithFixedDelay(() -> {
            try {
                check();
                if (failing) {
                    failing = false;
                    log.info("The completeness check runs again");
                }
            } catch (RuntimeException e) {
                lastMissing.clear();
                // once per outage, not every minute
                if (!failing) {
                    failing = true;
                    log.warn("The completeness check failed; its gauge is unknown until one succeeds", e);
                }
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stopChecking() {
        checker.shutdownNow();
    }

    @Operation(summary = "Compare the event store with each read model; list aggregates a read model missed")
    @GetMapping("/admin/projections/completeness")
    List<Completeness.Report> check() {
        Instant started = Instant.now();
        List<Completeness.Report> reports = completeness.check();
        record(started, reports);
        return reports;
    }

    /** Keeps the result of the check that started last: one asked for over HTTP may end before the scheduled one. */
    private synchronized void record(Instant started, List<Completeness.Report> reports) {
        if (started.isBefore(checkStarted)) {
            return;
        }
        checkStarted = started;
        reports.forEach(r -> lastMissing.put(r.processor(), (long) r.missing().size()));
    }

    private double missing(String processor) {
        Long missing = lastMissing.get(processor);
        return missing == null ? Double.NaN : missing;
    }
}
