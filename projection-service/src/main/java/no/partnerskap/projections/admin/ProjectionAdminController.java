package no.partnerskap.projections.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Projection administration (SECRETARIAT): positions, lag, replay. */
@RestController
@RequestMapping("/admin/projections")
@Tag(name = "Administration")
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @Operation(summary = "Every projection processor: position, lag in events and seconds, replay progress, "
            + "segments claimed")
    @GetMapping
    List<ProjectionAdmin.ProcessorStatus> processors() {
        return admin.statuses();
    }

    @Operation(summary = "One projection processor's status")
    @GetMapping("/{name}")
    ProjectionAdmin.ProcessorStatus processor(@PathVariable String name) {
        return admin.status(name);
    }

    @Operation(summary = "Rebuild a read model from the first event: the processor stops, its tokens are reset "
            + "(its tables cleared) and it starts again; the others keep serving. 202 with its status; follow "
            + "the progress at GET /admin/projections/{name}")
    @ApiResponse(responseCode = "202", description = "The rebuild has started")
    @ApiResponse(responseCode = "409", description = "Another instance holds a segment past the rebuild wait "
            + "(urn:partnerships:rebuild:segment-held-elsewhere), or the processor is being rebuilt already "
            + "(urn:partnerships:rebuild:rebuild-underway, with Retry-After and its status as Location); nothing changed",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ProjectionAdmin.ProcessorStatus> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON)
                .header("Location", "/admin/projections/" + name)
                .body(admin.replay(name));
    }
}
