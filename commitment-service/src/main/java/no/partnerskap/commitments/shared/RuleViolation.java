package no.partnerskap.commitments.shared;

import java.util.Map;

/**
 * A command that a rule of the domain forbids in the current state. The rule's name travels
 * to the client (HTTP 409) so it can tell one refusal from another.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final Map<String, Object> details;

    public RuleViolation(String rule, String message) {
        this(rule, message, Map.of());
    }

    /** With what the refusal names for a client to act on, such as the commitments still open. */
    public RuleViolation(String rule, String message, Map<String, Object> details) {
        super(message);
        this.rule = rule;
        this.details = Map.copyOf(details);
    }

    public String rule() {
        return rule;
    }

    public Map<String, Object> details() {
        return details;
    }
}
