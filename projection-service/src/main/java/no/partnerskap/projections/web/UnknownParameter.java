package no.partnerskap.projections.web;

/** A query parameter the read does not take: a misspelt filter would otherwise list everything. HTTP 400. */
public class UnknownParameter extends InvalidParameter {

    private final String value;
    private final String takes;

    public UnknownParameter(String name, String value, String takes) {
        super(name, "is not a parameter of this read" + (takes.isEmpty() ? ", which takes none" : "; it takes "
                + takes));
        this.value = value;
        this.takes = takes;
    }

    /** The parameters the read takes, with commas between them; empty when it takes none. */
    public String takes() {
        return takes;
    }

    public String value() {
        return value;
    }
}
