package no.partnerskap.commitments.idempotency;

import java.util.Optional;
import no.partnerskap.api.common.AuditMetadata;
import no.partnerskap.commitments.eventstore.CommandTargets;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Runs inside the command's unit of work and its transaction: claims the Idempotency-Key
 * before the aggregate acts and stores the answer after, so events and answer commit together.
 * Every command answers with a {@link CommandOutcome}. Axon registers it on the command bus
 * because it is a bean.
 */
@Component
public class IdempotentCommandInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyRecords records;

    IdempotentCommandInterceptor(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        String aggregateId = CommandTargets.aggregateId(command);
        String key = (String) command.getMetaData().get(AuditMetadata.IDEMPOTENCY_KEY);
        String subject = (String) command.getMetaData().get(AuditMetadata.SUBJECT);
        String fingerprint = (String) command.getMetaData().getOrDefault(CommandMetadata.REQUEST_FINGERPRINT, "");
        if (key != null) {
            Optional<IdempotencyRecords.Prior> prior = records.claim(subject, key, fingerprint);
            if (prior.isPresent()) {
                if (!prior.get().fingerprint().equals(fingerprint)) {
                    throw new IdempotencyKeyReused(key);
                }
                return prior.get().outcome().asReplay();
            }
        }
        chain.proceed();
        CommandOutcome outcome = new CommandOutcome(aggregateId, VersionTracking.versionOf(unitOfWork, aggregateId),
                (String) command.getMetaData().get(CommandMetadata.CREATED_ID), false);
        if (key != null) {
            records.complete(subject, key, outcome);
        }
        return outcome;
    }
}
