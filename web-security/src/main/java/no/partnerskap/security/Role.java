package no.partnerskap.security;

public enum Role {
    /** County council staff: run partnerships, request follow-up, assess. */
    SECRETARIAT,
    /** A partner organisation: records and reports on its own commitments. */
    PARTNER,
    /** Reads the full history and verifies it; never writes. */
    AUDITOR,
    /** Reads dashboards; never writes. */
    VIEWER
}
