package no.partnerskap.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.partnerskap.api.common.EventJson;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/** Jackson for every message, event, token and snapshot: readable JSON, and no XStream. */
public final class MessageSerialization {

    private MessageSerialization() {
    }

    /** Events and messages: the records of commitment-api as plain JSON. */
    public static Serializer jackson() {
        return new KnownTypes(JacksonSerializer.builder().objectMapper(EventJson.newMapper()));
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
        return new KnownTypes(JacksonSerializer.builder().objectMapper(mapper));
    }

    /**
     * Remembers the class each stored type name stands for. Axon looks the class up by name for every
     * message it reads, through the class loader each time: about 7 % of a rebuilding processor's CPU,
     * by profile. A name always means the same class while the application runs.
     */
    static final class KnownTypes extends JacksonSerializer {

        private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

        KnownTypes(Builder builder) {
            super(builder);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(SerializedType type) {
            // the empty type ("no payload") is a name and revision together, not a name alone
            if (SimpleSerializedType.emptyType().equals(type)) {
                return super.classForType(type);
            }
            return classes.computeIfAbsent(type.getName(), name -> KnownTypes.super.classForType(type));
        }
    }
}
