package no.partnerskap.commitments.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import no.partnerskap.commitments.commitment.CommitmentCommands.WithdrawCommitment;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

class CommandTargetsTest {

    @Test
    void each_command_gets_its_own_target_and_its_unit_of_work_remembers_it() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CommandMessage<?> command = withdraw(first, 4L);
        CommandMessage<?> other = withdraw(second, null);

        UnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command);
        try {
            assertThat(CommandTargets.aggregateId(command)).isEqualTo(first.toString());
            assertThat(CommandTargets.INSTANCE.resolveTarget(command).getVersion()).isEqualTo(4L);
            assertThat(unitOfWork.resources()).containsKey(CommandTargets.class.getName());
            // a command other than the unit of work's own is never answered with its target
            assertThat(CommandTargets.aggregateId(other)).isEqualTo(second.toString());
        } finally {
            unitOfWork.rollback();
        }
        assertThat(CommandTargets.aggregateId(other)).isEqualTo(second.toString());
        assertThat(CommandTargets.aggregateId(command)).isEqualTo(first.toString());
    }

    private static CommandMessage<?> withdraw(UUID commitmentId, Long expectedVersion) {
        return GenericCommandMessage.asCommandMessage(
                new WithdrawCommitment(commitmentId, UUID.randomUUID(), "no longer planned", expectedVersion));
    }
}
