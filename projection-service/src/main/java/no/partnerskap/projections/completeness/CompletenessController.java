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
import no.partnerskap.projections.Repeating;
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
 * the result of the last check, made every {@code completeness-interval} (a minute, or nine times as long
 * as the last check took) on a thread of its own rather than in a scrape.
 */
@RestController
@Tag(name = "Administration")
class CompletenessController {

    private static final Logger log = LoggerFactory.getLogger(CompletenessController.class);

    private final Completeness completeness;
    /** The last check's result by processor; empty (the gauges unknown) before one or after a failed one. */
    private final Map<String, Long> lastMissing = new ConcurrentHashMap<>();
    private Instant checkStarted = Instant.EPOCH;
    private final Repeating checker;

    CompletenessController(Completeness completeness, MeterRegistry meters,
                           @Value("${partnerships.projection.completeness-interval:1m}") Duration every) {
        this.completeness = completeness;
        this.checker = new Repeating("completeness-check", every, () -> {
            try {
                check();
            } catch (RuntimeException e) {
                lastMissing.clear();
                throw e;
            }
        }, log, "The completeness check failed; its gauge is unknown until one succeeds",
                "The completeness check runs again");
        for (Completeness.Model model : Completeness.MODELS) {
            Gauge.builder("partnerships.projection.missing", this, c -> c.missing(model.processor()))
                    .description("aggregates whose latest events the read model has not applied")
                    .tag("processor", model.processor()).register(meters);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startChecking() {
        checker.start();
    }

    @EventListener(ContextClosedEvent.class)
    void stopChecking() {
        checker.stop();
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
