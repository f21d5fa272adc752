package no.partnerskap.commitments.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import no.partnerskap.api.commitment.CommitmentEvent.MilestoneAdded;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.commitments.support.OneCommitment;
import no.partnerskap.testsupport.Api;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commands on a commitment this instance holds in its cache, after another instance of the
 * service appended to it: the cached state must not be what the rules are checked against.
 */
@CommitmentServiceTest
class AnotherInstanceTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RecentAggregates cache;

    @Test
    void a_milestone_added_by_another_instance_can_be_completed_here() {
        Api api = Api.onPort(port);
        OneCommitment one = OneCommitment.create(api);
        String org = one.organisation();
        String partnership = one.partnership();
        String partner = one.partner();
        String commitment = one.commitment();
        assertThat(api.post("/api/commitments/" + commitment + "/progress-reports", partner,
                Map.of("percentComplete", 10, "asOf", "2026-11-01")).status()).isEqualTo(200);
        assertThat(cache.cachedVersion(commitment)).as("held in this instance's cache").isEqualTo(1L);

        // what another instance's append looks like from here: a new event in the store, not in this cache
        UUID milestone = UUID.randomUUID();
        MilestoneAdded added = new MilestoneAdded(UUID.fromString(commitment), UUID.fromString(partnership),
                UUID.fromString(org), milestone, "Kontrakt signert", LocalDate.parse("2027-01-31"));
        transaction.executeWithoutResult(tx -> DefaultUnitOfWork.startAndGet(null).execute(() ->
                eventStore.publish(new GenericDomainEventMessage<>("Commitment", commitment, 2, added))));

        Api.Response completed = api.post("/api/commitments/" + commitment + "/milestones/" + milestone
                + "/completion", partner, Map.of("completedOn", "2026-11-20"));

        assertThat(completed.status()).as(completed.raw().body()).isEqualTo(200);
        assertThat(cache.cachedVersion(commitment)).isEqualTo(3L);
    }
}
