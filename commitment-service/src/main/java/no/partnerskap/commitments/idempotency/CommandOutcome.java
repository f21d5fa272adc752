package no.partnerskap.commitments.idempotency;

/**
 * What a command did: the aggregate it touched, the version that aggregate has now, and the id
 * of what it created (the aggregate itself, or a goal, milestone...), if anything.
 * {@code replayed} is true when a retried request got the first answer back.
 */
public record CommandOutcome(String aggregateId, long version, String createdId, boolean replayed) {

    CommandOutcome asReplay() {
        return new CommandOutcome(aggregateId, version, createdId, true);
    }

    String stored() {
        return aggregateId + "|" + version + "|" + (createdId == null ? "" : createdId);
    }

    static CommandOutcome parse(String stored) {
        String[] parts = stored.split("\\|", -1);
        return new CommandOutcome(parts[0], Long.parseLong(parts[1]), parts[2].isEmpty() ? null : parts[2], false);
    }
}
