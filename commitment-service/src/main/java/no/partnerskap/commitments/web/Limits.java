package no.partnerskap.commitments.web;

/** Input limits shared by every request body. */
public final class Limits {

    public static final int NAME = 200;
    public static final int TEXT = 10_000;
    public static final int LIST = 100;
    /**
     * An amount (a resource pledged or delivered, a goal's baseline and target, an indicator value):
     * at most 15 digits before the decimal point, a thousand times any Norwegian budget in NOK, and
     * 6 after. Unbounded, 1e999999999 was read as a number, stored, and printed in full by a read model.
     */
    public static final int AMOUNT_DIGITS = 15;
    public static final int AMOUNT_DECIMALS = 6;
    /** An SDG target: goal 1-17, then a numbered (1-19) or lettered (a-z) target. */
    public static final String SDG_TARGET = "^([1-9]|1[0-7])\\.([1-9][0-9]?|[a-z])$";

    private Limits() {
    }
}
