package no.partnerskap.projections.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import no.partnerskap.projections.support.OlderReadModel;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model built before outcomes kept their asOf: the migration takes it from the outcomes
 * already stored, so "fulfilled on time" counts them by when they were true from the upgrade on.
 */
class OutcomeAsOfMigrationTest {

    private static final String EVENT = "no.partnerskap.api.commitment.CommitmentEvent$";

    @Test
    void outcomes_already_projected_get_the_day_they_were_true() {
        OlderReadModel older = new OlderReadModel("7");
        UUID fulfilled = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        older.append("Commitment", fulfilled, 0, EVENT + "CommitmentRecorded", "{\"commitmentId\":\"" + fulfilled
                + "\"}");
        // with text as an older version stored half a surrogate pair: a JSON escape that jsonb refuses
        older.append("Commitment", fulfilled, 1, EVENT + "OutcomeReported", "{\"commitmentId\":\"" + fulfilled
                + "\",\"result\":\"FULFILLED\",\"narrative\":\"levert \\uD800\",\"asOf\":\"2026-06-25\"}");
        older.append("Commitment", open, 0, EVENT + "CommitmentRecorded", "{\"commitmentId\":\"" + open + "\"}");
        JdbcTemplate readModel = older.readModel();
        for (UUID commitment : new UUID[] {fulfilled, open}) {
            readModel.update("""
                    insert into projection.commitment_view (commitment_id, partnership_id, organisation_id, title,
                        recorded_on, original_due_date, due_date, status, closed_on, version)
                    values (?, ?, ?, 'Tiltak', '2026-01-05', '2026-06-30', '2026-06-30', ?, ?, 1)""",
                    commitment, UUID.randomUUID(), UUID.randomUUID(), commitment == open ? "ACTIVE" : "FULFILLED",
                    commitment == open ? null : LocalDate.of(2026, 7, 20));
        }

        older.upgrade();

        assertThat(readModel.queryForObject("select outcome_as_of from projection.commitment_view where commitment_id = ?",
                LocalDate.class, fulfilled)).isEqualTo(LocalDate.of(2026, 6, 25));
        assertThat(readModel.queryForObject("select outcome_as_of from projection.commitment_view where commitment_id = ?",
                LocalDate.class, open)).isNull();
    }
}
