package no.partnerskap.commitments.commitment.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.partnerskap.api.commitment.AssessmentLevel;
import no.partnerskap.api.commitment.IndicatorValue;
import no.partnerskap.api.commitment.OutcomeResult;
import no.partnerskap.api.commitment.Resource;
import no.partnerskap.api.commitment.ResourceKind;
import no.partnerskap.commitments.web.Distinct;
import no.partnerskap.commitments.web.Limits;

/** Request bodies of the commitment endpoints, with their limits. */
final class CommitmentRequests {

    private CommitmentRequests() {
    }

    record ResourceAmount(@Schema(example = "FUNDING") @NotNull ResourceKind kind,
                          @Schema(example = "500000") @NotNull @PositiveOrZero
                          @Digits(integer = Limits.AMOUNT_DIGITS, fraction = Limits.AMOUNT_DECIMALS) BigDecimal amount,
                          @Schema(example = "NOK") @NotBlank @Size(max = 50) String unit) {

        /** "NOK ", "nok" and "NOK" are one unit: pledges in it are summed and compared as one. */
        Resource toResource() {
            String written = SPACES.matcher(unit).replaceAll(" ").strip();
            return new Resource(kind, amount, kind == ResourceKind.FUNDING && CURRENCY_CODE.matcher(written).matches()
                    ? written.toUpperCase(Locale.ROOT) : written);
        }

        /** An ISO 4217 currency code, in any case. */
        private static final java.util.regex.Pattern CURRENCY_CODE = java.util.regex.Pattern.compile("[A-Za-z]{3}");
        /** Any run of spaces, the no-break ones too. */
        private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\p{Z}]+");

        static List<Resource> all(List<ResourceAmount> amounts) {
            return amounts == null ? List.of() : amounts.stream().map(ResourceAmount::toResource).toList();
        }
    }

    record Record(@NotNull UUID organisationId,
                  @Schema(example = "Pilot for hydrogenferje") @NotBlank @Size(max = Limits.NAME) String title,
                  @Schema(example = "Vi finansierer og driver en pilot") @Size(max = Limits.TEXT) String description,
                  @Size(max = Limits.LIST) @Distinct List<@NotNull UUID> goalIds,
                  @Size(max = Limits.LIST) List<@NotNull @Valid ResourceAmount> resources,
                  @Schema(example = "2027-06-30") @NotNull LocalDate dueDate) {
    }

    /**
     * The commitment as revised, in full: a revision replaces its description, goals and resources, so each
     * must be sent (the lists [] for none, the description null for none) rather than be emptied by a client
     * that only meant to retitle it.
     */
    record Revision(@NotBlank @Size(max = Limits.NAME) String title,
                    @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true,
                            description = "the description as revised; null for none") @Size(max = Limits.TEXT)
                    String description,
                    @NotNull(message = "must list the goals the revised commitment serves ([] for none)")
                    @Size(max = Limits.LIST) @Distinct List<@NotNull UUID> goalIds,
                    @NotNull(message = "must list the resources the revised commitment pledges ([] for none)")
                    @Size(max = Limits.LIST) List<@NotNull @Valid ResourceAmount> resources,
                    @Schema(example = "Budsjettet ble redusert") @NotBlank @Size(max = Limits.TEXT) String reason) {
    }

    record Milestone(@Schema(example = "Anbud utlyst") @NotBlank @Size(max = Limits.NAME) String title,
                     @Schema(example = "2027-01-31") LocalDate dueDate) {
    }

    record MilestoneCompletion(@Schema(description = "the day it was completed, not after today; leave it out "
            + "for today") LocalDate completedOn) {
    }

    record ProgressReport(@Schema(example = "40") @NotNull @Min(0) @Max(100) Integer percentComplete,
                          @Schema(example = "Anbudet er lyst ut") @Size(max = Limits.TEXT) String narrative,
                          @Schema(example = "[\"https://example.no/anbud/123\"]") @Size(max = Limits.LIST)
                          List<@NotNull @Size(max = 2000) @Pattern(regexp = "https?://\\S+",
                                  message = "must be an http(s) link") String> evidence,
                          @Schema(description = "the day it was true: not after today, nor before the commitment "
                                  + "was recorded") @NotNull LocalDate asOf) {
    }

    record DeadlineExtension(@Schema(example = "2027-12-31") @NotNull LocalDate newDueDate,
                             @Schema(example = "Leveransen av fartøyet er forsinket") @NotBlank
                             @Size(max = Limits.TEXT) String reason) {
    }

    record FollowUpRequest(@Schema(example = "Vennligst rapporter framdrift før styremøtet")
                           @Size(max = Limits.TEXT) String message,
                           @Schema(example = "2026-12-15") LocalDate respondBy) {
    }

    record Assessment(@Schema(example = "SUBSTANTIAL") @NotNull AssessmentLevel level,
                      @Size(max = Limits.TEXT) String comment) {
    }

    /** A goal's value: two for the same goal in one outcome are refused. */
    record IndicatorAmount(@NotNull UUID goalId,
                           @NotNull @PositiveOrZero
                           @Digits(integer = Limits.AMOUNT_DIGITS, fraction = Limits.AMOUNT_DECIMALS) BigDecimal value)
            implements Distinct.Keyed {

        @Override
        public Object key() {
            return goalId;
        }
    }

    record Outcome(@Schema(example = "FULFILLED") @NotNull OutcomeResult result,
                   @Size(max = Limits.TEXT) String narrative,
                   @Size(max = Limits.LIST) @Distinct List<@NotNull @Valid IndicatorAmount> indicatorValues,
                   @Size(max = Limits.LIST) List<@NotNull @Valid ResourceAmount> resourcesDelivered,
                   @Schema(description = "the day the outcome was true: not after today, nor before the "
                           + "commitment was recorded; leave it out for today") LocalDate asOf) {

        List<IndicatorValue> indicators() {
            return indicatorValues == null ? List.of()
                    : indicatorValues.stream().map(v -> new IndicatorValue(v.goalId(), v.value())).toList();
        }
    }

    record Withdrawal(@Schema(example = "Prosjektet er lagt ned") @NotBlank @Size(max = Limits.TEXT) String reason) {
    }
}
