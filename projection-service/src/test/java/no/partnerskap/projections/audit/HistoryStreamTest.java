package no.partnerskap.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A history that fails while it is read (the database gives up half-way) must never reach an
 * auditor as a shorter history that looks complete.
 */
class HistoryStreamTest {

    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    private final UUID id = UUID.randomUUID();

    @Test
    void a_whole_history_is_one_json_document() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AuditController.history(response, json, "partner", id, events(3, Integer.MAX_VALUE));
        assertThat(json.readTree(response.getContentAsString()).path("events")).hasSize(3);
    }

    @Test
    void a_read_failing_before_anything_was_sent_leaves_the_answer_to_the_error_handler() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> AuditController.history(response, json, "partner", id, events(3, 2)))
                .hasMessage("the database gave up");
        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getContentAsString()).isEmpty();
    }

    @Test
    void a_read_failing_after_part_was_sent_ends_unfinished() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> AuditController.history(response, json, "partner", id, events(5000, 4000)))
                .hasMessage("the database gave up");
        assertThat(response.isCommitted()).isTrue();
        String sent = response.getContentAsString();
        assertThat(sent).startsWith("{\"type\":\"partner\"").doesNotEndWith("]}");
        assertThatThrownBy(() -> json.readTree(sent)).isInstanceOf(JsonProcessingException.class);
    }

    /** A read of {@code count} events that fails when it comes to the one at {@code failAt}. */
    private static Consumer<Consumer<AuditEvent>> events(int count, int failAt) {
        return sink -> {
            for (int i = 0; i < count; i++) {
                if (i == failAt) {
                    throw new IllegalStateException("the database gave up");
                }
                sink.accept(new AuditEvent(i + 1, UUID.randomUUID().toString(), "Organisation",
                        UUID.randomUUID().toString(), i, "OrganisationRenamed", "t", Instant.EPOCH, "revisor", null, null,
                        List.of("SECRETARIAT"), "ny profil", null, null, null, "{\"name\":\"Navn " + i + "\"}", true,
                        null));
            }
        };
    }
}
