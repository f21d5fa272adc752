package no.partnerskap.commitments.web;

/** The caller's roles or organisation do not allow this request (HTTP 403). */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
