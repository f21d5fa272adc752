package no.partnerskap.commitments.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Before a command acts on a cached aggregate: is the cached one still the latest? Another
 * instance of this service may have appended to it since. One index lookup answers that; a
 * stale entry is dropped so the aggregate is loaded from the store. (A write racing in after
 * this check still fails on the append's unique sequence number, and is retried from the store.)
 * What it finds is counted ({@code partnerships.aggregate.cache.lookups}, by result), so that an
 * operator can tell whether the cache holds the aggregates partners work on.
 */
final class FreshAggregates implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final RecentAggregates cache;
    private final JdbcTemplate jdbc;
    private final Counter hit;
    private final Counter stale;
    private final Counter miss;

    FreshAggregates(RecentAggregates cache, JdbcTemplate jdbc, MeterRegistry meters) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.hit = lookups(meters, "hit");
        this.stale = lookups(meters, "stale");
        this.miss = lookups(meters, "miss");
        Gauge.builder("partnerships.aggregate.cache.size", cache, RecentAggregates::size)
                .description("aggregates held in the cache").register(meters);
    }

    private static Counter lookups(MeterRegistry meters, String result) {
        // one description for all three: Prometheus keeps one per name
        return Counter.builder("partnerships.aggregate.cache.lookups").tag("result", result)
                .description("commands by what the aggregate cache held for them: hit (the latest version), stale "
                        + "(behind the store, so dropped), miss (not cached, or created by the command)")
                .register(meters);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String aggregateId = CommandTargets.aggregateId(unitOfWork.getMessage());
        Long cached = cache.cachedVersion(aggregateId);
        if (cached == null) {
            miss.increment();
        } else if (Objects.equals(cached, storedVersion(aggregateId))) {
            hit.increment();
        } else {
            stale.increment();
            cache.remove(aggregateId);
        }
        return chain.proceed();
    }

    private Long storedVersion(String aggregateId) {
        return jdbc.queryForObject("""
                select max(sequence_number) from event_store.domain_event_entry where aggregate_identifier = ?""",
                Long.class, aggregateId);
    }
}
