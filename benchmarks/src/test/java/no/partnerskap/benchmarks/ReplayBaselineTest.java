package no.partnerskap.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.OutcomeReported;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import no.partnerskap.api.commitment.OutcomeResult;
import no.partnerskap.api.commitment.Resource;
import no.partnerskap.api.commitment.ResourceKind;
import no.partnerskap.api.common.EventJson;
import no.partnerskap.localpostgres.DatabaseBootstrap;
import no.partnerskap.localpostgres.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Baseline (b) writes what the projectors would write for the same events, in its own copies of their tables. */
class ReplayBaselineTest {

    static LocalPostgres postgres;
    static DataSource database;
    static final ObjectMapper json = EventJson.newMapper();
    static final UUID commitment = UUID.randomUUID();
    static long head;

    @BeforeAll
    static void aCommitmentRecordedReportedAndClosed() throws Exception {
        postgres = LocalPostgres.startForTests();
        DatabaseBootstrap.apply(postgres.superuser("postgres"), postgres::superuser, DatabaseBootstrap.DATABASE,
                "c", "p");
        database = postgres.superuser(DatabaseBootstrap.DATABASE);
        migrate("db/commitment-service", DatabaseBootstrap.EVENT_STORE_SCHEMA);
        migrate("db/projection-service", DatabaseBootstrap.PROJECTION_SCHEMA);
        UUID partnership = UUID.randomUUID();
        UUID organisation = UUID.randomUUID();
        append(0, new CommitmentRecorded(commitment, partnership, organisation, "Bike lanes", "10 km",
                List.of(UUID.randomUUID()), List.of(new Resource(ResourceKind.IN_KIND, BigDecimal.TEN, "km")),
                LocalDate.parse("2027-06-30"), LocalDate.parse("2026-01-15")), "kari");
        append(1, new ProgressReported(commitment, partnership, organisation, 40, "4 km built", List.of("photo"),
                LocalDate.parse("2026-05-01")), "ola");
        append(2, new OutcomeReported(commitment, partnership, organisation, OutcomeResult.FULFILLED, "done",
                List.of(), List.of(), LocalDate.parse("2026-11-01")), "ola");
        head = Long.parseLong(rows("select max(global_index) from event_store.domain_event_entry").get(0));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void a_commitment_gets_its_row_and_its_timeline_entries() throws Exception {
        assertEquals(3, new ReplayBaseline(database).run(head, ReplayBaseline.Rows.AS_PROJECTORS));

        assertEquals(List.of("Bike lanes FULFILLED 40 2"), rows("select title || ' ' || status || ' ' || latest_percent "
                + "|| ' ' || version from bench.commitment_view where commitment_id = '" + commitment + "'"));
        assertEquals(List.of("0 CommitmentRecorded kari", "1 ProgressReported ola", "2 OutcomeReported ola"),
                rows("select sequence_number || ' ' || kind || ' ' || recorded_by from bench.commitment_entry "
                        + "where commitment_id = '" + commitment + "' order by sequence_number"));
    }

    @Test
    void the_narrow_form_counts_each_aggregate_s_events_in_one_row() throws Exception {
        assertEquals(3, new ReplayBaseline(database).run(head, ReplayBaseline.Rows.ONE_PER_AGGREGATE));

        assertEquals(List.of("3 2 OutcomeReported"), rows("select events || ' ' || last_sequence || ' ' || last_event "
                + "from bench.aggregate_view where aggregate_id = '" + commitment + "'"));
    }

    /** The first column of each row, as text. */
    private static List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    private static void migrate(String location, String schema) {
        Flyway.configure().dataSource(database).locations("classpath:" + location).schemas(schema)
                .defaultSchema(schema).createSchemas(false)
                .placeholders(Map.of("projectionRole", DatabaseBootstrap.PROJECTION_ROLE))
                .load().migrate();
    }

    /** As commitment-service appends: the hash-chain trigger fills in the hashes. */
    private static void append(long sequence, Object event, String subject) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload, meta_data)
                values (?, ?, ?, 'Commitment', ?, ?, ?, ?)""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, commitment.toString());
            insert.setLong(3, sequence);
            insert.setString(4, Instant.parse("2026-11-01T10:00:00Z").plusSeconds(sequence).toString());
            insert.setString(5, event.getClass().getName());
            insert.setBytes(6, json.writeValueAsBytes(event));
            insert.setBytes(7, json.writeValueAsBytes(Map.of("subject", subject)));
            insert.executeUpdate();
        }
    }
}
