package no.partnerskap.projections.web;

/** A query parameter the read does not take: a misspelt filter would otherwise list everything. HTTP 400. */
public class UnknownParameter extends InvalidParameter {

    private final String value;

    public UnknownParameter(String name, String value, String takes) {
        super(name, "is not a parameter of this read" + (takes.isEmpty() ? ", which takes none" : "; it takes "
                + takes));
        this.value = value;
    }

    public String value() {
        return value;
    }
}
