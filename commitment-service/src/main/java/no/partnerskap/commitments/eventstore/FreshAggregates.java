package no.partnerskap.commitments.eventstore;

import java.util.Objects;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.AxonTransientException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No command is decided on a stale cached aggregate. Another instance of this service may have
 * appended to an aggregate since this one cached it, and asking the store before every command
 * would cost every command a query. Instead:
 * <ul>
 * <li>a command that appends to a stale aggregate numbers its first event after the cached version,
 * which the store already holds: the append fails on the unique sequence number, Axon drops the
 * entry as the unit of work rolls back, and the command gateway retries from the store;</li>
 * <li>a command refused by a cached aggregate (a broken rule, an If-Match it does not match) appends
 * nothing, so the refusal is checked against the store: if the store has moved on, the command is
 * retried from the store, where it may well succeed.</li>
 * </ul>
 * Every command handler either applies an event or refuses; one that did neither would need the
 * check as well.
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
        try {
            return chain.proceed();
        } catch (Exception refusal) {
            if (cached != null && isBehindStore(aggregateId, cached, refusal)) {
                cache.remove(aggregateId);
                throw new StaleCachedAggregate(aggregateId, cached);
            }
            throw refusal;
        }
    }

    private boolean isBehindStore(String aggregateId, long cached, Exception refusal) {
        try {
            return !Objects.equals(cached, jdbc.queryForObject("""
                    select max(sequence_number) from event_store.domain_event_entry where aggregate_identifier = ?""",
                    Long.class, aggregateId));
        } catch (RuntimeException checkFailed) {
            // e.g. the refusal was a failed statement, after which the transaction runs no other
            refusal.addSuppressed(checkFailed);
            return false;
        }
    }

    /** Transient, so the command gateway retries; not caused by the refusal, which was not final. */
    static final class StaleCachedAggregate extends AxonTransientException {
        StaleCachedAggregate(String aggregateId, long cachedVersion) {
            super("aggregate " + aggregateId + " was cached at version " + cachedVersion
                    + " but the store has moved on; retrying from the store");
        }
    }
}
