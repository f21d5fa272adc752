package no.partnerskap.commitments.eventstore;

import java.util.List;
import java.util.concurrent.Executors;
import no.partnerskap.commitments.commitment.Commitment;
import no.partnerskap.commitments.organisation.Organisation;
import no.partnerskap.commitments.partnership.Partnership;
import no.partnerskap.eventstore.EventStoreSchema;
import no.partnerskap.eventstore.MessageSerialization;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import no.partnerskap.api.common.AuditMetadata;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Axon on PostgreSQL without Axon Server: JDBC event store in the event_store schema, Jackson
 * for every message, conflicting appends recognised as such and retried.
 */
@Configuration
class AxonConfiguration {

    /** Events and messages: plain JSON of the records in commitment-api. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return MessageSerialization.jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return MessageSerialization.jackson();
    }

    /** Snapshots and tokens: aggregates keep private fields, so read fields, not getters. */
    @Bean
    @Primary
    Serializer serializer() {
        return MessageSerialization.fields();
    }

    /**
     * Copies the audit metadata of a command onto every event it causes, the correlation id
     * (the client's X-Correlation-Id when it sent one) included.
     */
    @Bean
    CorrelationDataProvider auditMetadata() {
        return new SimpleCorrelationDataProvider(AuditMetadata.SUBJECT, AuditMetadata.ORGANISATION,
                AuditMetadata.ROLES, AuditMetadata.REASON, AuditMetadata.CORRELATION_ID,
                AuditMetadata.IDEMPOTENCY_KEY, AuditMetadata.AS_OF);
    }

    @Bean
    EventSchema eventSchema() {
        return EventStoreSchema.events();
    }

    /** Recognises PostgreSQL's duplicate key (23505) on the event table as a ConcurrencyException. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    ConfigurerModule aggregates(@Value("${partnerships.snapshot-threshold:100}") int snapshotThreshold) {
        return configurer -> {
            for (Class<?> type : List.of(Organisation.class, Partnership.class, Commitment.class)) {
                configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(),
                                snapshotThreshold)));
            }
            configurer.eventProcessing().registerListenerInvocationErrorHandler("command-side-lookups",
                    c -> PropagatingErrorHandler.instance());
        };
    }

    /**
     * Retries what may succeed on a second try: a concurrent append to the same aggregate from
     * another instance, a serialization failure, a lookup row another command just wrote. A
     * stale If-Match version or a broken rule is answered at once.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus,
                                  @Value("${partnerships.command-retries:3}") int retries) {
        IntervalRetryScheduler retry = IntervalRetryScheduler.builder()
                .retryExecutor(Executors.newSingleThreadScheduledExecutor())
                .retryInterval(50)
                .maxRetryCount(retries)
                .nonTransientFailurePredicate(failure -> !isTransient(failure))
                .build();
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retry).build();
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConflictingAggregateVersionException) {
                return false;
            }
            if (t instanceof ConcurrencyException || t instanceof TransientDataAccessException
                    || t instanceof DuplicateKeyException || t instanceof java.sql.SQLTransientException) {
                return true;
            }
        }
        return false;
    }
}
