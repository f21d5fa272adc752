package no.partnerskap.projections.web;

/**
 * A query parameter or path variable that breaks a rule no constraint annotation can state (a
 * position beyond the event store's head, a date outside the year asked for): HTTP 400 in the same
 * form as every other invalid parameter, the field named in {@code errors}.
 */
public class InvalidParameter extends RuntimeException {

    private final String field;

    /** @param message what is wrong with it, as "must be ..., not 'x'" */
    public InvalidParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
