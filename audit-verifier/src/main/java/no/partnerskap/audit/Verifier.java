package no.partnerskap.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a history against its hash chains and signed checkpoints. Feed it every event in
 * global order, then ask for the result. The same code runs online (projection-service) and
 * offline (the auditor's own copy of an export).
 */
public final class Verifier {

    /** What is wrong, and where: the aggregate, its sequence number and the global position. */
    public record Problem(String aggregateId, Long sequenceNumber, Long globalPosition, String problem) {
    }

    /**
     * @param unsealedEvents how many events no checkpoint vouches for
     * @param unsealed the first {@value #UNSEALED_LISTED} of them: events after the last checkpoint (their chains were
     *                 checked, but nothing signed vouches for them yet), or of a checkpoint a part holds only in part
     */
    public record Result(boolean valid, long eventsChecked, long checkpointsChecked, List<Problem> problems,
                         long unsealedEvents, List<Problem> unsealed) {
    }

    /**
     * How many unsealed events are named one by one: a history with no recent checkpoint (or an auditor's checkpoints
     * from a meeting long ago) has hundreds of thousands, and naming each would only fill the memory and the screen.
     */
    public static final int UNSEALED_LISTED = 1_000;

    private record Link(long sequenceNumber, byte[] hash) {
    }

    private final List<Checkpoint> checkpoints;
    private final Map<String, PublicKey> keys;
    private final Map<String, Link> lastOfAggregate = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> unsealed = new ArrayList<>();
    private long unsealedEvents;
    private final List<byte[]> leaves = new ArrayList<>();
    /** The events of the checkpoint being read, to name them when a part holds that checkpoint only in part. */
    private final List<EventRecord> leafEvents = new ArrayList<>();
    private int checkpoint;
    private long lastPosition = Long.MIN_VALUE;
    private long events;
    /** A part of the history (an export between two instants) rather than all of it; see {@link #part}. */
    private final boolean part;
    private Long firstPosition;
    private long checkpointsChecked;

    public Verifier(List<Checkpoint> checkpoints, Map<String, PublicKey> keys) {
        this(checkpoints, keys, false);
    }

    private Verifier(List<Checkpoint> checkpoints, Map<String, PublicKey> keys, boolean part) {
        this.checkpoints = checkpoints.stream().sorted(Comparator.comparingLong(Checkpoint::number)).toList();
        this.keys = keys;
        this.part = part;
        checkCheckpointChain();
    }

    /**
     * Verifies a part of the history: an export between two instants. Each event's own hash is checked, and
     * each chain from the first of its aggregate's events in the part (the link to the one before cannot be
     * checked without it), and every checkpoint whose events all lie within the part: those that begin before
     * the part's first position or end after its last are not counted as checked. The checkpoints' own
     * chain and signatures are checked as for the whole history.
     */
    public static Verifier part(List<Checkpoint> checkpoints, Map<String, PublicKey> keys) {
        return new Verifier(checkpoints, keys, true);
    }

    public void accept(EventRecord event) {
        events++;
        if (firstPosition == null) {
            firstPosition = event.globalIndex();
        }
        if (event.globalIndex() <= lastPosition) {
            problem(event, "out of global order or duplicated position");
        }
        lastPosition = event.globalIndex();
        checkChain(event);
        while (checkpoint < checkpoints.size() && event.globalIndex() > checkpoints.get(checkpoint).toPosition()) {
            closeCheckpoint();
        }
        if (checkpoint < checkpoints.size() && event.globalIndex() <= checkpoints.get(checkpoint).fromPosition()) {
            // between two checkpoints that do not meet (one was removed, or a range changed: a problem of the
            // checkpoints' chain), sealed by neither: counted with the next one, it made that one's count wrong
            unsealed(event, "between checkpoints: checkpoint " + checkpoints.get(checkpoint).number()
                    + " begins after it");
        } else if (checkpoint < checkpoints.size()) {
            leaves.add(event.eventHash() == null ? new byte[0] : Hashes.unhex(event.eventHash()));
            if (part) {
                leafEvents.add(event);
            }
        } else {
            unsealed(event, "after the last checkpoint: not yet sealed");
        }
    }

    /** A problem with the history as a whole, not with one event. */
    public void problem(String what) {
        problems.add(new Problem(null, null, null, what));
    }

    /** A problem found outside the chain and checkpoints, with the event it concerns. */
    public void problem(EventRecord event, String what) {
        problems.add(new Problem(event.aggregateId(), event.sequenceNumber(), event.globalIndex(), what));
    }

    /**
     * Each checkpoint hash (as written in the minutes, say) must be among the checkpoints: a checkpoints file
     * with the newest ones left out verifies otherwise, and the events they sealed pass as merely unsealed.
     */
    public void expectCheckpoints(List<String> hashes) {
        for (String hash : hashes) {
            if (checkpoints.stream().noneMatch(c -> hash.trim().equalsIgnoreCase(c.checkpointHash()))) {
                problems.add(new Problem(null, null, null, "checkpoint " + hash.trim() + " is not among the "
                        + "checkpoints given: checkpoints were removed, or another history was given"));
            }
        }
    }

    public Result finish() {
        while (checkpoint < checkpoints.size()) {
            closeCheckpoint();
        }
        return new Result(problems.isEmpty(), events, checkpointsChecked, List.copyOf(problems), unsealedEvents,
                List.copyOf(unsealed));
    }

    private void unsealed(EventRecord event, String why) {
        unsealedEvents++;
        if (unsealed.size() < UNSEALED_LISTED) {
            unsealed.add(new Problem(event.aggregateId(), event.sequenceNumber(), event.globalIndex(), why));
        }
    }

    private void checkChain(EventRecord event) {
        Link previous = lastOfAggregate.get(event.aggregateId());
        long expectedSequence = previous == null ? 0 : previous.sequenceNumber() + 1;
        byte[] expectedPrevious = previous == null ? Hashes.GENESIS : previous.hash();
        if (part && previous == null) {
            // the aggregate's earlier events are outside the part: its chain is checked from here on
        } else if (event.sequenceNumber() != expectedSequence) {
            problem(event, "sequence number " + event.sequenceNumber() + " where " + expectedSequence
                    + " was expected: an event is missing or out of place");
        } else if (event.prevHash() == null || !Arrays.equals(Hashes.unhex(event.prevHash()), expectedPrevious)) {
            problem(event, "previous hash does not match the hash of the aggregate's previous event");
        }
        if (!event.hashMatches()) {
            problem(event, "stored hash does not match the event's content: payload, metadata or fields changed");
        }
        lastOfAggregate.put(event.aggregateId(), new Link(event.sequenceNumber(),
                event.eventHash() == null ? new byte[0] : Hashes.unhex(event.eventHash())));
    }

    private void closeCheckpoint() {
        Checkpoint c = checkpoints.get(checkpoint++);
        // its events are those after fromPosition: wholly inside when the part starts no later than the one after
        if (part && (firstPosition == null || c.fromPosition() + 1 < firstPosition || c.toPosition() > lastPosition)) {
            // reaches outside the part: what is missing may simply not be in it. Its events here are checked against
            // their own chains only, as unsealed ones are, and are listed so
            leafEvents.forEach(event -> unsealed(event, "in checkpoint " + c.number()
                    + ", which this part holds only in part: not checked against it"));
            leaves.clear();
            leafEvents.clear();
            return;
        }
        checkpointsChecked++;
        if (leaves.size() < c.eventCount() && c.toPosition() > lastPosition) {
            // the checkpoint reaches past the last event given: an export taken before the checkpoint was sealed
            // looks the same as one whose newest events were deleted
            problems.add(new Problem(null, null, c.toPosition(), "checkpoint " + c.number() + " sealed "
                    + c.eventCount() + " events in (" + c.fromPosition() + ", " + c.toPosition() + "], reaching past "
                    + "the last event given (" + (lastPosition == Long.MIN_VALUE ? "none" : lastPosition) + "), and "
                    + leaves.size() + " of them are there: the export is older than the checkpoint (take the "
                    + "checkpoints before the export, not after), or events were deleted from its end"));
        } else if (leaves.size() != c.eventCount()) {
            problems.add(new Problem(null, null, c.toPosition(), "checkpoint " + c.number() + " sealed "
                    + c.eventCount() + " events in (" + c.fromPosition() + ", " + c.toPosition() + "] but "
                    + leaves.size() + " are there now: events were deleted or inserted"));
        } else if (!Hashes.hex(MerkleTree.root(leaves)).equals(c.merkleRoot())) {
            problems.add(new Problem(null, null, c.toPosition(), "checkpoint " + c.number()
                    + ": the Merkle root of the events in (" + c.fromPosition() + ", " + c.toPosition()
                    + "] differs from the sealed one: events were changed or replaced"));
        }
        leaves.clear();
        leafEvents.clear();
    }

    private void checkCheckpointChain() {
        String previousHash = Hashes.hex(Hashes.GENESIS);
        long previousTo = 0;
        for (Checkpoint c : checkpoints) {
            String where = "checkpoint " + c.number();
            if (!Hashes.hex(c.recomputedHash()).equals(c.checkpointHash())) {
                problems.add(new Problem(null, null, c.toPosition(), where + ": its hash does not match its fields"));
            }
            PublicKey key = keys.get(c.keyId());
            if (key == null) {
                problems.add(new Problem(null, null, c.toPosition(), where + ": signed by unknown key " + c.keyId()));
            } else if (!SigningKeys.verify(key, c.recomputedHash(), c.signature())) {
                problems.add(new Problem(null, null, c.toPosition(), where + ": the signature is not valid"));
            }
            if (!previousHash.equals(c.previousHash())) {
                problems.add(new Problem(null, null, c.toPosition(), where
                        + ": does not link to the previous checkpoint"));
            }
            if (c.fromPosition() != previousTo) {
                problems.add(new Problem(null, null, c.toPosition(), where + ": starts at " + c.fromPosition()
                        + " but the previous one ended at " + previousTo));
            }
            previousHash = c.checkpointHash();
            previousTo = c.toPosition();
        }
    }

}
