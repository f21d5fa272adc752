package no.partnerskap.commitments.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import no.partnerskap.api.partnership.Attendance;
import no.partnerskap.api.partnership.MemberRole;
import no.partnerskap.api.partnership.PartnershipKind;
import no.partnerskap.api.partnership.Period;
import no.partnerskap.api.partnership.Representation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** What the secretariat (and, for disagreements, members) can ask of a partnership. */
public final class PartnershipCommands {

    private PartnershipCommands() {
    }

    public record EstablishPartnership(@TargetAggregateIdentifier UUID partnershipId, String name,
                                       PartnershipKind kind, UUID parentPartnershipId, String mandate,
                                       String purpose, String workingMethods, String disagreementProcedure,
                                       Period period, UUID convenorOrganisationId) {
    }

    public record AdmitMember(@TargetAggregateIdentifier UUID partnershipId, UUID organisationId, MemberRole role,
                              Representation representation, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ChangeMemberRole(@TargetAggregateIdentifier UUID partnershipId, UUID organisationId,
                                   MemberRole role, Representation representation,
                                   @TargetAggregateVersion Long expectedVersion) {
    }

    public record RecordDeparture(@TargetAggregateIdentifier UUID partnershipId, UUID organisationId, String reason,
                                  @TargetAggregateVersion Long expectedVersion) {
    }

    public record DefineResultGoal(@TargetAggregateIdentifier UUID partnershipId, UUID goalId, String title,
                                   String indicator, String unit, BigDecimal baseline, BigDecimal target,
                                   LocalDate targetDate, List<String> sdgTargets,
                                   @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReviseResultGoal(@TargetAggregateIdentifier UUID partnershipId, UUID goalId, String title,
                                   String indicator, String unit, BigDecimal baseline, BigDecimal target,
                                   LocalDate targetDate, List<String> sdgTargets, String reason,
                                   @TargetAggregateVersion Long expectedVersion) {
    }

    public record SignAgreement(@TargetAggregateIdentifier UUID partnershipId, LocalDate signedOn,
                                String documentReference, LocalDate today,
                                @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReviseMandate(@TargetAggregateIdentifier UUID partnershipId, String mandate, String reason,
                                @TargetAggregateVersion Long expectedVersion) {
    }

    /** {@code zone}: the partnerships' time zone, in which a member's departure falls on a day. */
    public record RecordMeeting(@TargetAggregateIdentifier UUID partnershipId, UUID meetingId, LocalDate date,
                                String agenda, String minutesReference, List<Attendance> attendance,
                                LocalDate today, ZoneId zone, @TargetAggregateVersion Long expectedVersion) {
    }

    public record RaiseDisagreement(@TargetAggregateIdentifier UUID partnershipId, UUID disagreementId,
                                    UUID organisationId, String subject, String description,
                                    @TargetAggregateVersion Long expectedVersion) {
    }

    /** Either a resolution, or the dissent and who holds it; never both. */
    public record ResolveDisagreement(@TargetAggregateIdentifier UUID partnershipId, UUID disagreementId,
                                      String resolution, String dissent, List<UUID> dissentingOrganisationIds,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record ConcludePartnership(@TargetAggregateIdentifier UUID partnershipId, String reason,
                                      @TargetAggregateVersion Long expectedVersion) {
    }
}
