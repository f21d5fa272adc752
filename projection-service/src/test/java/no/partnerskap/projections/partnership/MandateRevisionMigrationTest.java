package no.partnerskap.projections.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import no.partnerskap.projections.support.OlderReadModel;
import org.junit.jupiter.api.Test;

/** A read model from before mandate revisions were kept: the migration takes them from the revisions stored. */
class MandateRevisionMigrationTest {

    private static final String EVENT = "no.partnerskap.api.partnership.PartnershipEvent$";

    @Test
    void revisions_already_stored_are_kept_with_their_reason_and_the_mandate_they_replaced() {
        OlderReadModel older = new OlderReadModel("9");
        UUID partnership = UUID.randomUUID();
        older.append("Partnership", partnership, 0, EVENT + "PartnershipEstablished", "{\"partnershipId\":\""
                + partnership + "\",\"mandate\":\"Samordne\"}");
        // with a reason as an older version stored half a surrogate pair: a JSON escape that jsonb refuses
        older.append("Partnership", partnership, 1, EVENT + "MandateRevised", "{\"partnershipId\":\"" + partnership
                + "\",\"previousMandate\":\"Samordne\",\"mandate\":\"Samordne og måle\","
                + "\"reason\":\"fylkestinget \\uD800\"}");

        older.upgrade();

        Map<String, Object> revision = older.readModel().queryForMap(
                "select * from projection.mandate_revision where partnership_id = ?", partnership);
        assertThat(revision).containsEntry("sequence_number", 1L).containsEntry("previous_mandate", "Samordne")
                .containsEntry("mandate", "Samordne og måle").containsEntry("reason", "fylkestinget \uFFFD");
        assertThat(((java.sql.Timestamp) revision.get("recorded_at")).toInstant())
                .isEqualTo(Instant.parse("2026-07-20T07:00:00Z"));
    }
}
