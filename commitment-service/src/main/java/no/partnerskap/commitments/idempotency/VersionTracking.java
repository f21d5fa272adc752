package no.partnerskap.commitments.idempotency;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Notes the sequence number of each event an aggregate applies, so the command's answer can
 * carry the aggregate's new version (the ETag a client sends back in If-Match).
 */
public class VersionTracking implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String RESOURCE = VersionTracking.class.getName() + ".";

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            if (event instanceof DomainEventMessage<?> domainEvent && CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().resources()
                        .merge(RESOURCE + domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(),
                                (a, b) -> Math.max((Long) a, (Long) b));
            }
            return event;
        };
    }

    static long lastSequence(UnitOfWork<?> unitOfWork, String aggregateId) {
        Object sequence = unitOfWork.root().resources().get(RESOURCE + aggregateId);
        if (sequence == null) {
            throw new IllegalStateException("command on " + aggregateId + " applied no event");
        }
        return (Long) sequence;
    }
}
