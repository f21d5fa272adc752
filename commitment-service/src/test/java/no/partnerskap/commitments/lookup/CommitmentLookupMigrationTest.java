package no.partnerskap.commitments.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import no.partnerskap.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A store that already holds commitments when the commitment lookup arrives: the migration fills it
 * from the events, so a partnership with open commitments cannot conclude after the upgrade either.
 */
class CommitmentLookupMigrationTest {

    private static final String EVENT = "no.partnerskap.api.commitment.CommitmentEvent$";

    @Test
    void the_lookup_starts_with_every_commitment_recorded_before_it_open_unless_ended() {
        DataSource service = olderStore("4");
        JdbcTemplate jdbc = new JdbcTemplate(service);

        UUID partnership = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        UUID fulfilled = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        append(jdbc, open, 0, "CommitmentRecorded", partnership);
        append(jdbc, open, 1, "ProgressReported", partnership);
        append(jdbc, fulfilled, 0, "CommitmentRecorded", partnership);
        append(jdbc, fulfilled, 1, "OutcomeReported", partnership);
        append(jdbc, withdrawn, 0, "CommitmentRecorded", partnership);
        append(jdbc, withdrawn, 1, "CommitmentWithdrawn", partnership);
        append(jdbc, elsewhere, 0, "CommitmentRecorded", other);

        migrate(service, "latest");

        List<String> rows = jdbc.query("select commitment_id, partnership_id, open from event_store.commitment_lookup",
                (rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3));
        assertThat(rows).containsExactlyInAnyOrder(open + " " + partnership + " true",
                fulfilled + " " + partnership + " false", withdrawn + " " + partnership + " false",
                elsewhere + " " + other + " true");
        assertThat(new CommandSideLookups(jdbc).openCommitments(partnership)).containsExactly(open);
    }

    /** Networks established before the lookup kept their parent: the migration takes it from their events. */
    @Test
    void networks_established_before_know_their_strategic_partnership() {
        DataSource service = olderStore("5");
        JdbcTemplate jdbc = new JdbcTemplate(service);
        UUID strategic = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        for (UUID id : new UUID[] {strategic, network}) {
            boolean isNetwork = id == network;
            String payload = "{\"partnershipId\":\"" + id + "\",\"name\":\"halv\\uD800vei\",\"kind\":\""
                    + (isNetwork ? "THEMATIC_NETWORK" : "STRATEGIC") + "\",\"parentPartnershipId\":"
                    + (isNetwork ? "\"" + strategic + "\"" : "null") + "}";
            store(jdbc, "Partnership", id, 0, "no.partnerskap.api.partnership.PartnershipEvent$PartnershipEstablished",
                    payload);
            // as the lookup recorded them then: without a parent
            jdbc.update("insert into event_store.partnership_lookup (partnership_id, kind) values (?, ?)", id,
                    isNetwork ? "THEMATIC_NETWORK" : "STRATEGIC");
        }

        migrate(service, "latest");

        assertThat(new CommandSideLookups(jdbc).openNetworks(strategic)).containsExactly(network);
        assertThat(new CommandSideLookups(jdbc).openNetworks(network)).isEmpty();
    }

    /** A fresh store, migrated as far as an older version took it. */
    private static DataSource olderStore(String version) {
        TestPostgres.Database database = TestPostgres.newDatabase();
        DataSource service = database.as(database.commitmentUser(), database.commitmentPassword());
        migrate(service, version);
        return service;
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/commitment-service")
                .schemas("event_store").defaultSchema("event_store").createSchemas(false)
                .placeholders(Map.of("projectionRole", "projection_service")).target(target).load().migrate();
    }

    private static void append(JdbcTemplate jdbc, UUID commitment, long sequence, String event, UUID partnership) {
        // with text as an older version stored half a surrogate pair: a JSON escape that jsonb refuses
        String payload = "{\"commitmentId\":\"" + commitment + "\",\"partnershipId\":\"" + partnership
                + "\",\"title\":\"halv\\uD800vei\"}";
        store(jdbc, "Commitment", commitment, sequence, EVENT + event, payload);
    }

    /** Stores an event as commitment-service does, its payload given as the JSON text stored. */
    private static void store(JdbcTemplate jdbc, String aggregateType, UUID aggregate, long sequence,
                              String payloadType, String payload) {
        jdbc.update("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload) values (?, ?, ?, ?, '2026-11-29T12:00:00Z', ?, ?)""",
                UUID.randomUUID().toString(), aggregate.toString(), sequence, aggregateType, payloadType,
                payload.getBytes(StandardCharsets.UTF_8));
    }
}
