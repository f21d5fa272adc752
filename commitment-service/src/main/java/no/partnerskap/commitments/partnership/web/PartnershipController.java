package no.partnerskap.commitments.partnership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import no.partnerskap.api.partnership.Attendance;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.commitments.partnership.PartnershipCommands.AdmitMember;
import no.partnerskap.commitments.partnership.PartnershipCommands.ChangeMemberRole;
import no.partnerskap.commitments.partnership.PartnershipCommands.ConcludePartnership;
import no.partnerskap.commitments.partnership.PartnershipCommands.DefineResultGoal;
import no.partnerskap.commitments.partnership.PartnershipCommands.EstablishPartnership;
import no.partnerskap.commitments.partnership.PartnershipCommands.RaiseDisagreement;
import no.partnerskap.commitments.partnership.PartnershipCommands.RecordDeparture;
import no.partnerskap.commitments.partnership.PartnershipCommands.RecordMeeting;
import no.partnerskap.commitments.partnership.PartnershipCommands.ResolveDisagreement;
import no.partnerskap.commitments.partnership.PartnershipCommands.ReviseMandate;
import no.partnerskap.commitments.partnership.PartnershipCommands.ReviseResultGoal;
import no.partnerskap.commitments.partnership.PartnershipCommands.SignAgreement;
import no.partnerskap.commitments.web.CommandRunner;
import no.partnerskap.commitments.web.WriteContext;
import no.partnerskap.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/partnerships")
@Tag(name = "Partnerships")
class PartnershipController {

    /** Whole bodies for the API documentation, where one made of every field's own example would be refused. */
    private static final String ESTABLISHED = """
            {"name": "Grønn industri Vestland", "kind": "STRATEGIC",
             "mandate": "Samordne innsatsen for grønn omstilling", "purpose": "Flere grønne arbeidsplasser",
             "period": {"from": "2026-01-01", "to": "2029-12-31"}, "convenorOrganisationId": "<an organisation's id>"}""";
    private static final String RESOLVED = "{\"resolution\": \"Enighet om felles innkjøp\"}";


    private final CommandRunner commands;

    private final Clock clock;

    PartnershipController(CommandRunner commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Operation(summary = "Establish a strategic partnership or a thematic network (secretariat)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Map<String, Object>> establish(WriteContext context,
                                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                          content = @Content(schema = @Schema(implementation =
                                                                  PartnershipRequests.Establish.class),
                                                                  examples = @ExampleObject(ESTABLISHED)))
                                                  @Valid @RequestBody PartnershipRequests.Establish request) {
        context.requireSecretariat();
        context.requireNoVersionNamed();
        UUID id = UUID.randomUUID();
        return commands.create(context, new EstablishPartnership(id, request.name(), request.kind(),
                        request.parentPartnershipId(), request.mandate(), request.purpose(), request.workingMethods(),
                        request.disagreementProcedure(), new Period(request.period().from(), request.period().to()),
                        request.convenorOrganisationId()),
                null, "id", id, created -> URI.create("/api/partnerships/" + created));
    }

    @Operation(summary = "Admit an organisation as member (secretariat)", description = "Admitted as CONVENOR, "
            + "it takes the convening over and the previous convenor becomes a partner.")
    @PostMapping("/{id}/members")
    ResponseEntity<Map<String, Object>> admit(WriteContext context, @PathVariable UUID id,
                                              @Valid @RequestBody PartnershipRequests.Admit request) {
        context.requireSecretariat();
        return commands.update(context, new AdmitMember(id, request.organisationId(), request.role(),
                request.representation(), context.expectedVersion()), null);
    }

    @Operation(summary = "Change a member's role (secretariat)", description = "Made CONVENOR, the member takes the "
            + "convening over and the previous convenor becomes a partner; the convenor itself steps down only that way "
            + "(409 convenor-hands-over-first).")
    @PostMapping("/{id}/members/{organisationId}/role")
    ResponseEntity<Map<String, Object>> changeRole(WriteContext context, @PathVariable UUID id,
                                                   @PathVariable UUID organisationId,
                                                   @Valid @RequestBody PartnershipRequests.ChangeRole request) {
        context.requireSecretariat();
        return commands.update(context, new ChangeMemberRole(id, organisationId, request.role(),
                request.representation(), context.expectedVersion()), null);
    }

    @Operation(summary = "Record that a member leaves, with the reason (secretariat)", description = "The convenor "
            + "leaves only after another member has taken the convening over (409 convenor-hands-over-first).")
    @PostMapping("/{id}/members/{organisationId}/departure")
    ResponseEntity<Map<String, Object>> departure(WriteContext context, @PathVariable UUID id,
                                                  @PathVariable UUID organisationId,
                                                  @Valid @RequestBody PartnershipRequests.Reason request) {
        context.requireSecretariat();
        return commands.update(context, new RecordDeparture(id, organisationId, request.reason(),
                context.expectedVersion()), request.reason());
    }

    @Operation(summary = "Define a result goal (secretariat)")
    @PostMapping("/{id}/goals")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Map<String, Object>> defineGoal(WriteContext context, @PathVariable UUID id,
                                                   @Valid @RequestBody PartnershipRequests.Goal request) {
        context.requireSecretariat();
        UUID goalId = UUID.randomUUID();
        return commands.create(context, new DefineResultGoal(id, goalId, request.title(), request.indicator(),
                        request.unit(), request.baseline(), request.target(), request.targetDate(), request.targets(),
                        context.expectedVersion()),
                null, "goalId", goalId, created -> URI.create("/api/partnerships/" + id));
    }

    @Operation(summary = "Revise a result goal, with the reason; the old figures stay visible (secretariat)")
    @PostMapping("/{id}/goals/{goalId}/revision")
    ResponseEntity<Map<String, Object>> reviseGoal(WriteContext context, @PathVariable UUID id,
                                                   @PathVariable UUID goalId,
                                                   @Valid @RequestBody PartnershipRequests.GoalRevision request) {
        context.requireSecretariat();
        return commands.update(context, new ReviseResultGoal(id, goalId, request.title(), request.indicator(),
                request.unit(), request.baseline(), request.target(), request.targetDate(), request.targets(),
                request.reason(), context.expectedVersion()), request.reason());
    }

    @Operation(summary = "Record the signed partnership agreement (secretariat)")
    @PostMapping("/{id}/agreement")
    ResponseEntity<Map<String, Object>> signAgreement(WriteContext context, @PathVariable UUID id,
                                                      @Valid @RequestBody PartnershipRequests.Agreement request) {
        context.requireSecretariat();
        return commands.update(context, new SignAgreement(id, request.signedOn(), request.documentReference(),
                LocalDate.now(clock), context.expectedVersion()), null);
    }

    @Operation(summary = "Revise the mandate, with the reason (secretariat)")
    @PostMapping("/{id}/mandate")
    ResponseEntity<Map<String, Object>> reviseMandate(WriteContext context, @PathVariable UUID id,
                                                      @Valid @RequestBody PartnershipRequests.Mandate request) {
        context.requireSecretariat();
        return commands.update(context, new ReviseMandate(id, request.mandate(), request.reason(),
                context.expectedVersion()), request.reason());
    }

    @Operation(summary = "Record a meeting and who attended at what level (secretariat)")
    @PostMapping("/{id}/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Map<String, Object>> recordMeeting(WriteContext context, @PathVariable UUID id,
                                                      @Valid @RequestBody PartnershipRequests.Meeting request) {
        context.requireSecretariat();
        UUID meetingId = UUID.randomUUID();
        return commands.create(context, new RecordMeeting(id, meetingId, request.date(), request.agenda(),
                        request.minutesReference(), request.attendance().stream()
                        .map(a -> new Attendance(a.organisationId(), a.representation())).toList(),
                        LocalDate.now(clock), clock.getZone(), context.expectedVersion()),
                null, "meetingId", meetingId, created -> URI.create("/api/partnerships/" + id));
    }

    @Operation(summary = "Raise a disagreement on behalf of the caller's organisation (a member)")
    @PostMapping("/{id}/disagreements")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Map<String, Object>> raiseDisagreement(WriteContext context, @PathVariable UUID id,
                                                          @Valid @RequestBody PartnershipRequests.Disagreement request) {
        if (!context.isSecretariat() && !context.caller().has(Role.PARTNER)) {
            throw new no.partnerskap.commitments.web.Forbidden("only members raise disagreements");
        }
        UUID disagreementId = UUID.randomUUID();
        return commands.create(context, new RaiseDisagreement(id, disagreementId, context.actingOrganisation(),
                        request.subject(), request.description(), context.expectedVersion()),
                null, "disagreementId", disagreementId,
                created -> URI.create("/api/partnerships/" + id));
    }

    @Operation(summary = "Resolve a disagreement, or close it with the dissent recorded (secretariat)")
    @PostMapping("/{id}/disagreements/{disagreementId}/resolution")
    ResponseEntity<Map<String, Object>> resolveDisagreement(WriteContext context, @PathVariable UUID id,
                                                            @PathVariable UUID disagreementId,
                                                            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                                    content = @Content(schema = @Schema(implementation =
                                                                            PartnershipRequests.Resolution.class),
                                                                            examples = @ExampleObject(RESOLVED)))
                                                            @Valid @RequestBody PartnershipRequests.Resolution request) {
        context.requireSecretariat();
        return commands.update(context, new ResolveDisagreement(id, disagreementId, request.resolution(),
                request.dissent(), request.dissentingOrganisationIds(), context.expectedVersion()), null);
    }

    @Operation(summary = "Conclude the partnership, with the reason; after this it can only be read (secretariat)")
    @PostMapping("/{id}/conclusion")
    ResponseEntity<Map<String, Object>> conclude(WriteContext context, @PathVariable UUID id,
                                                 @Valid @RequestBody PartnershipRequests.Reason request) {
        context.requireSecretariat();
        return commands.update(context, new ConcludePartnership(id, request.reason(), context.expectedVersion()),
                request.reason());
    }
}
