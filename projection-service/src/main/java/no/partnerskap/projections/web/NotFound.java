package no.partnerskap.projections.web;

/** No such resource in the read model (HTTP 404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
