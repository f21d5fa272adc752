package no.partnerskap.commitments.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.commitments.organisation.OrganisationCommands.RegisterOrganisation;
import no.partnerskap.commitments.organisation.OrganisationCommands.RenameOrganisation;
import no.partnerskap.commitments.web.CommandRunner;
import no.partnerskap.commitments.web.ValidOrganisationNumber;
import no.partnerskap.commitments.web.Limits;
import no.partnerskap.commitments.web.WriteContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organisations")
@Tag(name = "Organisations")
class OrganisationController {

    record RegistrationRequest(
            @Schema(example = "Vestland fylkeskommune") @NotBlank @Size(max = Limits.NAME) String name,
            @Schema(type = "string", example = "921693230") @NotNull @Pattern(regexp = "\\d{9}", message = "must be nine digits")
            @ValidOrganisationNumber String organisationNumber,
            @Schema(example = "PUBLIC_COUNTY") @NotNull Sector sector) {
    }

    record RenameRequest(@Schema(example = "Vestland fylkeskommune") @NotBlank @Size(max = Limits.NAME) String name) {
    }

    private final CommandRunner commands;

    OrganisationController(CommandRunner commands) {
        this.commands = commands;
    }

    @Operation(summary = "Register an organisation (secretariat)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Map<String, Object>> register(WriteContext context, @Valid @RequestBody RegistrationRequest request) {
        context.requireSecretariat();
        context.requireNoVersionNamed();
        UUID id = UUID.randomUUID();
        return commands.create(context,
                new RegisterOrganisation(id, request.name(), request.organisationNumber(), request.sector()),
                null, "id", id, created -> URI.create("/api/organisations/" + created));
    }

    @Operation(summary = "Rename an organisation (secretariat)")
    @PostMapping("/{id}/name")
    ResponseEntity<Map<String, Object>> rename(WriteContext context, @PathVariable UUID id,
                                               @Valid @RequestBody RenameRequest request) {
        context.requireSecretariat();
        return commands.update(context, new RenameOrganisation(id, request.name(), context.expectedVersion()), null);
    }
}
