package no.partnerskap.projections.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import no.partnerskap.projections.followup.FollowUpClock;
import no.partnerskap.projections.followup.FollowUpRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-side gauges: how far each projection processor is behind the event store
 * ({@code partnerships.projection.lag.events} and {@code .seconds}, tagged by processor) over the segments this
 * instance holds, how many segments it holds of how many ({@code partnerships.projection.segments.claimed},
 * {@code partnerships.projection.segments}), and how
 * many commitments across all partnerships carry each follow-up signal today
 * ({@code partnerships.commitments}, tagged by signal). Each is computed at most once a second,
 * however many gauges a scrape reads.
 */
@Component
class ProjectionMetrics implements MeterBinder {

    static final List<String> SIGNALS = List.of("ON_TRACK", "AT_RISK", "OVERDUE", "CLOSED");
    private static final Logger log = LoggerFactory.getLogger(ProjectionMetrics.class);
    private static final Duration FRESH = Duration.ofSeconds(1);

    private final ProjectionAdmin admin;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Cached<Map<String, ProjectionAdmin.ProcessorStatus>> processors;
    private final Cached<Map<String, Long>> signals;

    ProjectionMetrics(ProjectionAdmin admin, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.admin = admin;
        this.jdbc = jdbc;
        this.clock = clock;
        this.processors = new Cached<>(() -> {
            Map<String, ProjectionAdmin.ProcessorStatus> byName = new HashMap<>();
            admin.statuses().forEach(s -> byName.put(s.name(), s));
            return byName;
        });
        this.signals = new Cached<>(this::countSignals);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : admin.names()) {
            processorGauge("partnerships.projection.lag.events", name, ProjectionAdmin.ProcessorStatus::lagEvents,
                    "Events in the store that this projection processor has not handled yet")
                    .baseUnit("events").register(registry);
            processorGauge("partnerships.projection.lag.seconds", name, ProjectionAdmin.ProcessorStatus::lagSeconds,
                    "Seconds the oldest event this projection processor has not handled has waited").register(registry);
            // the lag covers the segments this instance holds: a segment nobody holds shows only here
            processorGauge("partnerships.projection.segments", name, ProjectionAdmin.ProcessorStatus::segmentsTotal,
                    "Segments this projection processor has in the token store").register(registry);
            processorGauge("partnerships.projection.segments.claimed", name,
                    ProjectionAdmin.ProcessorStatus::segmentsClaimed,
                    "Segments of this projection processor that this instance holds").register(registry);
            processorGauge("partnerships.projection.failing", name, s -> s.error() ? 1 : 0,
                    "1 while this projection processor is in error or a batch of its events fails, else 0")
                    .register(registry);
        }
        for (String signal : SIGNALS) {
            Gauge.builder("partnerships.commitments", this, m -> m.signal(signal))
                    .tag("signal", signal)
                    .description("Commitments across all partnerships by follow-up signal today")
                    .register(registry);
        }
    }

    private Gauge.Builder<ProjectionMetrics> processorGauge(String metric, String name,
            Function<ProjectionAdmin.ProcessorStatus, ? extends Number> value, String description) {
        return Gauge.builder(metric, this, m -> m.processor(name, value)).tag("processor", name)
                .description(description);
    }

    private double processor(String name, Function<ProjectionAdmin.ProcessorStatus, ? extends Number> value) {
        Map<String, ProjectionAdmin.ProcessorStatus> all = processors.get();
        ProjectionAdmin.ProcessorStatus status = all == null ? null : all.get(name);
        Number n = status == null ? null : value.apply(status);
        return n == null ? Double.NaN : n.doubleValue();
    }

    private double signal(String signal) {
        Map<String, Long> counts = signals.get();
        return counts == null ? Double.NaN : counts.getOrDefault(signal, 0L);
    }

    /** Commitments per follow-up signal today, counted now (the gauges show this at most a second old). */
    Map<String, Long> countSignals() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select " + FollowUpRules.SIGNAL + " as signal, count(*) as n from commitment_view c group by 1",
                new MapSqlParameterSource("today", FollowUpClock.today(clock)),
                rs -> {
                    counts.put(rs.getString("signal"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * A value computed at most once per {@link #FRESH}; null (NaN on the gauge) when computing it failed, and then
     * not tried again for {@link #AFTER_FAILURE}. Every gauge asks it: while the database cannot be reached, a
     * try waits out the connection timeout, and a scrape that tried once per gauge took minutes and kept the
     * JVM's own metrics from Prometheus for the whole outage.
     */
    static final class Cached<T> {
        static final Duration AFTER_FAILURE = Duration.ofSeconds(30);
        private final Supplier<T> compute;
        private T value;
        private long nextAt;

        Cached(Supplier<T> compute) {
            this.compute = compute;
            this.nextAt = System.nanoTime();
        }

        synchronized T get() {
            if (System.nanoTime() - nextAt >= 0) {
                try {
                    value = compute.get();
                    nextAt = System.nanoTime() + FRESH.toNanos();
                } catch (RuntimeException e) {
                    log.warn("Could not compute read-side metrics: {}", e.toString());
                    value = null;
                    nextAt = System.nanoTime() + AFTER_FAILURE.toNanos();
                }
            }
            return value;
        }
    }
}
