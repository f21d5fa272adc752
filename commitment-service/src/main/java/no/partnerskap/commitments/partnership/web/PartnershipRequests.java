package no.partnerskap.commitments.partnership.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Representation;
import no.partnerskap.commitments.web.Distinct;
import no.partnerskap.commitments.web.Limits;

/** Request bodies of the partnership endpoints, with their limits. */
final class PartnershipRequests {

    private PartnershipRequests() {
    }

    record PeriodRequest(@Schema(example = "2026-01-01") @NotNull LocalDate from,
                         @Schema(example = "2029-12-31") LocalDate to) {
    }

    record Establish(
            @Schema(example = "Grønn industri Vestland") @NotBlank @Size(max = Limits.NAME) String name,
            @Schema(example = "STRATEGIC") @NotNull PartnershipKind kind,
            @Schema(description = "a THEMATIC_NETWORK's strategic partnership; none for a STRATEGIC one")
            UUID parentPartnershipId,
            @Schema(example = "Samordne innsatsen for grønn omstilling i regionen") @NotBlank @Size(max = Limits.TEXT)
            String mandate,
            @Schema(example = "Flere grønne arbeidsplasser") @Size(max = Limits.TEXT) String purpose,
            @Schema(example = "Kvartalsvise møter i partnerskapsforum") @Size(max = Limits.TEXT) String workingMethods,
            @Schema(example = "Uenighet tas opp i forum og protokollføres") @Size(max = Limits.TEXT)
            String disagreementProcedure,
            @NotNull @Valid PeriodRequest period,
            @NotNull UUID convenorOrganisationId) {
    }

    record Admit(@NotNull UUID organisationId,
                 @Schema(example = "PARTNER") @NotNull MemberRole role,
                 @Schema(example = "LEADERSHIP") @NotNull Representation representation) {
    }

    record ChangeRole(@Schema(example = "OBSERVER") @NotNull MemberRole role, Representation representation) {
    }

    record Reason(@Schema(example = "Omorganisering") @NotBlank @Size(max = Limits.TEXT) String reason) {
    }

    record Goal(@Schema(example = "Flere grønne arbeidsplasser") @NotBlank @Size(max = Limits.NAME) String title,
                @Schema(example = "Nye arbeidsplasser i grønn industri") @Size(max = Limits.TEXT) String indicator,
                @Schema(example = "arbeidsplasser") @Size(max = Limits.NAME) String unit,
                @Schema(example = "0") @PositiveOrZero
                @Digits(integer = Limits.AMOUNT_DIGITS, fraction = Limits.AMOUNT_DECIMALS) BigDecimal baseline,
                @Schema(example = "40") @PositiveOrZero
                @Digits(integer = Limits.AMOUNT_DIGITS, fraction = Limits.AMOUNT_DECIMALS) BigDecimal target,
                @Schema(example = "2028-12-31") LocalDate targetDate,
                @Schema(example = "[\"9.5\", \"17.17\"]")
                @Size(max = Limits.LIST) @Distinct List<@NotNull @Pattern(regexp = Limits.SDG_TARGET,
                        message = "must be an SDG target such as 9.5 or 14.a") String> sdgTargets) {

        List<String> targets() {
            return sdgTargets == null ? List.of() : sdgTargets;
        }
    }

    /**
     * The goal as revised, in full: a revision replaces its indicator, unit, figures, target date and SDG
     * targets, so each must be sent (null or [] for none), as a sign the client means the whole goal rather
     * than one field (a revision of the title alone emptied the rest and took the goal off the SDG coverage;
     * one without its baseline cleared it).
     */
    record GoalRevision(@Schema(example = "Flere grønne arbeidsplasser") @NotBlank @Size(max = Limits.NAME)
                        String title,
                        @JsonProperty(required = true) @Schema(example = "Nye arbeidsplasser i grønn industri",
                                requiredMode = Schema.RequiredMode.REQUIRED, nullable = true)
                        @Size(max = Limits.TEXT) String indicator,
                        @JsonProperty(required = true) @Schema(example = "arbeidsplasser",
                                requiredMode = Schema.RequiredMode.REQUIRED, nullable = true)
                        @Size(max = Limits.NAME) String unit,
                        @JsonProperty(required = true) @Schema(example = "10",
                                requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) @PositiveOrZero
                        @Digits(integer = Limits.AMOUNT_DIGITS, fraction = Limits.AMOUNT_DECIMALS) BigDecimal baseline,
                        @JsonProperty(required = true) @Schema(example = "50",
                                requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) @PositiveOrZero
                        @Digits(integer = Limits.AMOUNT_DIGITS, fraction = Limits.AMOUNT_DECIMALS) BigDecimal target,
                        @JsonProperty(required = true) @Schema(example = "2028-12-31",
                                requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) LocalDate targetDate,
                        @Schema(example = "[\"9.5\", \"17.17\"]")
                        @NotNull(message = "must list the SDG targets of the revised goal ([] for none)")
                        @Size(max = Limits.LIST) @Distinct List<@NotNull @Pattern(regexp = Limits.SDG_TARGET,
                                message = "must be an SDG target such as 9.5 or 14.a") String> sdgTargets,
                        @Schema(example = "Målet re-baselinet etter ny statistikk") @NotBlank @Size(max = Limits.TEXT)
                        String reason) {

        List<String> targets() {
            return sdgTargets == null ? List.of() : sdgTargets;
        }
    }

    record Agreement(@Schema(example = "2026-02-01") @NotNull LocalDate signedOn,
                     @Schema(example = "Sak 2026/123") @NotBlank @Size(max = Limits.NAME) String documentReference) {
    }

    record Mandate(@NotBlank @Size(max = Limits.TEXT) String mandate,
                   @NotBlank @Size(max = Limits.TEXT) String reason) {
    }

    /** One organisation's attendance: the same organisation twice in a meeting is refused, whatever the levels. */
    record Attendee(@NotNull UUID organisationId, @NotNull Representation representation) implements Distinct.Keyed {

        @Override
        public Object key() {
            return organisationId;
        }
    }

    record Meeting(@Schema(example = "2026-03-15") @NotNull LocalDate date,
                   @Size(max = Limits.TEXT) String agenda,
                   @Size(max = Limits.NAME) String minutesReference,
                   @NotNull @Size(max = Limits.LIST) @Distinct List<@NotNull @Valid Attendee> attendance) {
    }

    record Disagreement(@NotBlank @Size(max = Limits.NAME) String subject,
                        @Size(max = Limits.TEXT) String description) {
    }

    record Resolution(@Size(max = Limits.TEXT) String resolution,
                      @Size(max = Limits.TEXT) String dissent,
                      @Size(max = Limits.LIST) @Distinct List<@NotNull UUID> dissentingOrganisationIds) {
    }
}
