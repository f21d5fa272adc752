package no.partnerskap.projections.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.UUID;
import no.partnerskap.projections.commitment.CommitmentQueries;
import no.partnerskap.projections.web.NotFound;
import no.partnerskap.projections.web.ReadYourWrites;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Organisations")
class OrganisationController {

    private final ScorecardQueries queries;
    private final ReadYourWrites readYourWrites;

    private final JdbcTemplate jdbc;

    OrganisationController(ScorecardQueries queries, ReadYourWrites readYourWrites, JdbcTemplate jdbc) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.jdbc = jdbc;
    }

    @Operation(summary = "The registered organisations by name, a page at a time; organisationNumber finds one "
            + "by its number (a partner finding its own id)")
    @GetMapping("/api/organisations")
    CommitmentQueries.Page<OrganisationView> organisations(
            @Parameter(description = "nine digits: only the organisation with this number")
            @RequestParam(required = false) @Pattern(regexp = "\\d{9}", message = "must be nine digits")
            String organisationNumber,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        String where = organisationNumber == null ? "" : " where organisation_number = ?";
        Object[] args = organisationNumber == null ? new Object[0] : new Object[] {organisationNumber};
        long total = jdbc.queryForObject("select count(*) from organisation_view" + where, Long.class, args);
        List<OrganisationView> items = jdbc.query("select " + OrganisationView.COLUMNS + " from organisation_view"
                + where + " order by name, organisation_id limit " + size + " offset " + (long) page * size,
                OrganisationView::map, args);
        return new CommitmentQueries.Page<>(items, page, size, total);
    }

    @Operation(summary = "An organisation: its name, organisation number and sector")
    @GetMapping("/api/organisations/{id}")
    ResponseEntity<OrganisationView> organisation(
            @PathVariable UUID id,
            @Parameter(description = "wait (bounded) until the read model holds at least this version of the "
                    + "organisation, the ETag its registration or rename answered with")
            @RequestParam(required = false) @PositiveOrZero Long minVersion) {
        readYourWrites.await(minVersion, "Organisation", id, () -> queries.version(id));
        OrganisationView organisation = OrganisationView.find(jdbc, id)
                .orElseThrow(() -> new NotFound("no organisation " + id));
        return ResponseEntity.ok().eTag("\"" + organisation.version() + "\"").body(organisation);
    }

    @Operation(summary = "An organisation's scorecard across partnerships")
    @GetMapping("/api/organisations/{id}/scorecard")
    ResponseEntity<ScorecardQueries.Scorecard> scorecard(
            @PathVariable UUID id,
            @Parameter(description = "wait (bounded) until the read model holds at least this version of the "
                    + "organisation, the ETag its registration or rename answered with")
            @RequestParam(required = false) @PositiveOrZero Long minVersion) {
        readYourWrites.await(minVersion, "Organisation", id, () -> queries.version(id));
        ScorecardQueries.Scorecard scorecard = queries.of(id).orElseThrow(() -> new NotFound("no organisation " + id));
        return ResponseEntity.ok().eTag("\"" + scorecard.version() + "\"").body(scorecard);
    }
}
