package no.partnerskap.projections.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalDefined;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Lists sort names and titles as a Norwegian reader looks for them, not by the bytes of their letters. */
@ProjectionServiceTest
class NorwegianOrderTest {

    /** In the order a Norwegian reader expects: case does not separate, Æ Ø Å come after Z and in that order. */
    static final List<String> IN_ORDER = List.of("askøy kommune", "Bergen kommune", "Zeppelin AS", "Ærfugl AS",
            "Øygarden kommune", "Ålesund kommune");

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;

    @Test
    void members_goals_and_commitments_of_a_partnership_are_listed_in_norwegian_order() {
        Api api = Api.onPort(port);
        String viewer = tokens.token("v", null, "VIEWER");
        UUID partnership = UUID.randomUUID();
        List<Object> history = new ArrayList<>();
        List<UUID> organisations = new ArrayList<>();
        List<UUID> commitments = new ArrayList<>();
        // written in reverse, so that neither the order of writing nor byte order gives the expected list
        List<String> reversed = new ArrayList<>(IN_ORDER);
        Collections.reverse(reversed);
        for (String name : reversed) {
            UUID organisation = UUID.randomUUID();
            organisations.add(organisation);
            history.add(new OrganisationRegistered(organisation, name, "923609016", Sector.BUSINESS));
        }
        history.add(new PartnershipEstablished(partnership, "Ålesund og omland", PartnershipKind.STRATEGIC, null,
                "M", null, null, null, new Period(LocalDate.of(2026, 1, 1), null), organisations.get(0)));
        for (UUID organisation : organisations) {
            history.add(new MemberAdmitted(partnership, organisation, MemberRole.PARTNER, Representation.LEADERSHIP));
        }
        for (String title : reversed) {
            history.add(new ResultGoalDefined(partnership, UUID.randomUUID(), title, "i", "u", BigDecimal.ZERO,
                    BigDecimal.TEN, null, List.of("7.2")));
        }
        for (String title : reversed) {
            UUID commitment = UUID.randomUUID();
            commitments.add(commitment);
            history.add(new CommitmentRecorded(commitment, partnership, organisations.get(0), title, "d",
                    List.of(), List.of(), LocalDate.of(2027, 6, 30), LocalDate.of(2026, 3, 1)));
        }
        events.append(history.toArray());
        organisations.forEach(id -> assertThat(api.get("/api/organisations/" + id + "?minVersion=0", viewer).status())
                .isEqualTo(200));
        commitments.forEach(id -> assertThat(api.get("/api/commitments/" + id + "?minVersion=0", viewer).status())
                .isEqualTo(200));
        long partnershipVersion = organisations.size() + IN_ORDER.size();
        JsonNode read = api.get("/api/partnerships/" + partnership + "?minVersion=" + partnershipVersion, viewer)
                .body();

        assertThat(texts(read.path("members"), "name")).isEqualTo(IN_ORDER);
        assertThat(texts(read.path("goals"), "title")).isEqualTo(IN_ORDER);
        assertThat(texts(api.get("/api/partnerships/" + partnership + "/commitments?size=50", viewer).body()
                .path("items"), "title")).isEqualTo(IN_ORDER);
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }
}
