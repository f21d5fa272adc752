package no.partnerskap.projections.audit;

import static no.partnerskap.projections.support.ParameterProblems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.DeadlineExtended;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import no.partnerskap.api.commitment.Resource;
import no.partnerskap.api.commitment.ResourceKind;
import no.partnerskap.api.common.AuditMetadata;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRenamed;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.Attendance;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementClosedWithDissent;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementRaised;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementResolved;
import no.partnerskap.api.partnership.PartnershipEvent.MeetingRecorded;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.MemberLeft;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipConcluded;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalDefined;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalRevised;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.commitment.CommitmentQueries;
import no.partnerskap.projections.commitment.CommitmentRow;
import no.partnerskap.projections.history.EventHistory;
import no.partnerskap.projections.history.PointInTime;
import no.partnerskap.projections.partnership.PartnershipQueries;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestClock;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Auditors read the stored history as it is: who, for whom, why, in order; as of a date; exported. */
@ProjectionServiceTest
class AuditReadsTest {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    AuditReads reads;
    @Autowired
    PointInTime pointInTime;
    @Autowired
    PartnershipQueries partnerships;
    @Autowired
    CommitmentQueries commitments;
    @Autowired
    Clock clock;
    @Autowired
    TestClock testClock;

    @AfterEach
    void resetClock() {
        testClock.reset();
    }

    Api api;
    String auditor;

    final UUID county = UUID.randomUUID();
    final UUID business = UUID.randomUUID();
    final UUID other = UUID.randomUUID();
    final UUID partnership = UUID.randomUUID();
    final UUID network = UUID.randomUUID();
    final UUID goal = UUID.randomUUID();

    /** The histories below happen in the 2030s: read them from a day after. */
    @BeforeEach
    void client() {
        testClock.setToday(LocalDate.of(2040, 1, 1));
        api = Api.onPort(port);
        auditor = tokens.token("revisor@example.no", null, "AUDITOR");
    }

    /** The histories hold who did what: a data protection officer asks who read them. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void every_audit_read_is_logged_with_who_read_it(CapturedOutput log) {
        events.append(new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632", Sector.PUBLIC_COUNTY));
        assertThat(api.get("/api/audit/organisation/" + county + "/events", auditor).status()).isEqualTo(200);
        assertThat(api.get("/api/audit/export?from=2030-01-01T00:00:00Z", auditor).status()).isEqualTo(200);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(log.getOut())
                        .contains("GET /api/audit/organisation/" + county + "/events read by revisor@example.no "
                                + "([AUDITOR]), answered 200")
                        .contains("GET /api/audit/export?from=2030-01-01T00:00:00Z read by revisor@example.no "
                                + "([AUDITOR]), answered 200"));
    }

    @Test
    void history_shows_what_when_who_on_whose_behalf_and_why() {
        UUID commitment = UUID.randomUUID();
        Instant t0 = Instant.parse("2031-01-10T09:00:00Z");
        events.append(t0, secretariat("corr-setup"), registered(county, "Vestland fylkeskommune"),
                registered(business, "Havkraft AS"), established(partnership, county),
                new MemberAdmitted(partnership, business, MemberRole.PARTNER, Representation.MANAGEMENT),
                goal(partnership, goal, 10));
        Map<String, String> partner = Map.of(AuditMetadata.SUBJECT, "kari@havkraft.no",
                AuditMetadata.ISSUER, "https://login.havkraft.no", AuditMetadata.ORGANISATION, business.toString(), AuditMetadata.ROLES, "PARTNER",
                AuditMetadata.CORRELATION_ID, "corr-record", AuditMetadata.IDEMPOTENCY_KEY, "key-record");
        events.append(t0.plusSeconds(3600), partner, recorded(commitment, business, "2031-06-30"));
        events.append(t0.plusSeconds(7200), Map.of(AuditMetadata.SUBJECT, "kari@havkraft.no",
                        AuditMetadata.ORGANISATION, business.toString(), AuditMetadata.ROLES, "PARTNER",
                        AuditMetadata.CORRELATION_ID, "corr-report", AuditMetadata.AS_OF, "2031-01-05"),
                new ProgressReported(commitment, partnership, business, 40, "godt i gang", List.of(),
                        LocalDate.of(2031, 1, 5)));
        events.append(t0.plusSeconds(10800), Map.of(AuditMetadata.SUBJECT, "ola@vlfk.no",
                        AuditMetadata.ORGANISATION, county.toString(), AuditMetadata.ROLES, "PARTNER,SECRETARIAT",
                        AuditMetadata.CORRELATION_ID, "corr-extend", AuditMetadata.REASON, "leverandøren er forsinket"),
                new DeadlineExtended(commitment, partnership, business, LocalDate.of(2031, 6, 30),
                        LocalDate.of(2031, 12, 31), "leverandøren er forsinket"));

        Api.Response read = api.get("/api/audit/commitment/" + commitment + "/events", auditor);
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        assertThat(read.text("type")).isEqualTo("commitment");
        JsonNode history = read.body().path("events");
        assertThat(history).hasSize(3);
        assertThat(names(history)).containsExactly("CommitmentRecorded", "ProgressReported", "DeadlineExtended");
        assertThat(history.get(0).path("globalPosition").asLong())
                .isLessThan(history.get(1).path("globalPosition").asLong());
        assertThat(history.get(1).path("globalPosition").asLong())
                .isLessThan(history.get(2).path("globalPosition").asLong());
        for (int i = 0; i < 3; i++) {
            assertThat(history.get(i).path("sequenceNumber").asLong()).isEqualTo(i);
            assertThat(history.get(i).path("aggregateId").asText()).isEqualTo(commitment.toString());
            assertThat(history.get(i).path("aggregateType").asText()).isEqualTo("Commitment");
        }

        JsonNode record = history.get(0);
        assertThat(record.path("timestamp").asText()).isEqualTo("2031-01-10T10:00:00Z");
        assertThat(record.path("subject").asText()).isEqualTo("kari@havkraft.no");
        assertThat(record.path("issuer").asText()).isEqualTo("https://login.havkraft.no");
        assertThat(history.get(1).path("issuer").isNull()).as("none recorded").isTrue();
        assertThat(record.path("organisationId").asText()).isEqualTo(business.toString());
        assertThat(record.path("roles")).hasSize(1);
        assertThat(record.path("roles").get(0).asText()).isEqualTo("PARTNER");
        assertThat(record.path("correlationId").asText()).isEqualTo("corr-record");
        assertThat(record.path("idempotencyKey").asText()).isEqualTo("key-record");
        assertThat(record.path("reason").isNull()).isTrue();
        assertThat(record.path("payload").path("title").asText()).isEqualTo("Tiltak " + commitment);
        assertThat(record.path("payload").path("dueDate").asText()).isEqualTo("2031-06-30");

        assertThat(history.get(1).path("asOf").asText()).isEqualTo("2031-01-05");
        assertThat(history.get(1).path("payload").path("percentComplete").asInt()).isEqualTo(40);

        JsonNode extension = history.get(2);
        assertThat(extension.path("subject").asText()).isEqualTo("ola@vlfk.no");
        assertThat(extension.path("organisationId").asText()).isEqualTo(county.toString());
        assertThat(extension.path("roles").toString()).isEqualTo("[\"PARTNER\",\"SECRETARIAT\"]");
        assertThat(extension.path("reason").asText()).isEqualTo("leverandøren er forsinket");

        JsonNode partnershipHistory = api.get("/api/audit/partnership/" + partnership + "/events", auditor).body();
        assertThat(names(partnershipHistory.path("events")))
                .containsExactly("PartnershipEstablished", "MemberAdmitted", "ResultGoalDefined");
        assertThat(partnershipHistory.path("events").get(0).path("subject").asText()).isEqualTo("sekretariat@vlfk.no");
        JsonNode organisationHistory = api.get("/api/audit/organisation/" + county + "/events", auditor).body();
        assertThat(names(organisationHistory.path("events"))).containsExactly("OrganisationRegistered");

        // an unknown id, the wrong type for an id, and an unknown type are all "no such thing"
        assertProblem(api.get("/api/audit/commitment/" + UUID.randomUUID() + "/events", auditor), 404);
        assertProblem(api.get("/api/audit/partnership/" + commitment + "/events", auditor), 404);
        assertProblem(api.get("/api/audit/widget/" + commitment + "/events", auditor), 404);
        Api.Response notAnId = api.get("/api/audit/commitment/not-a-uuid/events", auditor);
        assertProblem(notAnId, 400);
        assertThat(notAnId.body().path("errors").findValuesAsText("message"))
                .containsExactly("must be a UUID, not 'not-a-uuid'");
    }

    @Test
    void a_partners_trail_has_its_memberships_and_commitments_across_partnerships_and_nothing_of_others() {
        UUID inFirst = UUID.randomUUID();
        UUID inNetwork = UUID.randomUUID();
        UUID ofOther = UUID.randomUUID();
        Instant t0 = Instant.parse("2032-02-01T09:00:00Z");
        events.append(t0, secretariat("c1"), registered(county, "Vestland fylkeskommune"),
                registered(business, "Havkraft AS"), registered(other, "Annen AS"),
                established(partnership, county),
                new PartnershipEstablished(network, "Havnettverk", PartnershipKind.THEMATIC_NETWORK, partnership, "M",
                        null, null, null, new Period(LocalDate.of(2032, 1, 1), null), county),
                new MemberAdmitted(partnership, business, MemberRole.PARTNER, Representation.MANAGEMENT),
                new MemberAdmitted(partnership, other, MemberRole.PARTNER, Representation.MANAGEMENT),
                new MemberAdmitted(network, business, MemberRole.OBSERVER, Representation.OPERATIONAL),
                goal(partnership, goal, 10));
        UUID networkGoal = UUID.randomUUID();
        events.append(t0.plusSeconds(60), secretariat("c2"), goal(network, networkGoal, 5));
        events.append(t0.plusSeconds(120), Map.of(), recorded(inFirst, business, "2032-12-31"),
                recorded(ofOther, other, "2032-12-31"),
                new CommitmentRecorded(inNetwork, network, business, "Nettverkstiltak", "b", List.of(networkGoal),
                        List.of(), LocalDate.of(2032, 10, 1), LocalDate.of(2032, 2, 1)));
        events.append(t0.plusSeconds(180), Map.of(),
                // text as an older version stored it, with half a surrogate pair (a JSON escape jsonb refuses)
                new ProgressReported(inFirst, partnership, business, 30, "halv\uD800vei", List.of(),
                        LocalDate.of(2032, 2, 1)),
                new ProgressReported(ofOther, partnership, other, 70, "n", List.of(), LocalDate.of(2032, 2, 1)),
                new OrganisationRenamed(business, "Havkraft AS", "Havkraft Vest AS"),
                new MemberLeft(network, business, "prioriterer annet"));
        // a meeting it attended and one it did not; a disagreement another member raised, where it dissented
        UUID disagreement = UUID.randomUUID();
        events.append(t0.plusSeconds(240), secretariat("c3"),
                new MeetingRecorded(partnership, UUID.randomUUID(), LocalDate.of(2032, 3, 1), "a", "p1",
                        List.of(new Attendance(other, Representation.LEADERSHIP),
                                new Attendance(business, Representation.MANAGEMENT))),
                new MeetingRecorded(partnership, UUID.randomUUID(), LocalDate.of(2032, 4, 1), "b", "p2",
                        List.of(new Attendance(other, Representation.LEADERSHIP))),
                new DisagreementRaised(partnership, disagreement, other, "Fordeling", "uenig"),
                new DisagreementClosedWithDissent(partnership, disagreement, "dissens protokollført", List.of(business)));
        // a partnership it convenes from the start; the conclusion of one it had been a member of, not of another's
        UUID convened = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        events.append(t0.plusSeconds(300), secretariat("c4"), established(convened, business),
                established(foreign, other), new PartnershipConcluded(foreign, "ferdig"),
                new PartnershipConcluded(network, "nettverket avsluttes"));
        // a disagreement it raised, and how it was closed
        UUID raised = UUID.randomUUID();
        events.append(t0.plusSeconds(360), secretariat("c5"),
                new DisagreementRaised(partnership, raised, business, "Ladepunkter", "for få"),
                new DisagreementResolved(partnership, raised, "to nye ladepunkter"));

        Api.Response read = api.get("/api/audit/partners/" + business + "/trail", auditor);
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        JsonNode trail = read.body().path("events");
        assertThat(names(trail)).containsExactly("OrganisationRegistered", "MemberAdmitted", "MemberAdmitted",
                "CommitmentRecorded", "CommitmentRecorded", "ProgressReported", "OrganisationRenamed", "MemberLeft",
                "MeetingRecorded", "DisagreementClosedWithDissent", "PartnershipEstablished", "PartnershipConcluded",
                "DisagreementRaised", "DisagreementResolved");
        assertThat(trail.get(10).path("aggregateId").asText()).isEqualTo(convened.toString());
        assertThat(trail.get(11).path("aggregateId").asText()).isEqualTo(network.toString());
        assertThat(trail.get(8).path("payload").path("minutesReference").asText()).isEqualTo("p1");
        List<String> aggregates = new ArrayList<>();
        long previous = 0;
        for (JsonNode event : trail) {
            assertThat(event.path("globalPosition").asLong()).isGreaterThan(previous);
            previous = event.path("globalPosition").asLong();
            aggregates.add(event.path("aggregateId").asText());
            if (!event.path("aggregateType").asText().equals("Organisation")
                    && event.path("payload").has("organisationId")) {
                assertThat(event.path("payload").path("organisationId").asText()).isEqualTo(business.toString());
            }
        }
        assertThat(aggregates).contains(partnership.toString(), network.toString(), inFirst.toString(),
                inNetwork.toString(), business.toString());
        assertThat(aggregates).doesNotContain(ofOther.toString(), other.toString(), foreign.toString());

        assertProblem(api.get("/api/audit/partners/" + UUID.randomUUID() + "/trail", auditor), 404);
    }

    @Test
    void as_of_an_instant_shows_the_state_before_the_later_revisions() {
        UUID commitment = UUID.randomUUID();
        Instant t1 = Instant.parse("2033-01-10T09:00:00Z");
        Instant t2 = Instant.parse("2033-08-01T09:00:00Z");
        events.append(t1, secretariat("c1"), registered(county, "Gammelt navn"), established(partnership, county),
                new MemberAdmitted(partnership, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                goal(partnership, goal, 10));
        events.append(t1.plusSeconds(60), Map.of(), recorded(commitment, county, "2033-06-30"));
        events.append(t2, secretariat("c2"),
                new ResultGoalRevised(partnership, goal, "Mål", null, null, BigDecimal.ZERO, BigDecimal.ONE,
                        BigDecimal.TEN, BigDecimal.valueOf(20), null, List.of("17.17"), "ny baseline"),
                new OrganisationRenamed(county, "Gammelt navn", "Nytt navn"),
                new DeadlineExtended(commitment, partnership, county, LocalDate.of(2033, 6, 30),
                        LocalDate.of(2033, 12, 31), "forsinket"),
                new ProgressReported(commitment, partnership, county, 50, "halvveis", List.of(),
                        LocalDate.of(2033, 7, 31)));

        // mid-July: the deadline had passed and not been extended yet; %2B is an encoded '+'
        String between = "2033-07-15T12:00:00%2B02:00";
        Api.Response partnershipThen = api.get("/api/audit/partnership/" + partnership + "?asOf=" + between, auditor);
        assertThat(partnershipThen.status()).as(partnershipThen.body().toString()).isEqualTo(200);
        JsonNode goalThen = partnershipThen.body().path("goals").get(0);
        assertThat(goalThen.path("target").decimalValue()).isEqualByComparingTo("10");
        assertThat(goalThen.path("revisions")).hasSize(1);
        assertThat(partnershipThen.body().path("members").get(0).path("name").asText()).isEqualTo("Gammelt navn");
        assertThat(partnershipThen.body().path("overdue").path("items").get(0).path("id").asText()).isEqualTo(commitment.toString());

        JsonNode commitmentThen = api.get("/api/audit/commitment/" + commitment + "?asOf=" + between, auditor).body();
        assertThat(commitmentThen.path("commitment").path("dueDate").asText()).isEqualTo("2033-06-30");
        assertThat(commitmentThen.path("commitment").path("status").asText()).isEqualTo("OVERDUE");
        assertThat(commitmentThen.path("commitment").path("latestPercent").isNull()).isTrue();
        assertThat(commitmentThen.path("commitment").path("organisationName").asText()).isEqualTo("Gammelt navn");
        assertThat(commitmentThen.path("commitment").path("partnershipName").asText()).isEqualTo("Grønt partnerskap");
        assertThat(commitmentThen.path("timeline")).hasSize(1);

        JsonNode organisationThen = api.get("/api/audit/organisation/" + county + "?asOf=" + between, auditor).body();
        assertThat(organisationThen.path("name").asText()).isEqualTo("Gammelt navn");
        assertThat(organisationThen.path("organisationNumber").asText()).isEqualTo("821311632");

        // after the revisions
        String after = "2033-08-02T00:00:00Z";
        JsonNode partnershipAfter = api.get("/api/audit/partnership/" + partnership + "?asOf=" + after, auditor).body();
        assertThat(partnershipAfter.path("goals").get(0).path("target").decimalValue()).isEqualByComparingTo("20");
        JsonNode commitmentAfter = api.get("/api/audit/commitment/" + commitment + "?asOf=" + after, auditor).body();
        assertThat(commitmentAfter.path("commitment").path("dueDate").asText()).isEqualTo("2033-12-31");
        assertThat(commitmentAfter.path("commitment").path("latestPercent").asInt()).isEqualTo(50);
        assertThat(commitmentAfter.path("commitment").path("organisationName").asText()).isEqualTo("Nytt navn");
        assertThat(commitmentAfter.path("timeline")).hasSize(3);
        assertThat(api.get("/api/audit/organisation/" + county + "?asOf=" + after, auditor).text("name"))
                .isEqualTo("Nytt navn");

        // before it existed; a malformed instant; the wrong type
        assertProblem(api.get("/api/audit/partnership/" + partnership + "?asOf=2033-01-01T00:00:00Z", auditor), 404);
        assertProblem(api.get("/api/audit/commitment/" + commitment + "?asOf=2033-01-10T09:00:30Z", auditor), 404);
        assertInvalid(api.get("/api/audit/partnership/" + partnership + "?asOf=yesterday", auditor), "asOf");
        assertInvalid(api.get("/api/audit/partnership/" + partnership + "?asOf=2033-07-15", auditor), "asOf");
        // a time to come: the state would be today's, with overdue counted by a day not yet here
        assertInvalid(api.get("/api/audit/partnership/" + partnership + "?asOf=2040-01-02T00:00:00Z", auditor), "asOf");
        // before any time PostgreSQL holds
        assertInvalid(api.get("/api/audit/partnership/" + partnership + "?asOf=-999999999-01-01T00:00:00Z", auditor),
                "asOf");
        assertInvalid(api.get("/api/audit/partnership/" + partnership + "?asOf=0000-12-31T00:00:00Z", auditor), "asOf");
        assertInvalid(api.get("/api/audit/commitment/" + commitment, auditor), "asOf");
        assertProblem(api.get("/api/audit/organisation/" + commitment + "?asOf=" + after, auditor), 404);
    }

    @Test
    void state_at_an_instant_from_the_events_it_shows_equals_the_state_from_the_whole_history() {
        UUID overdue = UUID.randomUUID();
        UUID reported = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        UUID thematic = UUID.randomUUID();
        Instant t0 = Instant.parse("2036-01-10T09:00:00Z");
        events.append(t0, secretariat("s1"), registered(county, "Fylket"), registered(business, "Bedriften"),
                established(partnership, county), established(network, business),
                new PartnershipEstablished(thematic, "Havvind-nettverket", PartnershipKind.THEMATIC_NETWORK,
                        partnership, "M", "P", null, null, new Period(LocalDate.of(2036, 1, 1), null), county),
                new MemberAdmitted(partnership, business, MemberRole.PARTNER, Representation.MANAGEMENT),
                goal(partnership, goal, 10));
        events.append(t0.plusSeconds(60), Map.of(), recorded(overdue, business, "2036-03-31"),
                recorded(reported, county, "2036-12-31"),
                new CommitmentRecorded(elsewhere, network, business, "Annet sted", "d", List.of(), List.of(),
                        LocalDate.of(2036, 2, 1), LocalDate.of(2036, 1, 10)));
        events.append(t0.plusSeconds(3600), Map.of(), new ProgressReported(reported, partnership, county, 30, "i gang",
                        List.of(), LocalDate.of(2036, 1, 10)),
                new OrganisationRenamed(business, "Bedriften", "Bedriften AS"),
                new ResultGoalRevised(partnership, goal, "Mål", null, null, BigDecimal.ZERO, BigDecimal.ONE,
                        BigDecimal.TEN, BigDecimal.valueOf(15), null, List.of("17.17"), "ny"));
        // after the instant: not in either
        events.append(Instant.parse("2036-09-01T00:00:00Z"), Map.of(), new ProgressReported(overdue, partnership,
                business, 90, "nesten", List.of(), LocalDate.of(2036, 8, 31)));

        Instant at = Instant.parse("2036-06-01T00:00:00Z");
        Clock then = Clock.fixed(at, clock.getZone());
        EventHistory.Selection whole = new EventHistory.Selection(null, null, at, null, null);
        PartnershipQueries.Detail partnershipThen = (PartnershipQueries.Detail) reads.asOf("partnership", partnership,
                at.toString());
        assertThat(partnershipThen).isEqualTo(pointInTime.query(whole,
                jdbc -> partnerships.at(then).one(partnership)).orElseThrow());
        // what is compared is not empty: the renamed member, the revised goal, the overdue commitment
        assertThat(partnershipThen.members()).extracting(PartnershipQueries.Member::name).contains("Bedriften AS");
        assertThat(partnershipThen.goals().get(0).target()).isEqualByComparingTo("15");
        assertThat(partnershipThen.overdue().items()).extracting(CommitmentRow::id).containsExactly(overdue);
        // a network names its strategic partnership then as now
        PartnershipQueries.Detail networkThen = (PartnershipQueries.Detail) reads.asOf("partnership", thematic,
                at.toString());
        assertThat(networkThen).isEqualTo(pointInTime.query(whole,
                jdbc -> partnerships.at(then).one(thematic)).orElseThrow());
        assertThat(networkThen.parentPartnershipName()).isEqualTo("Grønt partnerskap");
        for (UUID commitment : List.of(overdue, reported)) {
            assertThat(reads.asOf("commitment", commitment, at.toString())).isEqualTo(pointInTime.query(whole,
                    jdbc -> commitments.at(then).one(commitment)).orElseThrow());
        }
        assertThat(reads.asOf("organisation", business, at.toString())).extracting("name").isEqualTo("Bedriften AS");
    }

    @Test
    void export_is_json_lines_in_global_order_filtered_by_time() throws Exception {
        UUID org = UUID.randomUUID();
        UUID p = UUID.randomUUID();
        events.append(Instant.parse("2040-01-01T00:00:00Z"), secretariat("e1"), registered(org, "Eksport AS"));
        events.append(Instant.parse("2040-02-01T00:00:00Z"), secretariat("e2"), established(p, org));
        events.append(Instant.parse("2040-03-01T00:00:00Z"), secretariat("e3"),
                new MemberAdmitted(p, org, MemberRole.CONVENOR, Representation.LEADERSHIP));
        events.append(Instant.parse("2040-04-01T00:00:00Z"), secretariat("e4"),
                new OrganisationRenamed(org, "Eksport AS", "Eksport Vest AS"));

        Api.Response window = api.get("/api/audit/export?from=2040-01-15T00:00:00Z&to=2040-03-15T00:00:00%2B01:00",
                auditor);
        assertThat(window.status()).isEqualTo(200);
        assertThat(window.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(window.raw().body());
        assertThat(lines).extracting(l -> l.path("correlationId").asText()).containsExactly("e2", "e3");
        assertThat(lines).extracting(l -> l.path("event").asText())
                .containsExactly("PartnershipEstablished", "MemberAdmitted");
        assertThat(lines.get(0).path("payload").path("name").asText()).isEqualTo("Grønt partnerskap");
        assertThat(lines.get(0).path("subject").asText()).isEqualTo("sekretariat@vlfk.no");

        List<JsonNode> from = lines(api.get("/api/audit/export?from=2040-02-01T00:00:00Z", auditor).raw().body());
        assertThat(from).extracting(l -> l.path("correlationId").asText()).containsExactly("e2", "e3", "e4");

        List<JsonNode> all = lines(api.get("/api/audit/export", auditor).raw().body());
        assertThat(all.size()).isGreaterThanOrEqualTo(4);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).path("globalPosition").asLong())
                    .isGreaterThan(all.get(i - 1).path("globalPosition").asLong());
        }
        assertThat(all).extracting(l -> l.path("correlationId").asText()).contains("e1", "e2", "e3", "e4");

        // one unbroken run of positions: an event stored between two in the window is exported with them, though
        // stamped outside it (concurrent writes are stamped before they are stored); else a verifier of the part
        // takes it for deleted
        events.append(Instant.parse("2041-01-01T00:00:00Z"), secretariat("f1"), registered(UUID.randomUUID(), "A"));
        events.append(Instant.parse("2041-01-03T00:00:00Z"), secretariat("f2"), registered(UUID.randomUUID(), "B"));
        events.append(Instant.parse("2041-01-02T00:00:00Z"), secretariat("f3"), registered(UUID.randomUUID(), "C"));
        List<JsonNode> run = lines(api.get("/api/audit/export?from=2041-01-01T00:00:00Z&to=2041-01-02T00:00:00Z",
                auditor).raw().body());
        assertThat(run).extracting(l -> l.path("correlationId").asText()).containsExactly("f1", "f2", "f3");
        assertThat(lines(api.get("/api/audit/export?from=2041-06-01T00:00:00Z&to=2041-07-01T00:00:00Z", auditor)
                .raw().body())).isEmpty();

        assertInvalid(api.get("/api/audit/export?from=last-week", auditor), "from");
        assertInvalid(api.get("/api/audit/export?to=bogus", auditor), "to");
        assertInvalid(api.get("/api/audit/export?from=2040-02-01T00:00:00Z&to=2040-01-01T00:00:00Z", auditor), "from");
    }

    @Test
    void only_auditors_and_the_secretariat_read_the_audit_trail() {
        UUID org = UUID.randomUUID();
        events.append(Instant.parse("2034-01-01T00:00:00Z"), secretariat("s"), registered(org, "Tilgang AS"));
        List<String> paths = List.of("/api/audit/organisation/" + org + "/events",
                "/api/audit/partners/" + org + "/trail",
                "/api/audit/organisation/" + org + "?asOf=2034-02-01T00:00:00Z",
                "/api/audit/export?from=2034-01-01T00:00:00Z&to=2034-01-02T00:00:00Z");
        String secretariat = tokens.token("sekretariat@vlfk.no", county.toString(), "SECRETARIAT");
        String partner = tokens.token("kari@havkraft.no", org.toString(), "PARTNER");
        String viewer = tokens.token("leser@example.no", null, "VIEWER");
        for (String path : paths) {
            assertThat(api.get(path, auditor).status()).as(path).isEqualTo(200);
            assertThat(api.get(path, secretariat).status()).as(path).isEqualTo(200);
            assertThat(api.get(path, partner).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, viewer).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
        }
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
    }

    /** The exported events, after checking that the export ends with the line saying how many there are. */
    private static List<JsonNode> lines(String body) throws Exception {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                parsed.add(json.readTree(line));
            }
        }
        JsonNode end = parsed.remove(parsed.size() - 1);
        assertThat(end.path("exportEnd").path("events").asLong()).as(end.toString()).isEqualTo(parsed.size());
        return parsed;
    }

    private static List<String> names(JsonNode events) {
        List<String> names = new ArrayList<>();
        events.forEach(e -> names.add(e.path("event").asText()));
        return names;
    }

    private Map<String, String> secretariat(String correlationId) {
        return Map.of(AuditMetadata.SUBJECT, "sekretariat@vlfk.no", AuditMetadata.ORGANISATION, county.toString(),
                AuditMetadata.ROLES, "SECRETARIAT", AuditMetadata.CORRELATION_ID, correlationId);
    }

    private static OrganisationRegistered registered(UUID id, String name) {
        return new OrganisationRegistered(id, name, "821311632", Sector.PUBLIC_COUNTY);
    }

    private static PartnershipEstablished established(UUID id, UUID convenor) {
        return new PartnershipEstablished(id, "Grønt partnerskap", PartnershipKind.STRATEGIC, null, "M", "P", null,
                null, new Period(LocalDate.of(2030, 1, 1), null), convenor);
    }

    private static ResultGoalDefined goal(UUID partnership, UUID goal, int target) {
        return new ResultGoalDefined(partnership, goal, "Mål", null, null, BigDecimal.ZERO, BigDecimal.valueOf(target),
                null, List.of("17.17"));
    }

    private CommitmentRecorded recorded(UUID commitment, UUID organisation, String due) {
        // the description as an older version stored it, with U+0000 and half a surrogate pair (JSON escapes jsonb
        // refuses)
        return new CommitmentRecorded(commitment, partnership, organisation, "Tiltak " + commitment,
                "beskrivelse \u0000 \uD800",
                List.of(goal), List.of(new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(100000), "NOK")),
                LocalDate.parse(due), LocalDate.parse(due).minusMonths(6));
    }
}
