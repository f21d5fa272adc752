package no.partnerskap.projections.eventstore;

import java.time.Duration;
import no.partnerskap.eventstore.EventStoreSchema;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import no.partnerskap.eventstore.MessageSerialization;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Tails commitment-service's event store (same tables, same serializer) and keeps tracking
 * tokens in this service's own schema, next to the read models.
 */
@Configuration
class AxonConfiguration {

    @Bean
    @Primary
    Serializer serializer() {
        return MessageSerialization.jackson();
    }

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

    @Bean
    EventSchema eventSchema() {
        return EventStoreSchema.events();
    }

    /**
     * Reads the event store. A gap in the global index is an event whose transaction has not
     * committed yet; after {@code gap-timeout} the processors stop waiting for it. Keep it well
     * above the longest write transaction (the completeness check lists what was missed anyway).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          @Value("${partnerships.projection.gap-timeout:5m}") Duration gapTimeout,
                                          @Value("${partnerships.projection.gap-cleaning-threshold:250}") int threshold,
                                          @Value("${partnerships.projection.fetch-batch-size:500}") int batchSize) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .gapTimeout((int) gapTimeout.toMillis())
                .gapCleaningThreshold(threshold)
                .batchSize(batchSize)
                .build();
    }

    /**
     * The processors' view of the store. Once caught up, it asks the store for new events every
     * {@code fetch-delay} (Axon's default is a second, which would put a floor under the lag).
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${partnerships.projection.fetch-delay:100ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /**
     * The pooled processors read the store through {@link PromptEventSource}, which wakes them as
     * events arrive (the tracking one, {@code commitments}, waits on the store's stream itself). How
     * many segments of each processor one instance may claim: with N instances and S segments, S/N
     * lets the instances share the work instead of the first one taking all. The tracking processor
     * gets as many threads (projection-service.yml), and each thread claims one segment.
     */
    @Bean
    ConfigurerModule pooledProcessors(@Value("${partnerships.projection.max-claimed-segments:2147483647}") int max) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder
                        .messageSource(new PromptEventSource(config.eventStore()))
                        .maxClaimedSegments(max));
    }

    @Bean
    TokenSchema tokenSchema() {
        return EventStoreSchema.tokens("projection");
    }
}
