package no.partnerskap.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.partnerskap.api.commitment.CommitmentEvent.ProgressReported;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;

class MessageSerializationTest {

    private final Serializer serializer = MessageSerialization.jackson();

    @Test
    void an_event_reads_back_as_written_every_time() {
        ProgressReported event = new ProgressReported(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 40,
                "Two of five schools insulated", List.of("https://example.org/report.pdf"), LocalDate.of(2026, 9, 30));
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        assertThat(serializer.classForType(stored.getType())).isEqualTo(ProgressReported.class);
    }

    @Test
    void the_empty_type_stays_void_and_an_unknown_name_stays_unknown() {
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
        // the same name with a revision is a type like any other, here one that does not exist
        assertThat(serializer.classForType(new SimpleSerializedType("empty", "1")))
                .isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);

        SimpleSerializedType gone = new SimpleSerializedType("no.partnerskap.api.RemovedEvent", null);
        assertThat(serializer.classForType(gone)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(gone)).isEqualTo(UnknownSerializedType.class);
    }

    @Test
    void the_field_serializer_resolves_types_too() {
        Serializer fields = MessageSerialization.fields();
        SimpleSerializedType type = new SimpleSerializedType(ProgressReported.class.getName(), null);

        assertThat(fields.classForType(type)).isEqualTo(ProgressReported.class);
        assertThat(fields.classForType(type)).isEqualTo(ProgressReported.class);
    }
}
