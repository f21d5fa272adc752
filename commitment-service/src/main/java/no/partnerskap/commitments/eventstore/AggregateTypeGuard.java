package no.partnerskap.commitments.eventstore;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An event-sourcing repository loads whatever events carry the id it is given. A commitment's
 * id sent to a partnership endpoint must be "not found", not a partnership rebuilt from a
 * commitment's events.
 */
@Component
class AggregateTypeGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final JdbcTemplate jdbc;

    AggregateTypeGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String aggregateId = targets.resolveTarget(unitOfWork.getMessage()).getIdentifier();
        String expected = expectedType(unitOfWork.getMessage().getPayloadType());
        List<String> stored = jdbc.queryForList("""
                select type from event_store.domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", String.class, aggregateId);
        if (expected != null && !stored.isEmpty() && !expected.equals(stored.get(0))) {
            throw new AggregateNotFoundException(aggregateId, "no " + expected + " " + aggregateId);
        }
        return chain.proceed();
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
