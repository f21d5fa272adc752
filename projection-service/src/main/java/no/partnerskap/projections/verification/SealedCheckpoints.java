package no.partnerskap.projections.verification;

import java.util.List;
import no.partnerskap.projections.council.CouncilCheckpoints;
import no.partnerskap.projections.council.CouncilReport;
import org.springframework.stereotype.Component;

/**
 * The council report carries the checkpoints sealed up to its position, so the minutes record
 * signed roots an auditor can later check the history against.
 */
@Component
class SealedCheckpoints implements CouncilCheckpoints {

    private final StoredHistory history;

    SealedCheckpoints(StoredHistory history) {
        this.history = history;
    }

    @Override
    public List<Object> checkpointsFor(CouncilReport report) {
        return history.checkpoints().stream().filter(c -> c.toPosition() <= report.position())
                .map(c -> (Object) c).toList();
    }
}
