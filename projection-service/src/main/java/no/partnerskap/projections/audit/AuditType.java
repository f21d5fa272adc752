package no.partnerskap.projections.audit;

import java.util.Arrays;
import java.util.Optional;

/** The aggregate types an auditor names in a path, and their type in the event store. */
enum AuditType {
    ORGANISATION("organisation", "Organisation"),
    PARTNERSHIP("partnership", "Partnership"),
    COMMITMENT("commitment", "Commitment");

    final String path;
    final String storedType;

    AuditType(String path, String storedType) {
        this.path = path;
        this.storedType = storedType;
    }

    static Optional<AuditType> fromPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }
}
