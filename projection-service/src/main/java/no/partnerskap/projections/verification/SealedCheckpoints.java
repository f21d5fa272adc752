package no.partnerskap.projections.verification;

import java.util.List;
import no.partnerskap.projections.council.CouncilCheckpoints;
import no.partnerskap.projections.council.CouncilReport;
import org.springframework.stereotype.Component;

/**
 * The council report carries the latest checkpoint sealed up to its position, so the minutes record
 * a signed root an auditor can later check the history against. It chains to every checkpoint
 * before it (all of them are at {@code /api/audit/checkpoints}), so the report stays small however
 * long the history grows.
 */
@Component
class SealedCheckpoints implements CouncilCheckpoints {

    private final StoredHistory history;

    SealedCheckpoints(StoredHistory history) {
        this.history = history;
    }

    @Override
    public List<Object> checkpointsFor(CouncilReport report) {
        return history.latestUpTo(report.position()).<List<Object>>map(List::of).orElse(List.of());
    }
}
