package no.partnerskap.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRenamed;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalDefined;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalRevised;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.history.EventHistory;
import no.partnerskap.projections.history.PointInTime;
import no.partnerskap.projections.partnership.PartnershipQueries;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Read models rebuilt as they were at an earlier position, without touching the live ones. */
@ProjectionServiceTest
class PointInTimeTest {

    @Autowired
    EventStoreWriter events;
    @Autowired
    PointInTime pointInTime;
    @Autowired
    EventHistory history;
    @Autowired
    PartnershipQueries partnerships;

    @Test
    void shows_the_goal_and_names_as_they_were_before_the_revision() {
        UUID org = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        UUID goal = UUID.randomUUID();
        events.append(new OrganisationRegistered(org, "Gammelt navn", "821311632", Sector.PUBLIC_COUNTY),
                new PartnershipEstablished(partnership, "P", PartnershipKind.STRATEGIC, null, "M", null, null, null,
                        new Period(LocalDate.of(2026, 1, 1), null), org),
                new MemberAdmitted(partnership, org, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new ResultGoalDefined(partnership, goal, "Mål", null, null, BigDecimal.ZERO, BigDecimal.TEN, null,
                        List.of("17.17")));
        long before = history.head();
        events.append(new ResultGoalRevised(partnership, goal, "Mål", null, null, BigDecimal.ZERO, BigDecimal.ONE,
                        BigDecimal.TEN, BigDecimal.valueOf(20), null, List.of("17.17"), "ny baseline"),
                new OrganisationRenamed(org, "Gammelt navn", "Nytt navn"));

        PartnershipQueries.Detail then = pointInTime.query(EventHistory.Selection.upToPosition(before),
                jdbc -> partnerships.one(partnership).orElseThrow());
        assertThat(then.goals().get(0).target()).isEqualByComparingTo("10");
        assertThat(then.goals().get(0).revisions()).hasSize(1);
        assertThat(then.members().get(0).name()).isEqualTo("Gammelt navn");

        PartnershipQueries.Detail now = pointInTime.query(EventHistory.Selection.all(),
                jdbc -> partnerships.one(partnership).orElseThrow());
        assertThat(now.goals().get(0).target()).isEqualByComparingTo("20");
        assertThat(now.members().get(0).name()).isEqualTo("Nytt navn");
    }
}
