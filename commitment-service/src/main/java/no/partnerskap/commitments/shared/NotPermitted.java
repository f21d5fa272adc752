package no.partnerskap.commitments.shared;

/** The caller may not do this to this aggregate: a partner acting on another organisation's commitment. */
public class NotPermitted extends RuleViolation {

    public NotPermitted(String rule, String message) {
        super(rule, message);
    }
}
