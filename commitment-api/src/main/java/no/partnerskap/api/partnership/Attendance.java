package no.partnerskap.api.partnership;

import java.util.UUID;

/** Which member attended a meeting, and at what level it was represented. */
public record Attendance(UUID organisationId, Representation representation) {
}
