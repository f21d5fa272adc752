package no.partnerskap.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of an audit export: the stored columns under {@code stored}, which the hashes vouch for, and beside
 * them the same event in readable fields (what happened, when, who, why, the payload as an object). Only the
 * stored columns are hashed, so each readable field is checked to say what they say: an export whose readable
 * fields alone were edited would otherwise verify.
 */
final class ExportLine {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Numbers by value: a position read as an int equals the same position held as a long. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private ExportLine() {
    }

    /** Each readable field of {@code line} that does not say what its stored columns say, in words. */
    static List<String> disagreements(JsonNode line, EventRecord stored) {
        Map<String, JsonNode> expected = readable(stored);
        List<String> disagreements = new ArrayList<>();
        line.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (name.equals("stored")) {
                return;
            }
            JsonNode expectedValue = expected.get(name);
            if (expectedValue == null) {
                disagreements.add("field '" + name + "' is not part of an exported event: nothing vouches for it");
            } else if (!(name.equals("timestamp") ? sameInstant(field.getValue(), expectedValue)
                    : field.getValue().equals(BY_VALUE, expectedValue))) {
                disagreements.add("field '" + name + "' does not say what the stored event says: the readable "
                        + "fields were changed, and only the stored columns are vouched for");
            }
        });
        return disagreements;
    }

    /** The readable fields as the service writes them from the stored columns. */
    static Map<String, JsonNode> readable(EventRecord stored) {
        JsonNode meta = parsed(stored.metaData());
        if (meta == null || !meta.isObject()) {
            meta = NODES.objectNode();
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        fields.put("globalPosition", NODES.numberNode(stored.globalIndex()));
        fields.put("eventId", NODES.textNode(stored.eventId()));
        fields.put("aggregateType", NODES.textNode(stored.aggregateType()));
        fields.put("aggregateId", NODES.textNode(stored.aggregateId()));
        fields.put("sequenceNumber", NODES.numberNode(stored.sequenceNumber()));
        fields.put("event", NODES.textNode(EventRecord.eventName(stored.payloadType() == null ? ""
                : stored.payloadType())));
        fields.put("payloadType", NODES.textNode(stored.payloadType()));
        fields.put("timestamp", NODES.textNode(stored.timeStamp()));
        for (String key : List.of("subject", "issuer", "organisationId", "reason", "correlationId", "idempotencyKey",
                "asOf")) {
            fields.put(key, text(meta.get(key)));
        }
        fields.put("roles", roles(meta.get("roles")));
        JsonNode payload = parsed(stored.payload());
        fields.put("payload", payload == null ? NODES.textNode(stored.payload()) : payload);
        fields.put("hashMatches", NODES.booleanNode(stored.hashMatches()));
        return fields;
    }

    /** The stored text as JSON, or null when it is not JSON (the service then shows it as a string). */
    private static JsonNode parsed(String text) {
        if (text == null) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static JsonNode text(JsonNode value) {
        return value == null || value.isNull() ? NullNode.getInstance()
                : NODES.textNode(value.isValueNode() ? value.asText() : value.toString());
    }

    /** commitment-service stores roles as "AUDITOR,SECRETARIAT"; a list is read too. */
    private static ArrayNode roles(JsonNode value) {
        ArrayNode roles = NODES.arrayNode();
        if (value == null || value.isNull()) {
            return roles;
        }
        if (value.isArray()) {
            value.forEach(role -> roles.add(role.asText()));
            return roles;
        }
        Arrays.stream(value.asText().split(",")).map(String::trim).filter(role -> !role.isEmpty()).forEach(roles::add);
        return roles;
    }

    private static boolean sameInstant(JsonNode shown, JsonNode stored) {
        try {
            return shown.isTextual() && Instant.parse(shown.asText()).equals(Instant.parse(stored.asText()));
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
