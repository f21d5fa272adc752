package no.partnerskap.projections.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import no.partnerskap.localpostgres.DatabaseBootstrap;
import no.partnerskap.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model built before outcomes kept their asOf: the migration takes it from the outcomes
 * already stored, so "fulfilled on time" counts them by when they were true from the upgrade on.
 */
class OutcomeAsOfMigrationTest {

    @Test
    void outcomes_already_projected_get_the_day_they_were_true() {
        TestPostgres.Database database = TestPostgres.newDatabase();
        DataSource writer = database.as(database.commitmentUser(), database.commitmentPassword());
        Flyway.configure().dataSource(writer).locations("classpath:db/commitment-service")
                .schemas(DatabaseBootstrap.EVENT_STORE_SCHEMA).defaultSchema(DatabaseBootstrap.EVENT_STORE_SCHEMA)
                .createSchemas(false).placeholders(Map.of("projectionRole", DatabaseBootstrap.PROJECTION_ROLE))
                .load().migrate();
        DataSource reader = database.as(database.projectionUser(), database.projectionPassword());
        migrate(reader, "7");

        UUID fulfilled = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        JdbcTemplate events = new JdbcTemplate(writer);
        append(events, fulfilled, 0, "CommitmentRecorded", "{\"commitmentId\":\"" + fulfilled + "\"}");
        // with text as an older version stored half a surrogate pair: a JSON escape that jsonb refuses
        append(events, fulfilled, 1, "OutcomeReported", "{\"commitmentId\":\"" + fulfilled
                + "\",\"result\":\"FULFILLED\",\"narrative\":\"levert \\uD800\",\"asOf\":\"2026-06-25\"}");
        append(events, open, 0, "CommitmentRecorded", "{\"commitmentId\":\"" + open + "\"}");
        JdbcTemplate readModel = new JdbcTemplate(reader);
        for (UUID commitment : new UUID[] {fulfilled, open}) {
            readModel.update("""
                    insert into projection.commitment_view (commitment_id, partnership_id, organisation_id, title,
                        recorded_on, original_due_date, due_date, status, closed_on, version)
                    values (?, ?, ?, 'Tiltak', '2026-01-05', '2026-06-30', '2026-06-30', ?, ?, 1)""",
                    commitment, UUID.randomUUID(), UUID.randomUUID(), commitment == open ? "ACTIVE" : "FULFILLED",
                    commitment == open ? null : LocalDate.of(2026, 7, 20));
        }

        migrate(reader, "latest");

        assertThat(readModel.queryForObject("select outcome_as_of from projection.commitment_view where commitment_id = ?",
                LocalDate.class, fulfilled)).isEqualTo(LocalDate.of(2026, 6, 25));
        assertThat(readModel.queryForObject("select outcome_as_of from projection.commitment_view where commitment_id = ?",
                LocalDate.class, open)).isNull();
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/projection-service")
                .schemas("projection").defaultSchema("projection").createSchemas(false).target(target).load().migrate();
    }

    private static void append(JdbcTemplate jdbc, UUID commitment, long sequence, String event, String payload) {
        jdbc.update("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload) values (?, ?, ?, 'Commitment', '2026-07-20T07:00:00Z', ?, ?)""",
                UUID.randomUUID().toString(), commitment.toString(), sequence,
                "no.partnerskap.api.commitment.CommitmentEvent$" + event, payload.getBytes(StandardCharsets.UTF_8));
    }
}
