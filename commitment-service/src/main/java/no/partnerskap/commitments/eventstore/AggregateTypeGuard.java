package no.partnerskap.commitments.eventstore;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An event-sourcing repository loads whatever events carry the id it is given. A commitment's
 * id sent to a partnership endpoint must be "not found", not a partnership rebuilt from a
 * commitment's events.
 */
@Component
class AggregateTypeGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** An aggregate's type never changes once its first event is stored, so it is asked once. */
    private static final int KNOWN_TYPES_CAPACITY = 100_000;
    private final Map<String, String> knownTypes = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;

    AggregateTypeGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String aggregateId = CommandTargets.aggregateId(unitOfWork.getMessage());
        String expected = expectedType(unitOfWork.getMessage().getPayloadType());
        String stored = expected == null ? null : storedType(aggregateId);
        if (stored != null && !expected.equals(stored)) {
            throw new AggregateNotFoundException(aggregateId, "no " + expected + " " + aggregateId);
        }
        return chain.proceed();
    }

    private String storedType(String aggregateId) {
        String known = knownTypes.get(aggregateId);
        if (known != null) {
            return known;
        }
        List<String> stored = jdbc.queryForList("""
                select type from event_store.domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", String.class, aggregateId);
        if (stored.isEmpty()) {
            return null;
        }
        if (knownTypes.size() >= KNOWN_TYPES_CAPACITY) {
            knownTypes.clear();
        }
        knownTypes.put(aggregateId, stored.get(0));
        return stored.get(0);
    }

    /** Commands are nested in OrganisationCommands, PartnershipCommands, CommitmentCommands. */
    static String expectedType(Class<?> command) {
        Class<?> holder = command.getEnclosingClass();
        if (holder == null || !holder.getSimpleName().endsWith("Commands")) {
            return null;
        }
        return holder.getSimpleName().substring(0, holder.getSimpleName().length() - "Commands".length());
    }
}
