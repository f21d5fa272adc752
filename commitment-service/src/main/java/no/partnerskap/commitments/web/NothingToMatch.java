package no.partnerskap.commitments.web;

/** If-Match cannot match: it names a version of something this request creates, or a weak ETag (HTTP 412). */
public class NothingToMatch extends RuntimeException {

    private NothingToMatch(String message) {
        super(message);
    }

    static NothingToMatch onCreation(long named) {
        return new NothingToMatch("If-Match names version " + named + ", but this request creates something new, "
                + "which has no version yet. Send it without If-Match.");
    }

    /** A weak ETag never matches If-Match, which compares strongly (RFC 9110): the ETags given out are strong. */
    static NothingToMatch weak(String tag) {
        return new NothingToMatch("If-Match names a weak ETag (" + tag + "), which never matches: send the ETag as "
                + "this API gave it, such as \"3\".");
    }
}
