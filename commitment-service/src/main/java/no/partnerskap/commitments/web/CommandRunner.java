package no.partnerskap.commitments.web;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import no.partnerskap.api.common.AuditMetadata;
import no.partnerskap.commitments.idempotency.CommandMetadata;
import no.partnerskap.commitments.idempotency.CommandOutcome;
import no.partnerskap.commitments.idempotency.KeysInFlight;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends a command with its audit metadata and turns the outcome into the HTTP answer: the new
 * version as ETag, 201 with Location for what was created.
 */
@Component
public class CommandRunner {

    private final CommandGateway gateway;
    private final KeysInFlight keysInFlight;

    CommandRunner(CommandGateway gateway, KeysInFlight keysInFlight) {
        this.gateway = gateway;
        this.keysInFlight = keysInFlight;
    }

    /** A command that creates something: 201, {@code {idField: id}} and its Location. */
    public ResponseEntity<Map<String, Object>> create(WriteContext context, Object command, String reason,
                                                      String idField, UUID id, Function<String, URI> location) {
        CommandOutcome outcome = send(context, command, reason, null, id.toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(idField, outcome.createdId());
        body.put("version", outcome.version());
        return answer(ResponseEntity.status(HttpStatus.CREATED).location(location.apply(outcome.createdId())),
                outcome, body);
    }

    /** A command on an existing aggregate: 200 with the aggregate's id and new version. */
    public ResponseEntity<Map<String, Object>> update(WriteContext context, Object command, String reason) {
        return update(context, command, reason, null);
    }

    public ResponseEntity<Map<String, Object>> update(WriteContext context, Object command, String reason,
                                                      String asOf) {
        CommandOutcome outcome = send(context, command, reason, asOf, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", outcome.aggregateId());
        body.put("version", outcome.version());
        return answer(ResponseEntity.ok(), outcome, body);
    }

    private CommandOutcome send(WriteContext context, Object command, String reason, String asOf, String createdId) {
        Map<String, Object> metadata = new HashMap<>();
        if (createdId != null) {
            metadata.put(CommandMetadata.CREATED_ID, createdId);
        }
        metadata.put(AuditMetadata.SUBJECT, context.caller().subject());
        if (context.caller().issuer() != null) {
            metadata.put(AuditMetadata.ISSUER, context.caller().issuer());
        }
        context.organisationId().ifPresent(id -> metadata.put(AuditMetadata.ORGANISATION, id.toString()));
        metadata.put(AuditMetadata.ROLES, String.join(",",
                context.caller().roles().stream().map(Enum::name).sorted().toList()));
        metadata.put(AuditMetadata.CORRELATION_ID, context.correlationId());
        if (reason != null) {
            metadata.put(AuditMetadata.REASON, reason);
        }
        if (asOf != null) {
            metadata.put(AuditMetadata.AS_OF, asOf);
        }
        if (context.idempotencyKey() != null) {
            metadata.put(AuditMetadata.IDEMPOTENCY_KEY, context.idempotencyKey());
            metadata.put(CommandMetadata.REQUEST_FINGERPRINT, context.requestFingerprint());
        }
        Object message = GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata));
        if (context.idempotencyKey() == null) {
            return gateway.sendAndWait(message);
        }
        // a second request with this key waits for the first here, not on a database connection
        return keysInFlight.run(context.caller().subject(), context.idempotencyKey(),
                () -> gateway.<CommandOutcome>sendAndWait(message));
    }

    private static ResponseEntity<Map<String, Object>> answer(ResponseEntity.BodyBuilder builder,
                                                              CommandOutcome outcome, Map<String, Object> body) {
        // JSON whatever else Accept lists: the check before the command found it acceptable, and the answer
        // must not fail after the command is stored
        builder.contentType(MediaType.APPLICATION_JSON).eTag("\"" + outcome.version() + "\"");
        if (outcome.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(body);
    }
}
