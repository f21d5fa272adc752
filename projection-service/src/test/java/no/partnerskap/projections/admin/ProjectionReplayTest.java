package no.partnerskap.projections.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import no.partnerskap.api.commitment.AssessmentLevel;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentAssessed;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRecorded;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentRevised;
import no.partnerskap.api.commitment.CommitmentEvent.CommitmentWithdrawn;
import no.partnerskap.api.commitment.CommitmentEvent.DeadlineExtended;
import no.partnerskap.api.commitment.CommitmentEvent.FollowUpRequested;
import no.partnerskap.api.commitment.CommitmentEvent.MilestoneAdded;
import no.partnerskap.api.commitment.CommitmentEvent.MilestoneCompleted;
import no.partnerskap.api.commitment.CommitmentEvent.OutcomeReported;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import no.partnerskap.api.commitment.IndicatorValue;
import no.partnerskap.api.commitment.OutcomeResult;
import no.partnerskap.api.commitment.Resource;
import no.partnerskap.api.commitment.ResourceKind;
import no.partnerskap.api.common.AuditMetadata;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRenamed;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.api.partnership.Attendance;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipEvent.AgreementSigned;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementClosedWithDissent;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementRaised;
import no.partnerskap.api.partnership.PartnershipEvent.DisagreementResolved;
import no.partnerskap.api.partnership.PartnershipEvent.MandateRevised;
import no.partnerskap.api.partnership.PartnershipEvent.MeetingRecorded;
import no.partnerskap.api.partnership.PartnershipEvent.MemberAdmitted;
import no.partnerskap.api.partnership.PartnershipEvent.MemberLeft;
import no.partnerskap.api.partnership.PartnershipEvent.MemberRoleChanged;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipConcluded;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalDefined;
import no.partnerskap.api.partnership.PartnershipEvent.ResultGoalRevised;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.projections.history.EventHistory;
import no.partnerskap.projections.history.PointInTime;
import no.partnerskap.projections.history.ReadModelProjector;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.ProcessorGate;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A read model rebuilt from the first event equals the one built live, row for row. */
@ProjectionServiceTest
class ProjectionReplayTest {

    static final List<String> PROCESSORS = List.of("commitments", "organisations", "partnership-follow-up");

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<ReadModelProjector> projectors;
    @Autowired
    ProcessorGate gate;
    @Autowired
    PointInTime pointInTime;
    @Autowired
    EventHistory history;
    @Autowired
    EventProcessingConfiguration processing;

    Api api;
    String secretariat;

    @BeforeEach
    void client() {
        api = Api.onPort(port);
        secretariat = tokens.token("sekretariat@vlfk.no", null, "SECRETARIAT");
    }

    @Test
    void every_read_model_rebuilt_by_a_replay_equals_the_live_built_one() {
        appendAYearOfFollowUp();
        awaitAllCaughtUp();
        Map<String, List<String>> live = dump();
        assertThat(live.get("commitment_view")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(live.get("commitment_entry")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(live.get("meeting_attendance")).isNotEmpty();
        assertThat(live.get("disagreement_view")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(live.get("organisation_view")).hasSizeGreaterThanOrEqualTo(3);

        // a row no event explains: a rebuild from the events must not keep it
        UUID stray = UUID.randomUUID();
        jdbc.update("insert into organisation_view (organisation_id, name, organisation_number, sector, version) "
                + "values (?, 'Ikke fra noen hendelse', '000000000', 'OTHER', 0)", stray);
        jdbc.update("update commitment_view set latest_percent = 99");

        JsonNode before = api.get("/admin/projections", secretariat).body();
        assertThat(before).hasSize(3);
        for (String name : PROCESSORS) {
            Api.Response replay = api.post("/admin/projections/" + name + "/replay", secretariat, "");
            assertThat(replay.status()).as(replay.body().toString()).isEqualTo(202);
            assertThat(replay.text("name")).isEqualTo(name);
            assertThat(replay.body().path("running").asBoolean()).isTrue();
            // the other processors were never stopped
            for (JsonNode status : api.get("/admin/projections", secretariat).body()) {
                if (!status.path("name").asText().equals(name)) {
                    assertThat(status.path("running").asBoolean()).as(status.toString()).isTrue();
                }
            }
        }
        awaitAllCaughtUp();
        Map<String, List<String>> rebuilt = dump();
        assertThat(rebuilt.keySet()).containsExactlyElementsOf(live.keySet());
        for (String table : live.keySet()) {
            assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(live.get(table));
        }
    }

    /**
     * Axon 4 loses a tracking processor's thread when it is shut down just as it claims its last segment (a rebuild
     * paused it while it started): from then on it claimed one segment fewer, and a replay rebuilt half the read
     * model. The replay's start gives the thread back.
     */
    @Test
    void a_replay_gives_the_tracking_processor_back_a_thread_it_lost_while_stopping() throws Exception {
        TrackingEventProcessor commitments = processing.eventProcessor("commitments", TrackingEventProcessor.class)
                .orElseThrow();
        commitments.shutDown();
        Field available = TrackingEventProcessor.class.getDeclaredField("availableThreads");
        available.setAccessible(true);
        // as Axon's race leaves it once for each thread: none left for the one segment here
        ((AtomicInteger) available.get(commitments)).set(0);
        try {
            Api.Response replay = api.post("/admin/projections/commitments/replay", secretariat, "");
            assertThat(replay.status()).as(replay.body().toString()).isEqualTo(202);
            awaitAllCaughtUp();
            JsonNode status = api.get("/admin/projections/commitments", secretariat).body();
            assertThat(status.path("segmentsClaimed").asInt()).isEqualTo(status.path("segmentsTotal").asInt());
            assertThat(commitments.availableProcessorThreads() + commitments.activeProcessorThreads())
                    .isEqualTo(commitments.maxCapacity());
        } finally {
            if (!commitments.isRunning()) {
                commitments.start();
            }
        }
    }

    /** Once the status says a rebuild is done, the reads answer again: they went on answering 503 for seconds. */
    @Test
    void the_reads_answer_as_soon_as_the_status_says_the_rebuild_is_done() {
        UUID org = UUID.randomUUID();
        events.append(new OrganisationRegistered(org, "Ferdig AS", "821311632", Sector.BUSINESS));
        awaitAllCaughtUp();
        for (String name : PROCESSORS) {
            assertThat(api.post("/admin/projections/" + name + "/replay", secretariat, "").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                    !api.get("/admin/projections/" + name, secretariat).body().path("replaying").asBoolean());
            Api.Response read = api.get("/api/organisations/" + org, secretariat);
            assertThat(read.status()).as(name + ": " + read.body()).isEqualTo(200);
        }
    }

    /** Events waiting on a segment nobody holds are lag: the status said none while they went unprocessed. */
    @Test
    void a_segment_nobody_holds_counts_in_the_lag() {
        awaitAllCaughtUp();
        TrackingEventProcessor commitments = processing.eventProcessor("commitments", TrackingEventProcessor.class)
                .orElseThrow();
        commitments.shutDown();
        try {
            UUID org = UUID.randomUUID();
            events.append(new OrganisationRegistered(org, "Ventende AS", "821311632", Sector.BUSINESS),
                    new CommitmentRecorded(UUID.randomUUID(), UUID.randomUUID(), org, "Venter", "d", List.of(),
                            List.of(), LocalDate.of(2030, 1, 1), LocalDate.of(2026, 1, 1)));
            JsonNode status = api.get("/admin/projections/commitments", secretariat).body();
            assertThat(status.path("segmentsClaimed").asInt()).isZero();
            assertThat(status.path("lagEvents").asLong()).as(status.toString()).isPositive();
            assertThat(status.path("caughtUp").asBoolean()).isFalse();
        } finally {
            commitments.start();
        }
        awaitAllCaughtUp();
    }

    @Test
    void the_read_models_rebuilt_for_a_point_in_time_at_the_head_equal_the_live_ones() {
        appendAYearOfFollowUp();
        awaitAllCaughtUp();
        Map<String, List<String>> live = dump();
        // what the council report and the audit's asOf read: the history fed through the same projectors
        Map<String, List<String>> rebuilt = pointInTime.query(EventHistory.Selection.upToPosition(history.head()),
                this::dump);
        assertThat(rebuilt.keySet()).containsExactlyElementsOf(live.keySet());
        for (String table : live.keySet()) {
            assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(live.get(table));
        }
    }

    @Test
    void while_a_read_model_is_rebuilt_the_pages_say_so_and_the_council_report_keeps_its_position() {
        UUID org = UUID.randomUUID();
        // an event the commitments processor handles, for the gate to hold it at
        events.append(new OrganisationRegistered(org, "Ombygging AS", "821311632", Sector.BUSINESS),
                new CommitmentRecorded(UUID.randomUUID(), UUID.randomUUID(), org, "Ombygging", "d", List.of(),
                        List.of(), LocalDate.of(2030, 1, 1), LocalDate.of(2026, 1, 1)));
        awaitAllCaughtUp();
        assertThat(page("/pages/overdue", "en")).doesNotContain("id=\"rebuilding\"");
        String head = Long.toString(history.head());
        assertThat(api.get("/api/reports/council?year=2026", secretariat).header("X-Event-Position")).isEqualTo(head);

        gate.close("commitments");
        try {
            Api.Response replay = api.post("/admin/projections/commitments/replay", secretariat, "");
            assertThat(replay.status()).isEqualTo(202);
            // the answer already says so: the processor holds its segment again before it is given
            assertThat(replay.body().path("replaying").asBoolean()).as(replay.body().toString()).isTrue();
            assertThat(api.get("/admin/projections/commitments", secretariat).body().path("replaying").asBoolean())
                    .isTrue();
            assertThat(page("/pages/overdue", "en")).containsPattern("<p id=\"rebuilding\" class=\"rebuilding\" "
                    + "role=\"status\">The figures are being rebuilt from the event history \\(\\d+% done\\)\\. "
                    + "Until that is finished, this page may show too little\\.</p>");
            assertThat(page("/", "nb")).containsPattern("Tallene bygges opp på nytt fra hendelseshistorikken "
                    + "\\(\\d+.?% ferdig\\)");
            // the report reads the history, not the half-built tables: its default position stays
            assertThat(api.get("/api/reports/council?year=2026", secretariat).header("X-Event-Position"))
                    .isEqualTo(head);
            // an integration is told to come back, not shown a commitment missing or a list too short
            for (String read : new String[] {"/api/commitments/overdue", "/api/commitments/overdue.csv",
                    "/api/partnerships", "/api/organisations/" + org, "/api/organisations/" + org + "/scorecard",
                    "/api/sdg"}) {
                Api.Response partial = api.get(read, secretariat);
                assertThat(partial.status()).as(read).isEqualTo(503);
                assertThat(partial.header("Retry-After")).as(read).isEqualTo("10");
                assertThat(partial.text("type")).as(read).isEqualTo("urn:partnerships:rebuild:read-model-rebuilding");
                assertThat(partial.body().path("rebuilding").has("commitments")).as(read).isTrue();
            }
            // what reads the history still answers
            assertThat(api.get("/api/audit/organisation/" + org + "/events", secretariat).status()).isEqualTo(200);
        } finally {
            gate.open("commitments");
        }
        awaitAllCaughtUp();
        assertThat(page("/pages/overdue", "en")).doesNotContain("id=\"rebuilding\"");
        assertThat(api.get("/api/organisations/" + org, secretariat).status()).isEqualTo(200);
    }

    private String page(String path, String language) {
        Api.Response page = api.get(path + "?lang=" + language, secretariat, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        return page.raw().body();
    }

    @Test
    void the_status_shows_position_lag_and_segments() {
        events.append(new OrganisationRegistered(UUID.randomUUID(), "Status AS", "821311632", Sector.BUSINESS));
        awaitAllCaughtUp();
        JsonNode all = api.get("/admin/projections", secretariat).body();
        assertThat(all).extracting(s -> s.path("name").asText()).containsExactlyElementsOf(PROCESSORS);
        for (JsonNode status : all) {
            assertThat(status.path("position").asLong()).isEqualTo(status.path("head").asLong());
            assertThat(status.path("lagEvents").asLong()).isZero();
            assertThat(status.path("lagSeconds").asDouble()).isZero();
            assertThat(status.path("segmentsClaimed").asInt()).isEqualTo(1);
            assertThat(status.path("replaying").asBoolean()).isFalse();
            assertThat(status.path("segments")).hasSize(1);
        }
        assertThat(api.get("/admin/projections/organisations", secretariat).text("name")).isEqualTo("organisations");
        Api.Response unknown = api.post("/admin/projections/no-such-processor/replay", secretariat, "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/admin/projections/no-such-processor", secretariat).status()).isEqualTo(404);

        // a caller that takes no JSON answer is refused before the rebuild starts, not after
        Api.Response html = api.post("/admin/projections/organisations/replay", secretariat, "", "Accept", "text/html");
        assertThat(html.status()).isEqualTo(406);
        JsonNode untouched = api.get("/admin/projections/organisations", secretariat).body();
        assertThat(untouched.path("replaying").asBoolean()).isFalse();
        assertThat(untouched.path("position").asLong()).isEqualTo(untouched.path("head").asLong());
    }

    @Test
    void a_processor_that_does_not_hold_all_its_segments_is_not_caught_up() {
        events.append(new OrganisationRegistered(UUID.randomUUID(), "Krasj AS", "921311631", Sector.BUSINESS));
        awaitAllCaughtUp();
        // a second segment, still claimed by an instance that has just died: its claim holds for a while, and
        // the events of that segment are not in the read model until this instance takes it over
        jdbc.update("insert into token_entry (processor_name, segment, time_stamp, owner) values (?, 1, ?, ?)",
                "organisations", Instant.now().toString(), "crashed@elsewhere");
        try {
            JsonNode status = api.get("/admin/projections/organisations", secretariat).body();
            assertThat(status.path("segmentsClaimed").asInt()).isEqualTo(1);
            assertThat(status.path("segmentsTotal").asInt()).isEqualTo(2);
            assertThat(status.path("lagEvents").asLong()).as("the segment it holds is at the head").isZero();
            assertThat(status.path("caughtUp").asBoolean()).as(status.toString()).isFalse();
        } finally {
            jdbc.update("delete from token_entry where processor_name = 'organisations' and segment = 1");
        }
        assertThat(api.get("/admin/projections/organisations", secretariat).body().path("caughtUp").asBoolean())
                .isTrue();
    }

    @Test
    void only_the_secretariat_administers_projections() {
        String viewer = tokens.token("leser@example.no", null, "VIEWER");
        String auditor = tokens.token("revisor@example.no", null, "AUDITOR");
        String partner = tokens.token("kari@havkraft.no", UUID.randomUUID().toString(), "PARTNER");
        assertThat(api.post("/admin/projections/commitments/replay", viewer, "").status()).isEqualTo(403);
        assertThat(api.post("/admin/projections/commitments/replay", auditor, "").status()).isEqualTo(403);
        assertThat(api.post("/admin/projections/commitments/replay", partner, "").status()).isEqualTo(403);
        assertThat(api.post("/admin/projections/commitments/replay", null, "").status()).isEqualTo(401);
        assertThat(api.get("/admin/projections", viewer).status()).isEqualTo(403);
        // an auditor sees whether the read models are complete, and changes nothing
        assertThat(api.get("/admin/projections", auditor).status()).isEqualTo(200);
        assertThat(api.get("/admin/projections/completeness", auditor).status()).isEqualTo(200);
        assertThat(api.get("/admin/projections", null).status()).isEqualTo(401);
        // a secretariat token that also holds AUDITOR reads the status but changes nothing
        String both = tokens.token("revisor@vlfk.no", null, "SECRETARIAT", "AUDITOR");
        assertThat(api.post("/admin/projections/commitments/replay", both, "").status()).isEqualTo(403);
        assertThat(api.get("/admin/projections/commitments", both).status()).isEqualTo(200);
    }

    private void awaitAllCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Api.Response response = api.get("/admin/projections", secretariat);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).hasSize(PROCESSORS.size());
            for (JsonNode status : response.body()) {
                assertThat(status.path("caughtUp").asBoolean()).as(status.toString()).isTrue();
                assertThat(status.path("replaying").asBoolean()).as(status.toString()).isFalse();
                assertThat(status.path("segmentsClaimed").asInt()).as(status.toString()).isEqualTo(1);
                assertThat(status.path("position").asLong()).as(status.toString())
                        .isEqualTo(status.path("head").asLong());
            }
        });
    }

    /** Every read-model table, each row as JSON, in a deterministic order. */
    private Map<String, List<String>> dump() {
        return dump(jdbc);
    }

    /** Every read-model table, unqualified: inside a point-in-time query, its rebuilt copies. */
    private Map<String, List<String>> dump(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        projectors.stream().flatMap(p -> p.tables().stream()).sorted().forEach(table -> tables.put(table,
                jdbc.queryForList("select to_jsonb(t)::text from " + table + " t order by 1", String.class)));
        return tables;
    }

    private void appendAYearOfFollowUp() {
        UUID county = UUID.randomUUID();
        UUID business = UUID.randomUUID();
        UUID university = UUID.randomUUID();
        UUID strategic = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        UUID jobs = UUID.randomUUID();
        UUID emissions = UUID.randomUUID();
        UUID onTrack = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID extended = UUID.randomUUID();
        UUID partial = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        UUID disagreement = UUID.randomUUID();
        UUID dissent = UUID.randomUUID();
        on("2026-01-05", new OrganisationRegistered(county, "Vestland fylkeskommune", "821311632",
                        Sector.PUBLIC_COUNTY),
                new OrganisationRegistered(business, "Havkraft AS", "923609016", Sector.BUSINESS),
                new OrganisationRegistered(university, "Universitetet i Bergen", "874789542", Sector.ACADEMIA),
                new PartnershipEstablished(strategic, "Grønn region", PartnershipKind.STRATEGIC, null, "Mandat",
                        "Formål", "Arbeidsform", "Uenighet", new Period(LocalDate.of(2026, 1, 1),
                        LocalDate.of(2029, 12, 31)), county),
                new PartnershipEstablished(network, "Havvind", PartnershipKind.THEMATIC_NETWORK, strategic, "M",
                        null, null, null, new Period(LocalDate.of(2026, 2, 1), null), county),
                new MemberAdmitted(strategic, county, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new MemberAdmitted(strategic, business, MemberRole.PARTNER, Representation.MANAGEMENT),
                new MemberAdmitted(strategic, university, MemberRole.OBSERVER, Representation.OPERATIONAL),
                new MemberAdmitted(network, business, MemberRole.CONVENOR, Representation.LEADERSHIP),
                new ResultGoalDefined(strategic, jobs, "Grønne jobber", "nye jobber", "stk", BigDecimal.ZERO,
                        BigDecimal.valueOf(40), LocalDate.of(2028, 12, 31), List.of("8.5", "17.17")),
                new ResultGoalDefined(network, emissions, "Utslipp", "tonn CO2", "tonn", BigDecimal.valueOf(1000),
                        BigDecimal.valueOf(600), LocalDate.of(2029, 12, 31), List.of("13.2")),
                new AgreementSigned(strategic, LocalDate.of(2026, 1, 20), "sak 2026/17"));
        on("2026-02-10", new MemberRoleChanged(strategic, university, MemberRole.OBSERVER, MemberRole.PARTNER,
                        Representation.MANAGEMENT),
                new MandateRevised(strategic, "Mandat", "Nytt mandat", "fylkestinget ba om det"),
                new ResultGoalRevised(strategic, jobs, "Grønne jobber", "nye jobber", "stk", BigDecimal.ZERO,
                        BigDecimal.TEN, BigDecimal.valueOf(40), BigDecimal.valueOf(50), LocalDate.of(2028, 12, 31),
                        List.of("8.5", "17.17"), "ny statistikk"),
                new MeetingRecorded(strategic, UUID.randomUUID(), LocalDate.of(2026, 2, 9), "Oppstart", "ref-1",
                        List.of(new Attendance(county, Representation.LEADERSHIP),
                                new Attendance(business, Representation.OPERATIONAL),
                                new Attendance(university, Representation.MANAGEMENT))));
        on("2026-03-01", commitment(onTrack, strategic, business, jobs, "2028-03-01"),
                commitment(done, strategic, county, jobs, "2027-06-30"),
                commitment(withdrawn, strategic, university, jobs, "2027-12-31"),
                commitment(extended, network, business, emissions, "2026-12-31"),
                commitment(partial, strategic, university, jobs, "2027-03-31"));
        on("2026-04-15", new MilestoneAdded(onTrack, strategic, business, milestone, "Pilot", LocalDate.of(2026, 9, 1)),
                new CommitmentRevised(onTrack, strategic, business, "Pilot og skalering", "utvidet", List.of(jobs),
                        List.of(new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(150000), "NOK"),
                                new Resource(ResourceKind.IN_KIND, BigDecimal.ONE, "lab")), "større ambisjon"),
                new ProgressReported(done, strategic, county, 30, "i gang", List.of("https://example.no/r1"),
                        LocalDate.of(2026, 4, 1)),
                new FollowUpRequested(partial, strategic, university, UUID.randomUUID(), "rapporter", null),
                new DisagreementRaised(strategic, disagreement, business, "Fordeling", "uenige om midler"),
                new DisagreementRaised(strategic, dissent, university, "Prioritering", "uenige om rekkefølge"));
        on("2026-09-02", new MilestoneCompleted(onTrack, strategic, business, milestone, LocalDate.of(2026, 9, 1)),
                new ProgressReported(onTrack, strategic, business, 45, "pilot ferdig", List.of(),
                        LocalDate.of(2026, 9, 1)),
                new DeadlineExtended(extended, network, business, LocalDate.of(2026, 12, 31),
                        LocalDate.of(2027, 6, 30), "leverandør forsinket"),
                new CommitmentWithdrawn(withdrawn, strategic, university, "finansiering falt bort"),
                new ProgressReported(partial, strategic, university, 20, "sent", List.of(), LocalDate.of(2026, 8, 1)),
                new DisagreementResolved(strategic, disagreement, "enige om fordelingsnøkkel"),
                new DisagreementClosedWithDissent(strategic, dissent, "dissens protokollført", List.of(university)),
                new MeetingRecorded(network, UUID.randomUUID(), LocalDate.of(2026, 9, 1), "Status", "ref-2",
                        List.of(new Attendance(business, Representation.LEADERSHIP))));
        on("2027-02-01", new CommitmentAssessed(done, strategic, county, AssessmentLevel.SUBSTANTIAL, "godt"),
                new OutcomeReported(done, strategic, county, OutcomeResult.FULFILLED, "levert",
                        List.of(new IndicatorValue(jobs, BigDecimal.valueOf(12))),
                        List.of(new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(90000), "NOK")),
                        LocalDate.of(2027, 1, 31)),
                new OutcomeReported(partial, strategic, university, OutcomeResult.PARTIALLY_FULFILLED, "delvis",
                        List.of(new IndicatorValue(jobs, BigDecimal.valueOf(3))), List.of(),
                        LocalDate.of(2027, 1, 31)),
                new CommitmentAssessed(partial, strategic, university, AssessmentLevel.LIMITED, "svakt"),
                new MemberLeft(network, business, "omorganisering"),
                new OrganisationRenamed(business, "Havkraft AS", "Havkraft Vest AS"),
                new PartnershipConcluded(network, "formålet nådd"));
    }

    private static CommitmentRecorded commitment(UUID id, UUID partnership, UUID organisation, UUID goal, String due) {
        return new CommitmentRecorded(id, partnership, organisation, "Tiltak " + id, "beskrivelse", List.of(goal),
                List.of(new Resource(ResourceKind.FUNDING, BigDecimal.valueOf(100000), "NOK"),
                        new Resource(ResourceKind.PERSON_DAYS, BigDecimal.valueOf(40), "days")),
                LocalDate.parse(due), LocalDate.of(2026, 3, 1));
    }

    private void on(String day, Object... happened) {
        events.appendOn(day, Map.of(AuditMetadata.SUBJECT, "sekretariat@vlfk.no", AuditMetadata.ROLES, "SECRETARIAT"),
                happened);
    }
}
