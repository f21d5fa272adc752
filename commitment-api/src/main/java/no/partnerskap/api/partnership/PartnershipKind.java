package no.partnerskap.api.partnership;

public enum PartnershipKind {
    STRATEGIC, THEMATIC_NETWORK
}
