package no.partnerskap.commitments.idempotency;

import java.util.Map;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;

/**
 * Finds the version an aggregate has after a command, so the answer can carry it as ETag.
 * Axon's repositories keep the aggregates a unit of work loaded or created among its
 * resources; events only reach the event bus's interceptors at commit, too late for that.
 */
final class VersionTracking {

    private VersionTracking() {
    }

    static long versionOf(UnitOfWork<?> unitOfWork, String aggregateId) {
        for (Object resource : unitOfWork.root().resources().values()) {
            if (resource instanceof Map<?, ?> managed && managed.get(aggregateId) instanceof Aggregate<?> aggregate
                    && aggregate.version() != null) {
                return aggregate.version();
            }
        }
        throw new IllegalStateException("no aggregate " + aggregateId + " in this unit of work");
    }
}
