package no.partnerskap.commitments.shared;

/** A command names something (an organisation, a partnership, a goal) that does not exist. */
public class UnknownReference extends RuleViolation {

    public UnknownReference(String rule, String message) {
        super(rule, message);
    }
}
