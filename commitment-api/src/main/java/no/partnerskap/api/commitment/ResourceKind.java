package no.partnerskap.api.commitment;

public enum ResourceKind {
    FUNDING, PERSON_DAYS, IN_KIND
}
