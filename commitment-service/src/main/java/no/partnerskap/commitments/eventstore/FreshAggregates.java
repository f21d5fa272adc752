package no.partnerskap.commitments.eventstore;

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
 */
final class FreshAggregates implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final RecentAggregates cache;
    private final JdbcTemplate jdbc;

    FreshAggregates(RecentAggregates cache, JdbcTemplate jdbc) {
        this.cache = cache;
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String aggregateId = CommandTargets.aggregateId(unitOfWork.getMessage());
        Long cached = cache.cachedVersion(aggregateId);
        if (cached != null && !Objects.equals(cached, storedVersion(aggregateId))) {
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
