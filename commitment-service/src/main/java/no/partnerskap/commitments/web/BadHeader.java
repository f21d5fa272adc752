package no.partnerskap.commitments.web;

/** A request header that cannot be understood (HTTP 400). */
public class BadHeader extends RuntimeException {

    private final String header;

    public BadHeader(String header, String message) {
        super(header + " " + message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
