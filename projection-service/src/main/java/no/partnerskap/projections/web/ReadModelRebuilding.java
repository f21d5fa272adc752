package no.partnerskap.projections.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A read model is being rebuilt from the first event: its tables hold part of the truth, so a read of them would
 * answer an existing commitment with 404 and a list with too few. HTTP 503 with Retry-After until it is whole.
 */
public class ReadModelRebuilding extends RuntimeException {

    private final Map<String, Double> progress;

    /** @param progress each processor being rebuilt, with how far it has come (0 to 1) */
    public ReadModelRebuilding(Map<String, Double> progress) {
        super("The read model is being rebuilt from the event history (" + String.join(", ", progress.keySet())
                + "); until that is done it would answer with part of the truth. Ask again after Retry-After "
                + "seconds; GET /admin/projections/{name} shows how far the rebuild has come.");
        this.progress = Map.copyOf(progress);
    }

    public Map<String, Double> progress() {
        return progress;
    }

    /** The problem document it answers with, HTTP 503. */
    public ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, getMessage());
        problem.setTitle("Read model being rebuilt");
        problem.setType(URI.create("urn:partnerships:rebuild:read-model-rebuilding"));
        problem.setProperty("rebuilding", progress);
        return problem;
    }

    /** Seconds a reader waits before asking again. */
    public static final String RETRY_AFTER = "10";
}
