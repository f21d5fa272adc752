package no.partnerskap.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A history built and sealed as the services do, then tampered with in every way we know. */
class VerifierTest {

    private KeyPair key = SigningKeys.generate();

    /** Seals with a given key: for tests that keep the public key to verify with later. */
    static VerifierTest sealingWith(KeyPair key) {
        VerifierTest sealing = new VerifierTest();
        sealing.key = key;
        return sealing;
    }

    /** Events spread over a few aggregates, chained as the database's append trigger chains them. */
    static List<EventRecord> history(int count, int aggregates) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        Map<String, EventRecord> last = new HashMap<>();
        List<EventRecord> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String aggregate = ids.get(i % aggregates);
            EventRecord previous = last.get(aggregate);
            events.add(chained(i + 1, aggregate, previous, "{\"n\":" + i + "}"));
            last.put(aggregate, events.get(events.size() - 1));
        }
        return events;
    }

    static EventRecord chained(long position, String aggregate, EventRecord previous, String payload) {
        long sequence = previous == null ? 0 : previous.sequenceNumber() + 1;
        String prev = previous == null ? Hashes.hex(Hashes.GENESIS) : previous.eventHash();
        String eventId = UUID.randomUUID().toString();
        String time = Instant.ofEpochSecond(1_800_000_000L + position).toString();
        String meta = "{\"subject\":\"s\"}";
        byte[] hash = EventRecord.hash(Hashes.unhex(prev), "Commitment", aggregate, sequence, eventId, "T", time,
                payload.getBytes(StandardCharsets.UTF_8), meta.getBytes(StandardCharsets.UTF_8));
        return new EventRecord(position, "Commitment", aggregate, sequence, eventId, "T", time, payload, meta, prev,
                Hashes.hex(hash));
    }

    /** Seals (from, to] the way commitment-service does. */
    Checkpoint seal(long number, List<EventRecord> events, long from, long to, String previousHash) {
        List<byte[]> leaves = events.stream().filter(e -> e.globalIndex() > from && e.globalIndex() <= to)
                .map(e -> Hashes.unhex(e.eventHash())).toList();
        String root = Hashes.hex(MerkleTree.root(leaves));
        String keyId = SigningKeys.keyId(key.getPublic());
        String sealedAt = "2027-01-01T00:00:00Z";
        byte[] hash = Checkpoint.hash(number, from, to, leaves.size(), root, previousHash, sealedAt, keyId);
        return new Checkpoint(number, from, to, leaves.size(), root, previousHash, sealedAt, keyId,
                Hashes.hex(hash), SigningKeys.sign(key.getPrivate(), hash));
    }

    List<Checkpoint> sealed(List<EventRecord> events, long... bounds) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        String previous = Hashes.hex(Hashes.GENESIS);
        long from = 0;
        for (int i = 0; i < bounds.length; i++) {
            Checkpoint c = seal(i + 1, events, from, bounds[i], previous);
            checkpoints.add(c);
            previous = c.checkpointHash();
            from = bounds[i];
        }
        return checkpoints;
    }

    Verifier.Result verify(List<EventRecord> events, List<Checkpoint> checkpoints) {
        Verifier verifier = new Verifier(checkpoints, Map.of(SigningKeys.keyId(key.getPublic()), key.getPublic()));
        events.forEach(verifier::accept);
        return verifier.finish();
    }

    @Test
    void an_untouched_history_verifies_clean() {
        List<EventRecord> events = history(200, 7);
        Verifier.Result result = verify(events, sealed(events, 100, 200));
        assertThat(result.valid()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.unsealed()).isEmpty();
        assertThat(result.eventsChecked()).isEqualTo(200);
    }

    @Test
    void one_changed_byte_of_a_payload_names_the_event() {
        List<EventRecord> events = new ArrayList<>(history(50, 3));
        List<Checkpoint> checkpoints = sealed(events, 50);
        EventRecord e = events.get(20);
        events.set(20, new EventRecord(e.globalIndex(), e.aggregateType(), e.aggregateId(), e.sequenceNumber(),
                e.eventId(), e.payloadType(), e.timeStamp(), e.payload().replace('2', '3'), e.metaData(),
                e.prevHash(), e.eventHash()));
        Verifier.Result result = verify(events, checkpoints);
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.globalPosition()).isEqualTo(21);
            assertThat(p.aggregateId()).isEqualTo(e.aggregateId());
            assertThat(p.problem()).contains("content");
        });
    }

    @Test
    void a_deleted_event_breaks_the_chain_and_the_checkpoint() {
        List<EventRecord> events = new ArrayList<>(history(30, 2));
        List<Checkpoint> checkpoints = sealed(events, 30);
        EventRecord deleted = events.remove(10);
        Verifier.Result result = verify(events, checkpoints);
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.aggregateId()).isEqualTo(deleted.aggregateId());
            assertThat(p.sequenceNumber()).isEqualTo(deleted.sequenceNumber() + 1);
        });
        assertThat(result.problems()).anySatisfy(p -> assertThat(p.problem()).contains("deleted or inserted"));
    }

    /** A checkpoint removed between two others: the next one still holds its own events, and says so. */
    @Test
    void a_checkpoint_removed_between_two_others_leaves_its_events_sealed_by_none_and_the_next_counted_right() {
        List<EventRecord> events = history(45, 3);
        List<Checkpoint> checkpoints = new ArrayList<>(sealed(events, 23, 40, 45));
        checkpoints.remove(1);
        Verifier.Result result = verify(events, checkpoints);
        assertThat(result.problems()).extracting(Verifier.Problem::problem).containsExactlyInAnyOrder(
                "checkpoint 3: does not link to the previous checkpoint",
                "checkpoint 3: starts at 40 but the previous one ended at 23");
        assertThat(result.unsealedEvents()).isEqualTo(17);
        assertThat(result.unsealed()).first().satisfies(p -> assertThat(p.problem())
                .isEqualTo("between checkpoints: checkpoint 3 begins after it"));
    }

    /** Checkpoints taken after the export: a false alarm of deleted events, unless the verifier says what it sees. */
    @Test
    void a_checkpoint_reaching_past_the_export_says_the_export_may_be_older_than_it() {
        List<EventRecord> events = history(30, 2);
        Verifier.Result result = verify(events.subList(0, 25), sealed(events, 20, 30));
        assertThat(result.problems()).extracting(Verifier.Problem::problem).singleElement().isEqualTo(
                "checkpoint 2 sealed 10 events in (20, 30], reaching past the last event given (25), and 5 of them "
                        + "are there: the export is older than the checkpoint (take the checkpoints before the export, "
                        + "not after), or events were deleted from its end");
    }

    @Test
    void a_forged_event_with_a_recomputed_chain_after_the_last_checkpoint_is_unsealed_not_verified() {
        List<EventRecord> events = new ArrayList<>(history(20, 2));
        List<Checkpoint> checkpoints = sealed(events, 20);
        EventRecord last = events.get(19);
        events.add(chained(21, last.aggregateId(), last, "{\"forged\":true}"));
        Verifier.Result result = verify(events, checkpoints);
        assertThat(result.problems()).isEmpty();
        assertThat(result.unsealed()).singleElement().satisfies(p -> {
            assertThat(p.globalPosition()).isEqualTo(21);
            assertThat(p.aggregateId()).isEqualTo(last.aggregateId());
        });
    }

    @Test
    void a_forged_event_with_a_recomputed_chain_inside_a_sealed_range_fails_the_checkpoint() {
        List<EventRecord> events = new ArrayList<>(history(20, 1));
        List<Checkpoint> checkpoints = sealed(events, 20);
        // rewrite the tail of the aggregate's chain from position 15 on, as an administrator could
        for (int i = 14; i < 20; i++) {
            EventRecord previous = events.get(i - 1);
            events.set(i, chained(i + 1, previous.aggregateId(), previous, "{\"rewritten\":" + i + "}"));
        }
        Verifier.Result result = verify(events, checkpoints);
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p.problem()).contains("Merkle root"));
    }

    @Test
    void a_checkpoint_signed_by_another_key_or_changed_after_signing_is_refused() {
        List<EventRecord> events = history(10, 1);
        Checkpoint good = sealed(events, 10).get(0);
        Checkpoint changed = new Checkpoint(good.number(), good.fromPosition(), good.toPosition(), good.eventCount(),
                good.merkleRoot(), good.previousHash(), "2030-01-01T00:00:00Z", good.keyId(), good.checkpointHash(),
                good.signature());
        assertThat(verify(events, List.of(changed)).problems()).extracting(Verifier.Problem::problem)
                .anySatisfy(p -> assertThat(p).contains("signature"));
        KeyPair other = SigningKeys.generate();
        Verifier verifier = new Verifier(List.of(good), Map.of(good.keyId(), other.getPublic()));
        events.forEach(verifier::accept);
        assertThat(verifier.finish().valid()).isFalse();
    }

    // ---- a part of the history: an export between two instants ---------------------------------

    Verifier.Result verifyPart(List<EventRecord> events, List<Checkpoint> checkpoints) {
        Verifier verifier = Verifier.part(checkpoints, Map.of(SigningKeys.keyId(key.getPublic()), key.getPublic()));
        events.forEach(verifier::accept);
        return verifier.finish();
    }

    @Test
    void a_part_of_an_untouched_history_verifies_with_the_checkpoints_wholly_inside_it() {
        List<EventRecord> events = history(200, 7);
        List<Checkpoint> checkpoints = sealed(events, 50, 100, 150, 200);
        List<EventRecord> part = events.subList(59, 170); // positions 60..170

        Verifier.Result result = verifyPart(part, checkpoints);

        assertThat(result.problems()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(111);
        assertThat(result.checkpointsChecked()).as("only (100, 150] lies wholly inside").isEqualTo(1);
        // the events of the checkpoints it holds only in part are named as not checked against them
        assertThat(result.unsealedEvents()).isEqualTo(111 - 50);
        assertThat(result.unsealed()).hasSize(111 - 50).allSatisfy(p -> assertThat(p.problem())
                .contains("which this part holds only in part"));
        assertThat(result.unsealed()).extracting(Verifier.Problem::globalPosition).contains(60L, 100L, 151L, 170L)
                .doesNotContain(101L, 150L);
        assertThat(verify(part, checkpoints).valid()).as("as the whole history, it is not").isFalse();
    }

    /** Checkpoints from a meeting long ago: every event since is unsealed, counted, and the first of them named. */
    @Test
    void unsealed_events_are_counted_and_the_first_thousand_named() {
        List<EventRecord> events = history(2_500, 7);

        Verifier.Result result = verify(events, sealed(events, 100));

        assertThat(result.valid()).isTrue();
        assertThat(result.unsealedEvents()).isEqualTo(2_400);
        assertThat(result.unsealed()).hasSize(Verifier.UNSEALED_LISTED);
        assertThat(result.unsealed().get(0).globalPosition()).isEqualTo(101L);
        assertThat(result.unsealed().get(999).globalPosition()).isEqualTo(1_100L);
    }

    /** A checkpoint seals the events after its fromPosition: a part starting with the first of them holds it all. */
    @Test
    void a_part_that_starts_with_a_checkpoints_first_event_checks_that_checkpoint() {
        List<EventRecord> events = new ArrayList<>(history(200, 7));
        List<Checkpoint> checkpoints = sealed(events, 50, 100, 150, 200);
        List<EventRecord> part = new ArrayList<>(events.subList(50, 170)); // positions 51..170

        assertThat(verifyPart(part, checkpoints).checkpointsChecked()).as("(50, 100] and (100, 150]").isEqualTo(2);

        // a forger who rewrites an event of (50, 100] and recomputes its chain within the part is caught
        EventRecord victim = part.get(9); // position 60
        part.set(9, chained(victim.globalIndex(), victim.aggregateId(), null, "{\"forged\":true}"));
        Verifier.Result forged = verifyPart(part, checkpoints);
        assertThat(forged.valid()).isFalse();
        assertThat(forged.problems()).anySatisfy(p -> assertThat(p.problem()).contains("checkpoint 2"));
    }

    /** A checkpoints file with the newest checkpoints left out: the events they sealed would pass as unsealed. */
    @Test
    void a_checkpoint_from_the_minutes_missing_from_the_checkpoints_given_is_a_problem() {
        List<EventRecord> events = history(100, 3);
        List<Checkpoint> checkpoints = sealed(events, 50, 100);
        Verifier verifier = new Verifier(checkpoints.subList(0, 1),
                Map.of(SigningKeys.keyId(key.getPublic()), key.getPublic()));
        verifier.expectCheckpoints(List.of(checkpoints.get(0).checkpointHash(), checkpoints.get(1).checkpointHash()));
        events.forEach(verifier::accept);

        Verifier.Result result = verifier.finish();

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.problem())
                .contains(checkpoints.get(1).checkpointHash()).contains("not among the checkpoints"));
    }

    @Test
    void a_part_still_shows_a_changed_event_and_one_deleted_from_a_checkpoint_inside_it() {
        List<EventRecord> events = new ArrayList<>(history(200, 7));
        List<Checkpoint> checkpoints = sealed(events, 50, 100, 150, 200);
        List<EventRecord> part = new ArrayList<>(events.subList(59, 170));
        EventRecord victim = part.get(60); // position 120
        part.set(60, new EventRecord(victim.globalIndex(), victim.aggregateType(), victim.aggregateId(),
                victim.sequenceNumber(), victim.eventId(), victim.payloadType(), victim.timeStamp(), "{\"n\":-1}",
                victim.metaData(), victim.prevHash(), victim.eventHash()));
        part.remove(70); // position 131

        Verifier.Result result = verifyPart(part, checkpoints);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).extracting(Verifier.Problem::globalPosition).contains(120L, 150L);
    }
}
