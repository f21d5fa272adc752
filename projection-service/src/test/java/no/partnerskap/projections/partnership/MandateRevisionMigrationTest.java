package no.partnerskap.projections.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import no.partnerskap.localpostgres.DatabaseBootstrap;
import no.partnerskap.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A read model from before mandate revisions were kept: the migration takes them from the revisions stored. */
class MandateRevisionMigrationTest {

    @Test
    void revisions_already_stored_are_kept_with_their_reason_and_the_mandate_they_replaced() {
        TestPostgres.Database database = TestPostgres.newDatabase();
        DataSource writer = database.as(database.commitmentUser(), database.commitmentPassword());
        Flyway.configure().dataSource(writer).locations("classpath:db/commitment-service")
                .schemas(DatabaseBootstrap.EVENT_STORE_SCHEMA).defaultSchema(DatabaseBootstrap.EVENT_STORE_SCHEMA)
                .createSchemas(false).placeholders(Map.of("projectionRole", DatabaseBootstrap.PROJECTION_ROLE))
                .load().migrate();
        DataSource reader = database.as(database.projectionUser(), database.projectionPassword());
        migrate(reader, "9");

        UUID partnership = UUID.randomUUID();
        JdbcTemplate events = new JdbcTemplate(writer);
        append(events, partnership, 0, "PartnershipEstablished", "{\"partnershipId\":\"" + partnership
                + "\",\"mandate\":\"Samordne\"}");
        // with a reason as an older version stored half a surrogate pair: a JSON escape that jsonb refuses
        append(events, partnership, 1, "MandateRevised", "{\"partnershipId\":\"" + partnership
                + "\",\"previousMandate\":\"Samordne\",\"mandate\":\"Samordne og måle\","
                + "\"reason\":\"fylkestinget \\uD800\"}");

        migrate(reader, "latest");

        Map<String, Object> revision = new JdbcTemplate(reader).queryForMap(
                "select * from projection.mandate_revision where partnership_id = ?", partnership);
        assertThat(revision).containsEntry("sequence_number", 1L).containsEntry("previous_mandate", "Samordne")
                .containsEntry("mandate", "Samordne og måle").containsEntry("reason", "fylkestinget \uFFFD");
        assertThat(((java.sql.Timestamp) revision.get("recorded_at")).toInstant())
                .isEqualTo(Instant.parse("2026-07-20T07:00:00Z"));
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/projection-service")
                .schemas("projection").defaultSchema("projection").createSchemas(false).target(target).load().migrate();
    }

    private static void append(JdbcTemplate jdbc, UUID partnership, long sequence, String event, String payload) {
        jdbc.update("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload) values (?, ?, ?, 'Partnership', '2026-07-20T07:00:00Z', ?, ?)""",
                UUID.randomUUID().toString(), partnership.toString(), sequence,
                "no.partnerskap.api.partnership.PartnershipEvent$" + event, payload.getBytes(StandardCharsets.UTF_8));
    }
}
