package no.partnerskap.api.commitment;

public enum OutcomeResult {
    FULFILLED, PARTIALLY_FULFILLED, NOT_FULFILLED
}
