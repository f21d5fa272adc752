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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/projections/completeness} and the gauge {@code partnerships.projection.missing}. */
@RestController
@Tag(name = "Administration")
class CompletenessController {

    private static final Duration FRESH = Duration.ofSeconds(60);

    private final Completeness completeness;
    private final Map<String, Long> lastMissing = new ConcurrentHashMap<>();
    private volatile Instant checkedAt = Instant.EPOCH;

    CompletenessController(Completeness completeness, MeterRegistry meters) {
        this.completeness = completeness;
        for (Completeness.Model model : Completeness.MODELS) {
            // the check scans the store: a scrape reuses a result up to a minute old
            Gauge.builder("partnerships.projection.missing", this, c -> c.missing(model.processor()))
                    .description("aggregates whose latest events the read model has not applied")
                    .tag("processor", model.processor()).register(meters);
        }
    }

    @Operation(summary = "Compare the event store with each read model; list aggregates a read model missed")
    @GetMapping("/admin/projections/completeness")
    List<Completeness.Report> check() {
        List<Completeness.Report> reports = completeness.check();
        reports.forEach(r -> lastMissing.put(r.processor(), (long) r.missing().size()));
        checkedAt = Instant.now();
        return reports;
    }

    private double missing(String processor) {
        if (checkedAt.plus(FRESH).isBefore(Instant.now())) {
            try {
                check();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
        return lastMissing.getOrDefault(processor, 0L);
    }
}
