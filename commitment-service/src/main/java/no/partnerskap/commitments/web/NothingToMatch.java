package no.partnerskap.commitments.web;

/** If-Match names a version of something this request creates: it has none yet (HTTP 412). */
public class NothingToMatch extends RuntimeException {

    NothingToMatch(long named) {
        super("If-Match names version " + named + ", but this request creates something new, which has no "
                + "version yet. Send it without If-Match.");
    }
}
