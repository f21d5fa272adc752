package no.partnerskap.projections.council;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.partnerskap.projections.pages.PageFormat;
import no.partnerskap.projections.web.Csv;
import no.partnerskap.projections.web.InvalidParameter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The annual report to the county council, as JSON (the default), HTML (bokmål or English by
 * the request's language) or CSV, chosen by {@code Accept}. Every variant carries the event
 * position the report was built from, also in the {@code X-Event-Position} header.
 */
@RestController
@Tag(name = "Council report")
class CouncilReportController {

    static final String POSITION_HEADER = "X-Event-Position";
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML,
            new MediaType("text", "csv"));
    private static final Locale BOKMAL = Locale.forLanguageTag("nb");

    private final CouncilReports reports;
    private final ITemplateEngine templates;

    CouncilReportController(CouncilReports reports, ITemplateEngine templates) {
        this.reports = reports;
        this.templates = templates;
    }

    @Operation(summary = "Annual report to the county council",
            description = "Every partnership active in the year with its goals, members' attendance, commitments "
                    + "and resources, and totals. Built from the events up to an event position (by default the "
                    + "position all projections have processed), given in the body and in X-Event-Position; "
                    + "the same year, position and reportDate always give the same report.",
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = CouncilReport.class)),
                    @Content(mediaType = "text/html"), @Content(mediaType = "text/csv")}))
    @GetMapping("/api/reports/council")
    ResponseEntity<?> report(
            @RequestParam int year,
            @Parameter(description = "rebuild the report from the events up to this global position "
                    + "(default: what all projections have processed)")
            @RequestParam(required = false) Long position,
            @Parameter(description = "the day the figures are counted to, within the year and not after today "
                    + "(default: the end of the year, or today if earlier); a year that has not begun is refused")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportDate,
            @Parameter(description = "for the CSV: " + Csv.Separator.DESCRIPTION)
            @RequestParam(defaultValue = "comma") @Pattern(regexp = Csv.Separator.PATTERN,
                    message = "must be one of " + Csv.Separator.PATTERN) String separator,
            @Parameter(description = "for the HTML: its language, nb (bokmål) or en (by default the pages' "
                    + "choice, or else Accept-Language)")
            @RequestParam(required = false) @Pattern(regexp = "nb|en", message = "must be nb or en") String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Locale locale) throws HttpMediaTypeNotAcceptableException {
        MediaType format = format(accept);
        if (year < 1900 || year > 9999) {
            throw new InvalidParameter("year", "must be between 1900 and 9999, not '" + year + "'");
        }
        LocalDate countedTo = reportDate(year, reportDate);
        CouncilReport report = reports.build(year, position(position), countedTo);

        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(POSITION_HEADER, Long.toString(report.position()))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE);
        if (format.equals(MediaType.TEXT_HTML)) {
            Locale language = language(lang == null ? locale : Locale.forLanguageTag(lang));
            return response.contentType(HTML).header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                    .body(html(report, language));
        }
        if (format.getSubtype().equals("csv")) {
            return response.contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(CouncilCsv.filename(report)).build().toString())
                    .body(CouncilCsv.write(report, Csv.Separator.named(separator)));
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /**
     * The day the figures are counted to: in the year, and not after today, so that every report's
     * stamp (year, position, report date) rebuilds it later. A year that has not begun has no such
     * day; a later day would count as overdue what is merely due by then.
     */
    private LocalDate reportDate(int year, LocalDate asked) {
        LocalDate today = reports.today();
        if (year > today.getYear()) {
            throw new InvalidParameter("year", "has not begun yet (today is " + today + "), not '" + year + "'");
        }
        if (asked == null) {
            return reports.defaultReportDate(year);
        }
        if (asked.getYear() != year) {
            throw new InvalidParameter("reportDate", "must lie in " + year + ", not '" + asked + "'");
        }
        if (asked.isAfter(today)) {
            throw new InvalidParameter("reportDate", "must not be after today, " + today + ", not '" + asked + "'");
        }
        return asked;
    }

    /** The position asked for, or by default the one every read model has reached. */
    private long position(Long asked) {
        if (asked == null) {
            return reports.processedPosition();
        }
        long head = reports.head();
        if (asked < 0 || asked > head) {
            throw new InvalidParameter("position",
                    "must be between 0 and the event store's head, " + head + ", not '" + asked + "'");
        }
        return asked;
    }

    private String html(CouncilReport report, Locale language) {
        Context context = new Context(language, Map.of(
                "report", report,
                // amounts and goal figures grouped as the reader writes them, as on the pages (the CSV keeps them plain)
                "fmt", new PageFormat(language, reports.zone(), report.reportDate()),
                "lang", language.toLanguageTag(),
                "thisYear", reports.today().getYear()));
        return templates.process("council/report", context);
    }

    /** Bokmål for any Norwegian (nb, nn, no), English otherwise. */
    static Locale language(Locale requested) {
        String language = requested == null ? "" : requested.getLanguage();
        return List.of("nb", "nn", "no").contains(language) ? BOKMAL : Locale.ENGLISH;
    }

    /** The offered type the client prefers most: by quality, then specificity, then order in the header. */
    static MediaType format(String accept) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) {
            return MediaType.APPLICATION_JSON;
        }
        List<MediaType> wanted;
        try {
            wanted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException malformed) {
            throw new HttpMediaTypeNotAcceptableException("malformed Accept header: " + accept);
        }
        wanted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed()
                .thenComparing(type -> type.isWildcardType() ? 2 : type.isWildcardSubtype() ? 1 : 0));
        for (MediaType type : wanted) {
            if (type.getQualityValue() <= 0) {
                continue;
            }
            for (MediaType offered : OFFERED) {
                if (type.includes(offered)) {
                    return offered;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(OFFERED);
    }
}
