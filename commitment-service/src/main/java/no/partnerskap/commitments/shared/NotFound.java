package no.partnerskap.commitments.shared;

/** Something addressed in the request's path (a goal, a member, a milestone) does not exist. */
public class NotFound extends RuleViolation {

    public NotFound(String rule, String message) {
        super(rule, message);
    }
}
