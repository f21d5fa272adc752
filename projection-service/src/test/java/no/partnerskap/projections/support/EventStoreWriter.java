package no.partnerskap.projections.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import no.partnerskap.api.commitment.CommitmentEvent;
import no.partnerskap.api.common.AuditMetadata;
import no.partnerskap.api.organisation.OrganisationEvent;
import no.partnerskap.api.partnership.PartnershipEvent;
import no.partnerskap.eventstore.EventStoreSchema;
import no.partnerskap.eventstore.MessageSerialization;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;

/**
 * Appends events to the real event store as commitment-service does (same tables, same JSON,
 * commitment-service's role), so a projection test says "given these events".
 */
public class EventStoreWriter {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final JdbcEventStorageEngine engine;
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

    EventStoreWriter(DataSource commitmentRole) {
        ConnectionProvider connections = commitmentRole::getConnection;
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(MessageSerialization.jackson())
                .snapshotSerializer(MessageSerialization.fields())
                .schema(EventStoreSchema.events())
                .build();
    }

    /** Appends the events in order, each at {@code at} (or now), with the audit metadata given. */
    public void append(Instant at, Map<String, String> metadata, Object... events) {
        for (Object event : events) {
            String aggregateId = aggregateId(event).toString();
            long sequence = sequences.computeIfAbsent(aggregateId, id -> new AtomicLong()).getAndIncrement();
            Map<String, String> meta = new HashMap<>(Map.of(AuditMetadata.SUBJECT, "test@example.no",
                    AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString()));
            meta.putAll(metadata);
            DomainEventMessage<?> message = new GenericDomainEventMessage<>(type(event), aggregateId, sequence,
                    new org.axonframework.messaging.GenericMessage<>(event, MetaData.from(meta)),
                    () -> at == null ? Instant.now() : at);
            engine.appendEvents(List.of(message));
        }
    }

    public void append(Object... events) {
        append(null, Map.of(), events);
    }

    /** Appends the events as recorded on that day ({@code "2031-06-01"}), at 10:00 in Oslo. */
    public void appendOn(String day, Object... events) {
        appendOn(day, Map.of(), events);
    }

    /** The same, with the audit metadata given. */
    public void appendOn(String day, Map<String, String> metadata, Object... events) {
        append(LocalDate.parse(day).atTime(10, 0).atZone(OSLO).toInstant(), metadata, events);
    }

    private static Object aggregateId(Object event) {
        if (event instanceof CommitmentEvent e) {
            return e.commitmentId();
        }
        if (event instanceof PartnershipEvent e) {
            return e.partnershipId();
        }
        if (event instanceof OrganisationEvent e) {
            return e.organisationId();
        }
        throw new IllegalArgumentException("not an event of this domain: " + event);
    }

    private static String type(Object event) {
        if (event instanceof CommitmentEvent) {
            return "Commitment";
        }
        return event instanceof PartnershipEvent ? "Partnership" : "Organisation";
    }
}
