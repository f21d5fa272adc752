package no.partnerskap.api.partnership;

public enum Representation {
    LEADERSHIP, MANAGEMENT, OPERATIONAL
}
