package no.partnerskap.projections.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit reads (AUDITOR or SECRETARIAT): the history as stored, a partner's trail, state as of an instant, export. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
class AuditController {

    static final String NDJSON = "application/x-ndjson";

    private final AuditReads reads;
    private final ObjectMapper json;

    AuditController(AuditReads reads, ObjectMapper json) {
        this.reads = reads;
        this.json = json;
    }

    @Operation(summary = "An aggregate's full history: what, when, who, on whose behalf, why")
    @GetMapping("/{type}/{id}/events")
    AuditReads.History events(
            @Parameter(description = "organisation, partnership or commitment") @PathVariable String type,
            @PathVariable UUID id) {
        return reads.events(type, id);
    }

    @Operation(summary = "One partner's trail across partnerships: the organisation, its memberships and its "
            + "commitments, in global order")
    @GetMapping("/partners/{organisationId}/trail")
    AuditReads.History trail(@PathVariable UUID organisationId) {
        return reads.trail(organisationId);
    }

    @Operation(summary = "The aggregate's state as it was at an instant, in the shape of its live read "
            + "(partnership and commitment detail; the organisation's row)")
    @GetMapping("/{type}/{id}")
    Object asOf(@Parameter(description = "organisation, partnership or commitment") @PathVariable String type,
                @PathVariable UUID id,
                @Parameter(description = "ISO-8601 instant with offset, e.g. 2027-01-01T10:00:00+01:00")
                @RequestParam(required = false) String asOf) {
        return reads.asOf(type, id, asOf);
    }

    @Operation(summary = "The events as JSON lines (one event per line, global order), streamed; "
            + "from and to are optional inclusive instants on the event timestamp")
    @GetMapping("/export")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                HttpServletResponse response) throws IOException {
        Instant start = AuditReads.instant(from, "from");
        Instant end = AuditReads.instant(to, "to");
        if (start != null && end != null && start.isAfter(end)) {
            throw AuditProblem.badRequest("from (" + start + ") is after to (" + end + ")");
        }
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"partnership-events.ndjson\"");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        reads.export(start, end, event -> {
            try {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }
}
