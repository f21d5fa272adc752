package no.partnerskap.projections.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.audit.Checkpoint;
import no.partnerskap.audit.EventRecord;
import no.partnerskap.audit.Hashes;
import no.partnerskap.audit.MerkleTree;
import no.partnerskap.audit.SigningKeys;
import no.partnerskap.audit.Verifier;
import no.partnerskap.audit.VerifierCli;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator tampers with the real database through SQL, bypassing the append-only
 * triggers; the online verifier (GET /api/audit/verify) and the auditor's offline verifier
 * (on an export and the checkpoints kept outside) both find it and name the event.
 */
@ProjectionServiceTest
// a database of its own: the other test classes must never see a tampered history. Undoing a test's
// tampering deletes the events it appended; one no processor had read yet (the forged event stops them)
// leaves a gap below the next test's events, which holds back the council report's default position
// until the processors stop waiting for it: after 2 s here, so that no test depends on the one before
// (the checkpoint witness looks only when a test asks it to)
@org.springframework.test.context.TestPropertySource(properties = {"spring.datasource.hikari.pool-name=tamper",
        "partnerships.projection.gap-timeout=2s", "partnerships.audit.witness-interval=1h"})
class TamperEvidenceTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestPostgres.Database database;
    @Autowired
    CheckpointWitness witness;

    static final KeyPair key = SigningKeys.generate();
    Api api;
    String auditor;
    JdbcTemplate admin;
    Path folder;

    @BeforeEach
    void aSealedHistory() throws Exception {
        api = Api.onPort(port);
        auditor = tokens.token("revisor", null, "AUDITOR");
        admin = new JdbcTemplate(database.superuser());
        folder = Files.createTempDirectory("tamper");
        UUID org = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        events.append(new OrganisationRegistered(org, "Org", "821311632", Sector.OTHER),
                new CommitmentRecorded(commitment, UUID.randomUUID(), org, "C", "d", List.of(), List.of(),
                        LocalDate.of(2030, 1, 1), LocalDate.of(2026, 1, 1)));
        for (int i = 1; i <= 6; i++) {
            events.append(new ProgressReported(commitment, UUID.randomUUID(), org, i * 10, "n" + i, List.of(),
                    LocalDate.of(2026, 1, i)));
            if (i == 3) {
                seal(); // two checkpoints at least, the second chained to the first
            }
        }
        seal();
        assertThat(online().valid()).as("untouched store").isTrue();
        // the tests share one database: keep the untouched history to put back afterwards
        TestPostgres.execute(database, "create table public.untouched_events as table event_store.domain_event_entry;"
                + "create table public.untouched_checkpoints as table event_store.checkpoint;"
                + "create table public.untouched_keys as table event_store.signing_key");
    }

    @AfterEach
    void undoTheTampering() {
        TestPostgres.execute(database, """
                set session_replication_role = replica;
                delete from event_store.domain_event_entry;
                insert into event_store.domain_event_entry select * from public.untouched_events;
                drop table public.untouched_events;
                delete from event_store.checkpoint;
                insert into event_store.checkpoint select * from public.untouched_checkpoints;
                drop table public.untouched_checkpoints;
                delete from event_store.signing_key;
                insert into event_store.signing_key select * from public.untouched_keys;
                drop table public.untouched_keys;
                delete from projection.checkpoint_witness""");
    }

    @Test
    void an_untouched_store_verifies_clean_online_and_offline() throws Exception {
        Verifier.Result online = online();
        assertThat(online.problems()).isEmpty();
        assertThat(online.unsealed()).isEmpty();
        Verifier.Result offline = offline();
        assertThat(offline.valid()).isTrue();
        assertThat(offline.eventsChecked()).isEqualTo(online.eventsChecked()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void the_printed_council_report_carries_the_checkpoint_for_the_minutes_and_says_what_is_not_sealed() {
        String secretariat = tokens.token("s", null, "SECRETARIAT");
        assertThat(admin.queryForObject("select count(*) from event_store.checkpoint", Long.class)).isGreaterThan(1);
        Map<String, Object> latest = admin.queryForMap(
                "select number, to_position, checkpoint_hash from event_store.checkpoint order by number desc limit 1");
        // by default the report is built from what every projection has processed: once that reaches the seal
        long sealedTo = ((Number) latest.get("to_position")).longValue();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> Long.parseLong(
                api.get("/api/reports/council?year=2026", secretariat).header("X-Event-Position")) >= sealedTo);

        String sealed = api.get("/api/reports/council?year=2026", secretariat, "Accept", "text/html",
                "Accept-Language", "en").raw().body();
        assertThat(sealed).contains("<code>" + latest.get("checkpoint_hash") + "</code>")
                .contains("the history up to position " + latest.get("to_position"))
                .doesNotContain("class=\"unsealed\"");
        // when it was sealed, as the reader's clock says, like when the report was built (the signed text in the title)
        assertThat(sealed).containsPattern("<td title=\"[0-9T:.-]+Z\">[A-Z][a-z]+ \\d{1,2}, \\d{4}, \\d{2}:\\d{2}:\\d{2} [A-Z]+</td>")
                .containsPattern("<span id=\"builtAt\">[A-Z][a-z]+ \\d{1,2}, \\d{4}, \\d{2}:\\d{2}:\\d{2} [A-Z]+</span>");
        // the JSON carries the latest checkpoint only: it chains to all before it
        JsonNode json = api.get("/api/reports/council?year=2026", secretariat).body().path("checkpoints");
        assertThat(json).hasSize(1);
        assertThat(json.get(0).path("number").asLong()).isEqualTo(((Number) latest.get("number")).longValue());
        assertThat(json.get(0).path("checkpointHash").asText()).isEqualTo(latest.get("checkpoint_hash"));

        events.append(new OrganisationRegistered(UUID.randomUUID(), "Senere AS", "923609016", Sector.BUSINESS));
        long head = admin.queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class);
        String later = api.get("/api/reports/council?year=2026&position=" + head, secretariat, "Accept", "text/html",
                "Accept-Language", "nb").raw().body();
        assertThat(later).contains("<code>" + latest.get("checkpoint_hash") + "</code>")
                .contains("Hendelsene etter posisjon " + latest.get("to_position") + ", fram til denne rapportens "
                        + "posisjon " + head + ", er ikke forseglet ennå.");

        // sealed, and printed again: the same report, now with the checkpoint that seals it
        seal();
        String newest = admin.queryForObject(
                "select checkpoint_hash from event_store.checkpoint order by number desc limit 1", String.class);
        String resealed = api.get("/api/reports/council?year=2026&position=" + head, secretariat, "Accept",
                "text/html", "Accept-Language", "nb").raw().body();
        assertThat(resealed).contains("<code>" + newest + "</code>").doesNotContain("class=\"unsealed\"");
    }

    @Test
    void one_changed_byte_of_a_payload_is_found() throws Exception {
        EventRecord victim = stored().get(stored().size() - 3);
        tamper("update event_store.domain_event_entry set payload = overlay(payload placing '#'::bytea from 2 for 1) "
                + "where global_index = " + victim.globalIndex());
        assertNamed(online(), victim);
        assertNamed(offline(), victim);
        // its inclusion proof still leads from the stored hash to the root, and says the event no longer gives it
        JsonNode proof = api.get("/api/audit/events/" + victim.globalIndex() + "/proof", auditor).body();
        assertThat(proof.path("hashMatches").isBoolean()).isTrue();
        assertThat(proof.path("hashMatches").asBoolean()).isFalse();
        assertThat(api.get("/api/audit/events/" + (victim.globalIndex() + 1) + "/proof", auditor).body()
                .path("hashMatches").asBoolean()).isTrue();
    }

    /** An auditor reading a commitment's history sees which event no longer gives the hash stored with it. */
    @Test
    void an_audit_read_marks_the_changed_event() {
        EventRecord victim = stored().get(stored().size() - 3);
        tamper("update event_store.domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"n', '\"N'), 'UTF8') where global_index = " + victim.globalIndex());

        JsonNode history = api.get("/api/audit/commitment/" + victim.aggregateId() + "/events", auditor).body()
                .path("events");
        assertThat(history).hasSizeGreaterThanOrEqualTo(7);
        history.forEach(event -> assertThat(event.path("hashMatches").asBoolean())
                .as("event at " + event.path("globalPosition"))
                .isEqualTo(event.path("globalPosition").asLong() != victim.globalIndex()));
        assertThat(history.findValues("hashMatches")).allMatch(JsonNode::isBoolean);
    }

    @Test
    void metadata_broken_into_something_that_is_not_json_is_found() throws Exception {
        EventRecord victim = stored().get(3);
        tamper("update event_store.domain_event_entry set meta_data = convert_to('{\"subject\":', 'UTF8') "
                + "where global_index = " + victim.globalIndex());
        assertNamed(online(), victim);
        assertNamed(offline(), victim);
    }

    @Test
    void a_deleted_event_is_found() throws Exception {
        List<EventRecord> all = stored();
        EventRecord deleted = all.get(all.size() - 4);
        tamper("delete from event_store.domain_event_entry where global_index = " + deleted.globalIndex());
        for (Verifier.Result result : List.of(online(), offline())) {
            assertThat(result.valid()).isFalse();
            // the aggregate's next event no longer follows on: named by aggregate and sequence number
            assertThat(result.problems()).anySatisfy(p -> {
                assertThat(p.aggregateId()).isEqualTo(deleted.aggregateId());
                assertThat(p.sequenceNumber()).isEqualTo(deleted.sequenceNumber() + 1);
            });
            assertThat(result.problems()).anySatisfy(p -> assertThat(p.problem()).contains("deleted or inserted"));
        }
    }

    @Test
    void two_swapped_payloads_are_found() throws Exception {
        List<EventRecord> all = stored();
        EventRecord a = all.get(all.size() - 2);
        EventRecord b = all.get(all.size() - 1);
        tamper("update event_store.domain_event_entry e set payload = o.payload from event_store.domain_event_entry o "
                + "where (e.global_index, o.global_index) in ((" + a.globalIndex() + ", " + b.globalIndex() + "), ("
                + b.globalIndex() + ", " + a.globalIndex() + "))");
        for (Verifier.Result result : List.of(online(), offline())) {
            assertNamed(result, a);
            assertNamed(result, b);
        }
    }

    @Test
    void a_forged_event_with_a_recomputed_chain_is_reported_unsealed_not_verified() throws Exception {
        EventRecord last = stored().get(stored().size() - 1);
        // the append trigger itself computes a perfect chain for the forger
        tamper("insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                + "type, time_stamp, payload_type, payload, meta_data) values ('forged', '" + last.aggregateId() + "', "
                + (last.sequenceNumber() + 1) + ", 'Commitment', '2026-02-01T00:00:00Z', '" + last.payloadType()
                + "', convert_to('{\"percentComplete\":100}', 'UTF8'), null)", false);
        long forged = admin.queryForObject(
                "select global_index from event_store.domain_event_entry where event_identifier = 'forged'", Long.class);
        for (Verifier.Result result : List.of(online(), offline())) {
            assertThat(result.problems()).isEmpty();
            assertThat(result.unsealed()).singleElement().satisfies(p -> {
                assertThat(p.globalPosition()).isEqualTo(forged);
                assertThat(p.aggregateId()).isEqualTo(last.aggregateId());
            });
        }
        // an inclusion proof exists for sealed events only
        Api.Response unsealed = api.get("/api/audit/events/" + forged + "/proof", auditor);
        assertThat(unsealed.status()).isEqualTo(409);
        assertThat(unsealed.text("type")).isEqualTo("urn:partnerships:audit:not-sealed");
        JsonNode proof = api.get("/api/audit/events/" + last.globalIndex() + "/proof", auditor).body();
        List<byte[]> path = java.util.stream.StreamSupport.stream(proof.path("path").spliterator(), false)
                .map(n -> Hashes.unhex(n.asText())).toList();
        assertThat(MerkleTree.verifyInclusion(Hashes.unhex(last.eventHash()), proof.path("leafIndex").asLong(),
                proof.path("treeSize").asLong(), path, Hashes.unhex(proof.path("checkpoint").path("merkleRoot")
                        .asText()))).isTrue();
    }

    /**
     * Every checkpoint re-sealed by a key the forger added to the published ones: the store agrees with itself,
     * and only the checkpoints projection-service saw before show it.
     */
    @Test
    void checkpoints_re_signed_with_a_key_added_for_them_differ_from_those_seen_before() {
        witness.witness();
        long newest = admin.queryForObject("select max(number) from event_store.checkpoint", Long.class);
        tamper("delete from event_store.checkpoint");
        KeyPair forger = SigningKeys.generate();
        seal(forger, "2026-03-02T00:00:00Z");

        Verifier.Result online = online();
        assertThat(online.valid()).isFalse();
        assertThat(online.problems()).extracting(Verifier.Problem::problem)
                .allSatisfy(p -> assertThat(p).contains(", seen by projection-service at "))
                .anySatisfy(p -> assertThat(p).startsWith("checkpoint 1, ").endsWith(": the checkpoint was replaced"))
                .anySatisfy(p -> assertThat(p).startsWith("checkpoint " + newest + ", ")
                        .endsWith("is no longer stored: checkpoints were removed"));
    }

    /** The newest checkpoints deleted: the online check, reading the store it checks, did not miss what was gone. */
    @Test
    void the_newest_checkpoint_deleted_after_it_was_seen_is_missed() {
        witness.witness();
        long newest = admin.queryForObject("select max(number) from event_store.checkpoint", Long.class);
        tamper("delete from event_store.checkpoint where number = " + newest);

        assertThat(online().problems()).extracting(Verifier.Problem::problem).singleElement()
                .satisfies(p -> assertThat(p).startsWith("checkpoint " + newest + ", seen by projection-service at ")
                        .endsWith("is no longer stored: checkpoints were removed"));
    }

    @Test
    void a_public_key_swapped_after_it_was_seen_is_found() {
        witness.witness();
        String keyId = SigningKeys.keyId(key.getPublic());
        tamper("update event_store.signing_key set public_key = '"
                + SigningKeys.publicPem(SigningKeys.generate().getPublic()) + "' where key_id = '" + keyId + "'");

        assertThat(online().problems()).extracting(Verifier.Problem::problem)
                .anySatisfy(p -> assertThat(p).endsWith(": the public key of signing key " + keyId
                        + " is not the one it was signed with then: the key was replaced"));
        // what this service saw is kept by its own role, append-only too
        assertThatThrownBy(() -> new JdbcTemplate(database.as(database.projectionUser(), database.projectionPassword()))
                .update("delete from projection.checkpoint_witness")).rootCause().hasMessageContaining("append-only");
    }

    /**
     * The newest events deleted after the read models took them (or a database restored from a backup older than
     * the read models): the store agrees with itself, but the read models hold what it no longer does.
     */
    @Test
    void read_models_past_the_store_head_are_shown_ahead_of_it() {
        EventRecord last = stored().get(stored().size() - 1);
        assertThat(api.get("/api/commitments/" + last.aggregateId() + "?minVersion=" + last.sequenceNumber(), auditor)
                .status()).isEqualTo(200);
        JsonNode before = commitmentsProcessor();
        assertThat(before.path("aheadOfStore").asBoolean()).isFalse();

        tamper("delete from event_store.domain_event_entry where global_index > " + (last.globalIndex() - 2));

        JsonNode after = commitmentsProcessor();
        assertThat(after.path("aheadOfStore").asBoolean()).isTrue();
        assertThat(after.path("caughtUp").asBoolean()).isFalse();
        assertThat(after.path("head").asLong()).isEqualTo(last.globalIndex() - 2);
    }

    private JsonNode commitmentsProcessor() {
        for (JsonNode processor : api.get("/admin/projections", auditor).body()) {
            if (processor.path("name").asText().equals("commitments")) {
                return processor;
            }
        }
        throw new AssertionError("no commitments processor");
    }

    @Test
    void verification_is_for_auditors_and_the_secretariat() {
        assertThat(api.get("/api/audit/verify", tokens.token("v", null, "VIEWER")).status()).isEqualTo(403);
        assertThat(api.get("/api/audit/verify", null).status()).isEqualTo(401);
        assertThat(api.get("/api/audit/checkpoints", tokens.token("s", null, "SECRETARIAT")).status()).isEqualTo(200);
    }

    private void assertNamed(Verifier.Result result, EventRecord event) {
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.globalPosition()).isEqualTo(event.globalIndex());
            assertThat(p.aggregateId()).isEqualTo(event.aggregateId());
            assertThat(p.sequenceNumber()).isEqualTo(event.sequenceNumber());
        });
    }

    private void tamper(String sql) {
        tamper(sql, true);
    }

    /** As the database's superuser; with {@code bypassTriggers}, as one who turned them off. */
    private void tamper(String sql, boolean bypassTriggers) {
        TestPostgres.execute(database, (bypassTriggers ? "set session_replication_role = replica; " : "") + sql);
    }

    private Verifier.Result online() {
        Api.Response response = api.get("/api/audit/verify", auditor);
        assertThat(response.status()).isEqualTo(200);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().treeToValue(response.body(), Verifier.Result.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The auditor's way: an export, the checkpoints from the minutes, the published key, the CLI. */
    private Verifier.Result offline() throws Exception {
        Path export = folder.resolve("events.jsonl");
        Files.writeString(export, api.get("/api/audit/export", auditor).raw().body());
        Path checkpoints = folder.resolve("checkpoints.json");
        Files.writeString(checkpoints, api.get("/api/audit/checkpoints", auditor).raw().body());
        Path publicKey = folder.resolve("key.pem");
        Files.writeString(publicKey, SigningKeys.publicPem(key.getPublic()));
        return VerifierCli.verify(export, checkpoints, List.of(publicKey));
    }

    private List<EventRecord> stored() {
        return admin.query("select * from event_store.domain_event_entry order by global_index",
                (rs, n) -> new EventRecord(rs.getLong("global_index"), rs.getString("type"),
                        rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                        rs.getString("event_identifier"), rs.getString("payload_type"), rs.getString("time_stamp"),
                        new String(rs.getBytes("payload"), java.nio.charset.StandardCharsets.UTF_8), null,
                        Hashes.hex(rs.getBytes("prev_hash")), Hashes.hex(rs.getBytes("event_hash"))));
    }

    /** Seals everything stored so far, as commitment-service's sealer does. */
    private void seal() {
        seal(key, "2026-03-01T00:00:00Z");
    }

    /** Seals what no checkpoint seals yet, as commitment-service's role can, publishing the key. */
    private void seal(KeyPair key, String sealedAt) {
        JdbcTemplate owner = new JdbcTemplate(database.as(database.commitmentUser(), database.commitmentPassword()));
        owner.update("insert into event_store.signing_key (key_id, public_key) values (?, ?) on conflict do nothing",
                SigningKeys.keyId(key.getPublic()), SigningKeys.publicPem(key.getPublic()));
        List<Map<String, Object>> last = owner.queryForList(
                "select * from event_store.checkpoint order by number desc limit 1");
        long from = last.isEmpty() ? 0 : ((Number) last.get(0).get("to_position")).longValue();
        long number = last.isEmpty() ? 1 : ((Number) last.get(0).get("number")).longValue() + 1;
        String previous = last.isEmpty() ? Hashes.hex(Hashes.GENESIS) : (String) last.get(0).get("checkpoint_hash");
        List<Map<String, Object>> rows = owner.queryForList("""
                select global_index, event_hash from event_store.domain_event_entry where global_index > ?
                order by global_index""", from);
        long to = ((Number) rows.get(rows.size() - 1).get("global_index")).longValue();
        List<byte[]> leaves = rows.stream().map(r -> (byte[]) r.get("event_hash")).toList();
        String root = Hashes.hex(MerkleTree.root(leaves));
        String keyId = SigningKeys.keyId(key.getPublic());
        byte[] hash = Checkpoint.hash(number, from, to, leaves.size(), root, previous, sealedAt, keyId);
        owner.update("""
                insert into event_store.checkpoint (number, from_position, to_position, event_count, merkle_root,
                    previous_hash, sealed_at, key_id, checkpoint_hash, signature) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                number, from, to, leaves.size(), root, previous, sealedAt, keyId, Hashes.hex(hash),
                SigningKeys.sign(key.getPrivate(), hash));
        assertThat(BigDecimal.valueOf(leaves.size())).isPositive();
    }
}
