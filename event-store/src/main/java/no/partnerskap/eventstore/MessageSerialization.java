package no.partnerskap.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.partnerskap.api.common.EventJson;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/** Jackson for every message, event, token and snapshot: readable JSON, and no XStream. */
public final class MessageSerialization {

    private MessageSerialization() {
    }

    /** Events and messages: the records of commitment-api as plain JSON. */
    public static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
    }

    /**
     * Snapshots and tracking tokens: objects that keep their state in private fields, with no
     * getters. Reads and writes fields directly.
     */
    public static Serializer fields() {
        ObjectMapper mapper = EventJson.newMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
