package no.partnerskap.commitments.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * The aggregate a command targets, read from its annotations once per command. The interceptors
 * and Axon's aggregate handler all ask for it, and every answer from the annotations copies the
 * command class's declared methods by reflection. Kept as a resource of the command's unit of
 * work, so a retry of the command (a new unit of work) reads it afresh.
 */
public final class CommandTargets implements CommandTargetResolver {

    public static final CommandTargets INSTANCE = new CommandTargets();

    private static final String RESOURCE = CommandTargets.class.getName();
    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    private CommandTargets() {
    }

    /** The identifier of the aggregate the command targets. */
    public static String aggregateId(CommandMessage<?> command) {
        return INSTANCE.resolveTarget(command).getIdentifier();
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (!CurrentUnitOfWork.isStarted() || CurrentUnitOfWork.get().getMessage() != command) {
            return annotations.resolveTarget(command);
        }
        return CurrentUnitOfWork.get().getOrComputeResource(RESOURCE, key -> annotations.resolveTarget(command));
    }
}
