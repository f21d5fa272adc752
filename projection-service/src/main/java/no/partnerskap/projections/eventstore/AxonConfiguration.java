package no.partnerskap.projections.eventstore;

import no.partnerskap.eventstore.EventStoreSchema;
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

    @Bean
    TokenSchema tokenSchema() {
        return EventStoreSchema.tokens("projection");
    }
}
