package no.partnerskap.projections.history;

import java.util.List;

/** A projector and the read-model tables it alone writes (named without a schema). */
public interface ReadModelProjector {

    List<String> tables();
}
