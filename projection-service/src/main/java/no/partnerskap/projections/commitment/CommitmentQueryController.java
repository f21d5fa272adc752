package no.partnerskap.projections.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.UUID;
import no.partnerskap.projections.partnership.PartnershipQueries;
import no.partnerskap.projections.web.Csv;
import no.partnerskap.projections.web.NotFound;
import no.partnerskap.projections.web.ReadYourWrites;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import no.partnerskap.projections.organisation.OrganisationView;
import no.partnerskap.security.Caller;
import no.partnerskap.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Commitments")
class CommitmentQueryController {

    private final CommitmentQueries queries;
    private final PartnershipQueries partnerships;
    private final ReadYourWrites readYourWrites;
    private final JdbcTemplate jdbc;

    private static final String STATUSES = CommitmentQueries.STATUSES;
    private static final String SIGNALS = CommitmentQueries.SIGNALS;
    private static final long DUE_WITHIN_DAYS_MAX = CommitmentQueries.DUE_WITHIN_DAYS_MAX;
    CommitmentQueryController(CommitmentQueries queries, PartnershipQueries partnerships,
                              ReadYourWrites readYourWrites, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.partnerships = partnerships;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "A partnership's commitments, filtered by status, signal, organisation, goal, due date, open "
            + "follow-up request or divergent assessment; paged")
    @GetMapping("/api/partnerships/{id}/commitments")
    CommitmentQueries.Page<CommitmentRow> partnershipCommitments(
            @PathVariable UUID id,
            @RequestParam(required = false) @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES)
            String status,
            @RequestParam(required = false) @Pattern(regexp = SIGNALS, message = "must be one of " + SIGNALS)
            String signal,
            @RequestParam(required = false) UUID organisationId,
            @RequestParam(required = false) UUID goalId,
            @Parameter(description = "only active commitments due from today to this many days ahead")
            @RequestParam(required = false) @Min(0) @Max(DUE_WITHIN_DAYS_MAX) Integer dueWithinDays,
            @Parameter(description = "only commitments with a follow-up request not yet answered")
            @RequestParam(defaultValue = "false") boolean openFollowUp,
            @Parameter(description = "only commitments whose report and assessment are more than one level apart")
            @RequestParam(defaultValue = "false") boolean divergent,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        existing(id);
        return queries.inPartnership(id, new CommitmentQueries.Filter(status, signal, organisationId, goalId,
                dueWithinDays, openFollowUp, divergent), page, size);
    }

    @Operation(summary = "A partnership's commitments as a spreadsheet (CSV), all of them, filtered as the list is")
    @GetMapping(value = "/api/partnerships/{id}/commitments.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> partnershipSpreadsheet(
            @PathVariable UUID id,
            @RequestParam(required = false) @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES)
            String status,
            @RequestParam(required = false) @Pattern(regexp = SIGNALS, message = "must be one of " + SIGNALS)
            String signal,
            @RequestParam(required = false) UUID organisationId,
            @RequestParam(required = false) UUID goalId,
            @RequestParam(required = false) @Min(0) @Max(DUE_WITHIN_DAYS_MAX) Integer dueWithinDays,
            @RequestParam(defaultValue = "false") boolean openFollowUp,
            @RequestParam(defaultValue = "false") boolean divergent,
            @Parameter(description = Csv.Separator.DESCRIPTION)
            @RequestParam(defaultValue = "comma") @Pattern(regexp = Csv.Separator.PATTERN,
                    message = "must be one of " + Csv.Separator.PATTERN) String separator) {
        existing(id);
        return spreadsheet("commitments-" + id + ".csv", queries.inPartnership(id,
                new CommitmentQueries.Filter(status, signal, organisationId, goalId, dueWithinDays, openFollowUp,
                        divergent), 0, Integer.MAX_VALUE).items(), separator);
    }

    /** An unknown partnership is a 404, as its dashboard is, rather than an empty list. */
    private void existing(UUID partnershipId) {
        if (partnerships.version(partnershipId) < 0) {
            throw new NotFound("no partnership " + partnershipId);
        }
    }

    private static ResponseEntity<String> spreadsheet(String filename, List<CommitmentRow> rows, String separator) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(filename).build().toString())
                .body(CommitmentsCsv.write(rows, Csv.Separator.named(separator)));
    }

    @Operation(summary = "Overdue commitments across all partnerships, the longest overdue first; paged")
    @GetMapping("/api/commitments/overdue")
    CommitmentQueries.Page<CommitmentRow> overdue(
            @Parameter(description = "only this organisation's") @RequestParam(required = false) UUID organisationId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.overdue(organisationId, page, size);
    }

    @Operation(summary = "Every overdue commitment across all partnerships as a spreadsheet (CSV)")
    @GetMapping(value = "/api/commitments/overdue.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> overdueSpreadsheet(
            @Parameter(description = "only this organisation's") @RequestParam(required = false) UUID organisationId,
            @Parameter(description = Csv.Separator.DESCRIPTION)
            @RequestParam(defaultValue = "comma") @Pattern(regexp = Csv.Separator.PATTERN,
                    message = "must be one of " + Csv.Separator.PATTERN) String separator) {
        return spreadsheet("overdue-commitments.csv", queries.overdue(organisationId, 0, Integer.MAX_VALUE).items(),
                separator);
    }

    @Operation(summary = "One commitment with its reports, milestones, extensions and assessments")
    @GetMapping("/api/commitments/{id}")
    ResponseEntity<CommitmentQueries.Detail> commitment(
            @PathVariable UUID id,
            @Parameter(description = "wait (bounded) until the read model holds at least this version")
            @RequestParam(required = false) @PositiveOrZero Long minVersion) {
        readYourWrites.await(minVersion, "Commitment", id, () -> queries.version(id));
        CommitmentQueries.Detail detail = queries.one(id).orElseThrow(() -> new NotFound("no commitment " + id));
        return ResponseEntity.ok().eTag("\"" + detail.commitment().version() + "\"")
                .body(mayNamePeople(detail.commitment()) ? detail : detail.withoutPeople());
    }

    /**
     * Which person recorded each entry is personal data: for the secretariat, auditors and the partner's own
     * organisation. Other readers (a viewer's token, perhaps shared by a proxy in front of public dashboards, another
     * organisation's partner, or no token) see what was recorded and when.
     */
    private boolean mayNamePeople(CommitmentRow commitment) {
        return Caller.current().filter(caller -> caller.has(Role.SECRETARIAT) || caller.has(Role.AUDITOR)
                || caller.has(Role.PARTNER) && caller.organisation().filter(org -> names(org, commitment)).isPresent())
                .isPresent();
    }

    /** Whether the token's organisation is the commitment's: named by id, or by organisation number (Maskinporten). */
    private boolean names(String organisation, CommitmentRow commitment) {
        return organisation.equalsIgnoreCase(commitment.organisationId().toString())
                || OrganisationView.find(jdbc, commitment.organisationId())
                .map(OrganisationView::organisationNumber).filter(organisation::equals).isPresent();
    }
}
