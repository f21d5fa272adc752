package no.partnerskap.commitments.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.partnerskap.commitments.CommitmentServiceApplication;
import no.partnerskap.eventstore.EventStoreSchema;
import no.partnerskap.commitments.support.OneCommitment;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.Days;
import no.partnerskap.testsupport.OrganisationNumbers;
import no.partnerskap.testsupport.PostgresContextInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Snapshots are taken, and a commitment loaded from one (no aggregate cache here) still knows
 * everything that happened before it: its milestones, and whether it is closed.
 */
@SpringBootTest(classes = CommitmentServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommitmentServiceApplication.CONFIG_NAME,
            "partnerships.snapshot-threshold=5", "partnerships.aggregate-cache.size=0"})
@ContextConfiguration(initializers = PostgresContextInitializer.CommitmentService.class)
@ActiveProfiles("local")
class SnapshotsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_commitment_restored_from_its_snapshot_keeps_its_rules() {
        Api api = Api.onPort(port);
        OneCommitment one = OneCommitment.create(api);
        String partner = one.partner();
        String commitment = one.commitment();
        String milestone = api.post("/api/commitments/" + commitment + "/milestones", partner,
                Map.of("title", "Kontrakt signert", "dueDate", "2027-01-31")).text("milestoneId");
        for (int i = 1; i <= 8; i++) {
            assertThat(api.post("/api/commitments/" + commitment + "/progress-reports", partner,
                    Map.of("percentComplete", 10 * i, "asOf", Days.today())).status()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> snapshotsOf(commitment) > 0);
        List<Long> snapshotAt = jdbc.queryForList("select sequence_number from " + EventStoreSchema.SNAPSHOTS
                + " where aggregate_identifier = ?", Long.class, commitment);
        assertThat(snapshotAt).allMatch(sequence -> sequence >= 5);

        String completion = "/api/commitments/" + commitment + "/milestones/" + milestone + "/completion";
        assertThat(api.post(completion, partner, Map.of("completedOn", Days.today())).status()).isEqualTo(200);
        assertThat(api.post(completion, partner, Map.of("completedOn", Days.today())).status())
                .as("completed once, and the snapshot remembers the milestone").isEqualTo(409);
        assertThat(api.post("/api/commitments/" + commitment + "/withdrawal", partner,
                Map.of("reason", "Finansieringen falt bort")).status()).isEqualTo(200);
        assertThat(api.post("/api/commitments/" + commitment + "/progress-reports", partner,
                Map.of("percentComplete", 90, "asOf", Days.today())).status()).as("closed").isEqualTo(409);
    }

    /** A partnership loaded from its snapshot still knows who left and when: one that left today attended yesterday. */
    @Test
    void a_partnership_restored_from_its_snapshot_remembers_who_left_and_when() {
        Api api = Api.onPort(port);
        Departed departed = snapshottedPartnershipWithADeparture(api);
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from " + EventStoreSchema.SNAPSHOTS
                + " where aggregate_identifier = ? order by sequence_number desc limit 1", String.class,
                departed.partnership())).contains("absences").contains(departed.organisation());
        Api.Response meeting = departed.attendsAMeetingYesterday(api);
        assertThat(meeting.status()).as(meeting.body().toString()).isEqualTo(201);
    }

    /**
     * A snapshot of an older shape (one without the absences, stored with no revision) is set aside and the
     * partnership loaded from its events: filled from that snapshot, it would not know who left before it was
     * taken, and would refuse one that left today as never a member of yesterday's meeting.
     */
    @Test
    void a_snapshot_of_an_older_shape_is_set_aside() {
        Api api = Api.onPort(port);
        Departed departed = snapshottedPartnershipWithADeparture(api);
        assertThat(jdbc.queryForList("select payload_revision from " + EventStoreSchema.SNAPSHOTS
                + " where aggregate_identifier = ?", String.class, departed.partnership())).containsOnly("1");
        jdbc.update("update " + EventStoreSchema.SNAPSHOTS + " set payload_revision = null,"
                + " payload = convert_to((convert_from(payload, 'UTF8')::jsonb - 'absences')::text, 'UTF8')"
                + " where aggregate_identifier = ?", departed.partnership());

        Api.Response meeting = departed.attendsAMeetingYesterday(api);
        assertThat(meeting.status()).as(meeting.body().toString()).isEqualTo(201);
    }

    /** A partnership whose snapshot was taken after one of its members left today. */
    private Departed snapshottedPartnershipWithADeparture(Api api) {
        OneCommitment one = OneCommitment.create(api);
        String partnership = "/api/partnerships/" + one.partnership();
        String leaving = api.post("/api/organisations", one.secretariat(), Map.of("name", "Borte AS",
                "organisationNumber", OrganisationNumbers.next(), "sector", "BUSINESS")).text("id");
        assertThat(api.post(partnership + "/members", one.secretariat(), Map.of("organisationId", leaving,
                "role", "PARTNER", "representation", "MANAGEMENT")).status()).isLessThan(300);
        assertThat(api.post(partnership + "/members/" + leaving + "/departure", one.secretariat(),
                Map.of("reason", "Omorganisert")).status()).isEqualTo(200);
        for (int i = 1; i <= 6; i++) {
            assertThat(api.post(partnership + "/mandate", one.secretariat(), Map.of("mandate", "Mandat " + i,
                    "reason", "Vedtak " + i)).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshotsOf(one.partnership()) > 0);
        return new Departed(one.partnership(), leaving, one.secretariat());
    }

    private record Departed(String partnership, String organisation, String secretariat) {

        Api.Response attendsAMeetingYesterday(Api api) {
            return api.post("/api/partnerships/" + partnership + "/meetings", secretariat, Map.of("date",
                    java.time.LocalDate.parse(Days.today()).minusDays(1).toString(), "attendance",
                    List.of(Map.of("organisationId", organisation, "representation", "MANAGEMENT"))));
        }
    }

    private long snapshotsOf(String aggregateId) {
        return jdbc.queryForObject("select count(*) from " + EventStoreSchema.SNAPSHOTS
                + " where aggregate_identifier = ?", Long.class, aggregateId);
    }
}
