package no.partnerskap.projections.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import no.partnerskap.projections.support.OlderReadModel;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model built before open follow-up requests kept the day they asked an answer by: the upgrade takes
 * it from the requests already projected, the latest since the partner last reported that named one.
 */
class RespondByMigrationTest {

    @Test
    void open_requests_get_the_day_they_asked_an_answer_by() {
        OlderReadModel older = new OlderReadModel("10");
        JdbcTemplate readModel = older.readModel();
        UUID reminded = commitment(readModel, LocalDate.of(2026, 5, 1));
        request(readModel, reminded, 1, LocalDate.of(2026, 5, 15));
        request(readModel, reminded, 2, null);
        UUID askedAgain = commitment(readModel, LocalDate.of(2026, 3, 1));
        request(readModel, askedAgain, 1, LocalDate.of(2026, 3, 15));
        entry(readModel, askedAgain, 2, "PROGRESS");
        request(readModel, askedAgain, 3, null);
        UUID answered = commitment(readModel, null);
        request(readModel, answered, 1, LocalDate.of(2026, 3, 15));
        entry(readModel, answered, 2, "MILESTONE_COMPLETED");

        older.upgrade();

        assertThat(respondBy(readModel, reminded)).isEqualTo(LocalDate.of(2026, 5, 15));
        // the day belonged to a request answered since
        assertThat(respondBy(readModel, askedAgain)).isNull();
        assertThat(respondBy(readModel, answered)).isNull();
    }

    private static UUID commitment(JdbcTemplate readModel, LocalDate openSince) {
        UUID id = UUID.randomUUID();
        readModel.update("""
                insert into projection.commitment_view (commitment_id, partnership_id, organisation_id, title,
                    recorded_on, original_due_date, due_date, status, open_follow_up_since, version)
                values (?, ?, ?, 'Tiltak', '2026-01-05', '2026-06-30', '2026-06-30', 'ACTIVE', ?, 1)""",
                id, UUID.randomUUID(), UUID.randomUUID(), openSince);
        entry(readModel, id, 0, "RECORDED");
        return id;
    }

    private static void request(JdbcTemplate readModel, UUID commitment, long sequence, LocalDate respondBy) {
        readModel.update("""
                insert into projection.commitment_entry (commitment_id, sequence_number, kind, recorded_at, due_date)
                values (?, ?, 'FOLLOW_UP_REQUESTED', now(), ?)""", commitment, sequence, respondBy);
    }

    private static void entry(JdbcTemplate readModel, UUID commitment, long sequence, String kind) {
        readModel.update("""
                insert into projection.commitment_entry (commitment_id, sequence_number, kind, recorded_at)
                values (?, ?, ?, now())""", commitment, sequence, kind);
    }

    private static LocalDate respondBy(JdbcTemplate readModel, UUID commitment) {
        return readModel.queryForObject("""
                select open_follow_up_respond_by from projection.commitment_view where commitment_id = ?""",
                LocalDate.class, commitment);
    }
}
