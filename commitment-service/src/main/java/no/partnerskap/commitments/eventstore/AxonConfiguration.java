package no.partnerskap.commitments.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executors;
import no.partnerskap.commitments.commitment.Commitment;
import no.partnerskap.commitments.organisation.Organisation;
import no.partnerskap.commitments.partnership.Partnership;
import no.partnerskap.eventstore.EventStoreSchema;
import no.partnerskap.eventstore.MessageSerialization;
import no.partnerskap.security.DatabaseOutage;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import no.partnerskap.api.common.AuditMetadata;
import no.partnerskap.commitments.idempotency.IdempotencyKeyInProgress;
import no.partnerskap.commitments.idempotency.IdempotencyKeyReused;
import no.partnerskap.commitments.shared.RuleViolation;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

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
        return new SimpleCorrelationDataProvider(AuditMetadata.SUBJECT, AuditMetadata.ISSUER, AuditMetadata.ORGANISATION,
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

    /** Aggregates kept in memory between commands; {@code size} 0 turns the cache off. */
    @Bean
    RecentAggregates recentAggregates(@Value("${partnerships.aggregate-cache.size:10000}") int size) {
        return new RecentAggregates(size);
    }

    @Bean
    FreshAggregates freshAggregates(RecentAggregates cache, JdbcTemplate jdbc, MeterRegistry meters) {
        return new FreshAggregates(cache, jdbc, meters);
    }

    @Bean
    ConfigurerModule aggregates(@Value("${partnerships.snapshot-threshold:100}") int snapshotThreshold,
                                RecentAggregates cache) {
        List<Class<?>> types = List.of(Organisation.class, Partnership.class, Commitment.class);
        AtomicReference<Snapshotter> snapshotter = new AtomicReference<>();
        return configurer -> {
            for (Class<?> type : types) {
                AggregateConfigurer<?> aggregate = AggregateConfigurer.defaultConfiguration(type)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                                snapshotter.updateAndGet(s -> s != null ? s : snapshotter(c, types)), snapshotThreshold))
                        .configureCommandTargetResolver(c -> CommandTargets.INSTANCE);
                if (!cache.isOff()) {
                    aggregate.configureCache(c -> cache);
                }
                configurer.configureAggregate(aggregate);
            }
            configurer.eventProcessing().registerListenerInvocationErrorHandler("command-side-lookups",
                    c -> PropagatingErrorHandler.instance());
        };
    }

    /**
     * No Axon monitor per event for the command-side lookups, this service's only event processor: it
     * handles each command's events inside that command's unit of work, where a failure fails the
     * command, and the command bus's monitor and the HTTP metrics count that. Axon's processor monitors
     * would, for every event, skipped ones included, look up meters by payload type and parse its
     * timestamp: about 2 % of this service's CPU per command.
     */
    @Bean
    ConfigurerModule noEventProcessorMonitors() {
        return configurer -> configurer.configureMessageMonitor(EventProcessor.class,
                (configuration, componentType, componentName) -> NoOpMessageMonitor.instance());
    }

    /**
     * Takes snapshots of the aggregates this service configures (Spring's own snapshotter only
     * knows aggregates declared as Spring beans), on a thread of its own so that no command waits
     * for one.
     */
    private static Snapshotter snapshotter(org.axonframework.config.Configuration c, List<Class<?>> types) {
        // inspected with the application's parameter resolvers: command handlers take Spring beans
        List<AggregateFactory<?>> factories = types.stream().<AggregateFactory<?>>map(type -> new GenericAggregateFactory<>(
                AnnotatedAggregateMetaModelFactory.inspectAggregate(type, c.parameterResolverFactory(),
                        c.handlerDefinition(type)))).toList();
        return AggregateSnapshotter.builder()
                .eventStore(c.eventStore())
                .aggregateFactories(factories)
                .parameterResolverFactory(c.parameterResolverFactory())
                .handlerDefinition(c.handlerDefinition(Commitment.class))
                .transactionManager(c.getComponent(TransactionManager.class))
                .executor(Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    /**
     * Retries what may succeed on a second try at once: a concurrent append to the same aggregate from
     * another instance, a serialization failure. A broken rule, a stale If-Match version or a reused
     * Idempotency-Key is answered at once, and so is a database that cannot be reached (503 with Retry-After):
     * each retry would wait out the connection timeout again on the retry threads, holding the request for
     * a minute while the client gave up, and then write what the client was never told of.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus,
                                  @Value("${partnerships.command-retries:5}") int retries) {
        // backing off exponentially (20, 40, 80 ... ms) lets contending instances take turns
        ExponentialBackOffIntervalRetryScheduler retry = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(Executors.newScheduledThreadPool(2))
                .backoffFactor(20)
                .maxRetryCount(retries)
                .nonTransientFailurePredicate(AxonConfiguration::isNonTransient)
                .build();
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retry).build();
    }

    /** Asked of the failure and of each of its causes: is this one final by itself? */
    static boolean isNonTransient(Throwable failure) {
        return failure instanceof RuleViolation || failure instanceof IdempotencyKeyReused
                || failure instanceof IdempotencyKeyInProgress
                || failure instanceof AxonNonTransientException || DatabaseOutage.isOutage(failure);
    }
}
