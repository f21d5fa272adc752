package no.partnerskap.commitments.shared;

/**
 * A command that a rule of the domain forbids in the current state. The rule's name travels
 * to the client (HTTP 409) so it can tell one refusal from another.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
