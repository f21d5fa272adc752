package no.partnerskap.api.partnership;

public enum MemberRole {
    CONVENOR, PARTNER, OBSERVER
}
