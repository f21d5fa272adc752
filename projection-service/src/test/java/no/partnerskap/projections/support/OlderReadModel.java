package no.partnerskap.projections.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import no.partnerskap.localpostgres.DatabaseBootstrap;
import no.partnerskap.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh database with the event store and the read model as an older version left it, for testing
 * how a migration fills what the older version did not keep from the events already stored.
 */
public final class OlderReadModel {

    private final DataSource writer;
    private final DataSource reader;

    /** The event store at its latest version, the read model at {@code version}. */
    public OlderReadModel(String version) {
        TestPostgres.Database database = TestPostgres.newDatabase();
        writer = database.as(database.commitmentUser(), database.commitmentPassword());
        Flyway.configure().dataSource(writer).locations("classpath:db/commitment-service")
                .schemas(DatabaseBootstrap.EVENT_STORE_SCHEMA).defaultSchema(DatabaseBootstrap.EVENT_STORE_SCHEMA)
                .createSchemas(false).placeholders(Map.of("projectionRole", DatabaseBootstrap.PROJECTION_ROLE))
                .load().migrate();
        reader = database.as(database.projectionUser(), database.projectionPassword());
        migrate(version);
    }

    /** Stores an event as commitment-service does, its payload given as the JSON text stored. */
    public void append(String aggregateType, UUID aggregate, long sequence, String payloadType, String payload) {
        new JdbcTemplate(writer).update("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload) values (?, ?, ?, ?, '2026-07-20T07:00:00Z', ?, ?)""",
                UUID.randomUUID().toString(), aggregate.toString(), sequence, aggregateType, payloadType,
                payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The read model as projection-service reads it. */
    public JdbcTemplate readModel() {
        return new JdbcTemplate(reader);
    }

    /** Upgrades the read model, as projection-service does when it starts. */
    public void upgrade() {
        migrate("latest");
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(reader).locations("classpath:db/projection-service")
                .schemas("projection").defaultSchema("projection").createSchemas(false).target(target).load().migrate();
    }
}
