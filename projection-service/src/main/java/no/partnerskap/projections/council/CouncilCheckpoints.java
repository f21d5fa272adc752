package no.partnerskap.projections.council;

import java.util.List;

/**
 * Hook for checkpoints on the council report (e.g. signed statements of the event position and
 * a digest of the history up to it, so the council's copy can later be verified). Not
 * implemented yet: without a bean of this type the report carries {@code "checkpoints": []}.
 * An implementation is asked after the report is built and must not change its figures.
 */
public interface CouncilCheckpoints {

    List<Object> checkpointsFor(CouncilReport report);
}
