package no.partnerskap.commitments.web;

/** A query parameter on a command, which takes none: {@code ?dryRun=true} was ignored, and the write made. HTTP 400. */
class QueryParameterRefused extends RuntimeException {

    private final String name;

    QueryParameterRefused(String name) {
        super("is not a parameter of this command, which takes none: its input is the JSON body");
        this.name = name;
    }

    String name() {
        return name;
    }
}
