package no.partnerskap.projections.council;

import java.util.List;

/**
 * The signed checkpoint(s) a council report carries, so that the council's copy can later be
 * verified against the history (the verification package seals nothing itself; it reads what
 * commitment-service sealed). Without a bean of this type the report carries
 * {@code "checkpoints": []}. An implementation is asked after the report is built and must not
 * change its figures.
 */
public interface CouncilCheckpoints {

    List<Object> checkpointsFor(CouncilReport report);
}
