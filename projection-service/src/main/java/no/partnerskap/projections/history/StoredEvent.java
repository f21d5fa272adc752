package no.partnerskap.projections.history;

import java.time.Instant;
import java.util.Map;
import no.partnerskap.audit.EventRecord;

/**
 * One event as stored: its place in the global order and in its aggregate, what it says, when,
 * and the audit metadata (who, for whom, why). {@code payloadJson} is the stored JSON as is;
 * {@code stored} holds every stored column exactly, hashes included, as the verifier reads them.
 */
public record StoredEvent(long globalIndex, String eventId, String aggregateType, String aggregateId,
                          long sequenceNumber, Instant timestamp, String payloadType, String payloadJson,
                          Map<String, Object> metadata, EventRecord stored) {

    /** The event's simple name, e.g. CommitmentRecorded. */
    public String eventName() {
        return EventRecord.eventName(payloadType);
    }
}
