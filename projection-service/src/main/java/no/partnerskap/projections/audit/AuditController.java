package no.partnerskap.projections.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import no.partnerskap.audit.VerifierCli;
import no.partnerskap.projections.web.InvalidParameter;
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
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AuditReads.History.class)))
    @GetMapping("/{type}/{id}/events")
    void events(@Parameter(description = "organisation, partnership or commitment", schema = @Schema(
                        allowableValues = {"organisation", "partnership", "commitment"})) @PathVariable String type,
                @PathVariable UUID id, HttpServletResponse response) throws IOException {
        AuditType existing = reads.existing(type, id);
        history(response, json, existing.path, id, sink -> reads.events(id, sink));
    }

    @Operation(summary = "One partner's trail across partnerships: the organisation, its memberships and its "
            + "commitments, in global order")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AuditReads.History.class)))
    @GetMapping("/partners/{organisationId}/trail")
    void trail(@PathVariable UUID organisationId, HttpServletResponse response) throws IOException {
        reads.existing(AuditType.ORGANISATION.path, organisationId);
        history(response, json, "partner", organisationId, sink -> reads.trail(organisationId, sink));
    }

    /**
     * Writes a history as it is read, event by event: a partner's trail or a long-lived aggregate's
     * history may hold hundreds of thousands of events (180 MB of JSON for 100,000), more than the
     * heap should hold at once. A read that fails is never closed into a history that looks whole:
     * while nothing has been sent, the answer becomes the failure's problem document; after that,
     * the JSON ends unfinished.
     */
    static void history(HttpServletResponse response, ObjectMapper json, String type, UUID id,
                        Consumer<Consumer<AuditEvent>> read) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JsonGenerator out = json.createGenerator(new BufferedOutputStream(response.getOutputStream(), 64 * 1024));
        // not flushed after each event (Jackson's default): that sent every event in a packet of its own
        ObjectWriter eventWriter = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try {
            out.writeStartObject();
            out.writeStringField("type", type);
            out.writeStringField("id", id.toString());
            out.writeArrayFieldStart("events");
            read.accept(event -> {
                try {
                    eventWriter.writeValue(out, event);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.writeEndArray();
            out.writeEndObject();
        } catch (RuntimeException | IOException e) {
            // the generator is dropped unclosed: closing it would finish the JSON and send it
            if (!response.isCommitted()) {
                response.resetBuffer();
            }
            throw e;
        }
        out.close();
    }

    @Operation(summary = "The aggregate's state as it was at an instant, in the shape of its live read "
            + "(partnership and commitment detail; the organisation's row)")
    @GetMapping("/{type}/{id}")
    Object asOf(@Parameter(description = "organisation, partnership or commitment", schema = @Schema(
                        allowableValues = {"organisation", "partnership", "commitment"})) @PathVariable String type,
                @PathVariable UUID id,
                // required, though not to Spring: the problem document its absence gets says what to send
                @Parameter(description = "ISO-8601 instant with offset, e.g. 2027-01-01T10:00:00+01:00",
                        required = true)
                @RequestParam(required = false) String asOf) {
        return reads.asOf(type, id, asOf);
    }

    @Operation(summary = "The events as JSON lines (one event per line, global order), streamed; "
            + "from and to are optional inclusive instants on the event timestamp",
            description = "Between two instants, one unbroken run of positions from the first event stamped at or "
                    + "after from to the last stamped at or before to. The last line is "
                    + "{\"exportEnd\": {\"events\": N}}: an export without it was cut short.")
    @ApiResponse(responseCode = "200", description = "One AuditEvent per line, then the end line",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = AuditEvent.class)))
    @GetMapping("/export")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                HttpServletResponse response) throws IOException {
        Instant start = AuditReads.instant(from, "from");
        Instant end = AuditReads.instant(to, "to");
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidParameter("from", "must not be after to (" + end + "), not '" + start + "'");
        }
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"partnership-events.ndjson\"");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        long[] events = {0};
        reads.export(start, end, event -> {
            try {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
                events[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // the last line says the export is whole: one cut between two lines would otherwise read as a shorter history
        out.write(json.writeValueAsBytes(Map.of(VerifierCli.END, Map.of("events", events[0]))));
        out.write('\n');
        out.flush();
    }
}
