package no.partnerskap.api.commitment;

public enum AssessmentLevel {
    NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE
}
