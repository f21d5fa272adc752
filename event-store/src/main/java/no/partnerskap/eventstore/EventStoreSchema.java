package no.partnerskap.eventstore;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Table and column names of the event store (owned by commitment-service's migrations) in
 * plain snake_case, so an auditor can query them with psql without quoting.
 */
public final class EventStoreSchema {

    public static final String SCHEMA = "event_store";
    public static final String EVENTS = SCHEMA + ".domain_event_entry";
    public static final String SNAPSHOTS = SCHEMA + ".snapshot_event_entry";

    private EventStoreSchema() {
    }

    public static EventSchema events() {
        return EventSchema.builder()
                .eventTable(EVENTS)
                .snapshotTable(SNAPSHOTS)
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** Tracking tokens of a reading service, kept in that service's own schema. */
    public static TokenSchema tokens(String schema) {
        return TokenSchema.builder()
                .setTokenTable(schema + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }
}
