package no.partnerskap.api.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happened in a partnership. Each event carries what a read model needs, so
 * projections never look anything up.
 */
public sealed interface PartnershipEvent {

    UUID partnershipId();

    record PartnershipEstablished(UUID partnershipId, String name, PartnershipKind kind, UUID parentPartnershipId,
                                  String mandate, String purpose, String workingMethods,
                                  String disagreementProcedure, Period period,
                                  UUID convenorOrganisationId) implements PartnershipEvent {
    }

    record MemberAdmitted(UUID partnershipId, UUID organisationId, MemberRole role,
                          Representation representation) implements PartnershipEvent {
    }

    record MemberRoleChanged(UUID partnershipId, UUID organisationId, MemberRole previousRole, MemberRole role,
                             Representation representation) implements PartnershipEvent {
    }

    record MemberLeft(UUID partnershipId, UUID organisationId, String reason) implements PartnershipEvent {
    }

    record ResultGoalDefined(UUID partnershipId, UUID goalId, String title, String indicator, String unit,
                             BigDecimal baseline, BigDecimal target, LocalDate targetDate,
                             List<String> sdgTargets) implements PartnershipEvent {
    }

    /** A re-baselined goal: the previous baseline and target travel with it so both stay visible. */
    record ResultGoalRevised(UUID partnershipId, UUID goalId, String title, String indicator, String unit,
                             BigDecimal previousBaseline, BigDecimal baseline,
                             BigDecimal previousTarget, BigDecimal target,
                             LocalDate targetDate, List<String> sdgTargets, String reason) implements PartnershipEvent {
    }

    record AgreementSigned(UUID partnershipId, LocalDate signedOn, String documentReference) implements PartnershipEvent {
    }

    record MandateRevised(UUID partnershipId, String previousMandate, String mandate, String reason)
            implements PartnershipEvent {
    }

    record MeetingRecorded(UUID partnershipId, UUID meetingId, LocalDate date, String agenda, String minutesReference,
                           List<Attendance> attendance) implements PartnershipEvent {
    }

    record DisagreementRaised(UUID partnershipId, UUID disagreementId, UUID organisationId, String subject,
                              String description) implements PartnershipEvent {
    }

    record DisagreementResolved(UUID partnershipId, UUID disagreementId, String resolution) implements PartnershipEvent {
    }

    /** Closed without agreement: the dissent and who holds it are part of the record. */
    record DisagreementClosedWithDissent(UUID partnershipId, UUID disagreementId, String dissent,
                                         List<UUID> dissentingOrganisationIds) implements PartnershipEvent {
    }

    record PartnershipConcluded(UUID partnershipId, String reason) implements PartnershipEvent {
    }
}
