package no.partnerskap.projections.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import no.partnerskap.api.common.AuditMetadata;
import no.partnerskap.audit.EventRecord;
import no.partnerskap.projections.history.StoredEvent;

/**
 * One stored event as auditors read it: where it sits in the global order and in its aggregate,
 * what happened and when, who did it, on whose behalf and why. The same record is one line of the
 * export, so fields added here (e.g. the hash chain) appear in every audit read.
 *
 * @param payload the event's stored JSON, as stored (not re-serialised)
 * @param hashMatches whether the stored columns still give the hash stored with them: false means the event was
 *                changed in the database after it was stored. True alone proves nothing (whoever changed it may
 *                have recomputed the hashes too): only verification against the sealed checkpoints does
 * @param stored  every stored column exactly as stored, with the event's place in the hash chain
 *                ({@code prevHash}, {@code eventHash}): what the offline verifier checks
 */
public record AuditEvent(long globalPosition, String eventId, String aggregateType, String aggregateId,
                         long sequenceNumber, String event, String payloadType, Instant timestamp, String subject,
                         @Schema(description = "the token issuer that vouched for the subject (null in events stored "
                                 + "before it was recorded)")
                         String issuer, String organisationId, List<String> roles, String reason, String correlationId,
                         String idempotencyKey, String asOf,
                         @JsonRawValue @Schema(implementation = Object.class, description = "the event payload as stored")
                         String payload,
                         @Schema(description = "false: the event was changed in the database after it was stored; "
                                 + "true proves nothing alone, verify against the checkpoints for that")
                         boolean hashMatches, EventRecord stored) {

    public static AuditEvent of(StoredEvent stored) {
        Map<String, Object> meta = stored.metadata();
        return new AuditEvent(stored.globalIndex(), stored.eventId(), stored.aggregateType(), stored.aggregateId(),
                stored.sequenceNumber(), stored.eventName(), stored.payloadType(), stored.timestamp(),
                text(meta.get(AuditMetadata.SUBJECT)), text(meta.get(AuditMetadata.ISSUER)),
                text(meta.get(AuditMetadata.ORGANISATION)),
                roles(meta.get(AuditMetadata.ROLES)), text(meta.get(AuditMetadata.REASON)),
                text(meta.get(AuditMetadata.CORRELATION_ID)), text(meta.get(AuditMetadata.IDEMPOTENCY_KEY)),
                text(meta.get(AuditMetadata.AS_OF)), validJson(stored.payloadJson()), stored.stored().hashMatches(), stored.stored());
    }

    /**
     * The payload goes out as raw JSON; a payload that is no longer JSON (someone changed the
     * bytes) goes out as a string, so the line stays readable and the verifier can name it.
     */
    private static String validJson(String payload) {
        try (var parser = JSON.createParser(payload)) {
            while (parser.nextToken() != null) {
                // reading to the end is the check
            }
            return payload;
        } catch (java.io.IOException notJson) {
            try {
                return JSON.writeValueAsString(payload);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** commitment-service stores roles as "AUDITOR,SECRETARIAT"; a list is accepted too. */
    private static List<String> roles(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(Object::toString).toList();
        }
        return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
