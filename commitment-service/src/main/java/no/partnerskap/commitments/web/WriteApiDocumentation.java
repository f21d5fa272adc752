package no.partnerskap.commitments.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.partnerskap.security.ApiDocumentation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents every command endpoint as it behaves: the caller's context comes from the token and
 * headers (not from a query parameter, as springdoc would otherwise show {@link WriteContext}),
 * the headers that make writes safe, the answer with the new version, and the refusals. Endpoints
 * that create something carry {@code @ResponseStatus(CREATED)} so that their 201 is documented; their
 * answer sets 201 itself.
 */
@Configuration
class WriteApiDocumentation {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WriteContext.class);
    }

    @Bean
    OpenApiCustomizer writeSideTitle() {
        return ApiDocumentation.titled("Partnership commitments: write side (commitment-service)",
                "One POST per intention: each command is checked against the rules and stored as events. "
                        + "Read the results from projection-service.");
    }

    @Bean
    OperationCustomizer commandEndpoints() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == WriteContext.class)) {
                document(operation);
            }
            return operation;
        };
    }

    private static void document(Operation operation) {
        operation.addParametersItem(new HeaderParameter().name("If-Match").schema(new StringSchema())
                .example("\"3\"").description("The version last read (its ETag): refused with 412 if the "
                        + "resource has changed since, or if the request creates an organisation, partnership or "
                        + "commitment, which has no version yet; a weak ETag (W/\"3\") never matches"));
        operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").schema(new StringSchema()
                .maxLength(255)).description("Makes a retry safe: a repeat with the same key and the very same body "
                        + "bytes gets the first successful answer again (Idempotent-Replayed: true) and writes nothing; "
                        + "a refused request is not kept, so its key may be sent again; another request with the key "
                        + "is 422"));
        operation.addParametersItem(new HeaderParameter().name("X-Correlation-Id").schema(new StringSchema()
                .maxLength(255)).description("Recorded with the event; a new one is made when absent or not printable "
                        + "ASCII. The answer carries this request's, success or refusal"));
        operation.getResponses().forEach((status, answer) -> {
            if (status.startsWith("2")) {
                success(status, answer);
            }
        });
        ApiDocumentation.answers(operation, "409", ApiDocumentation.problem(
                "A rule forbids it; the rule is named in rule and type"));
        ApiDocumentation.answers(operation, "412", ApiDocumentation.problem("If-Match names an older version, or a "
                + "version of something the request creates, which has none yet"));
        ApiDocumentation.answers(operation, "413", ApiDocumentation.problem("The body is over 256 KiB"));
        ApiDocumentation.answers(operation, "415", ApiDocumentation.problem("The body is not JSON"));
        ApiDocumentation.answers(operation, "422", ApiDocumentation.problem(
                "The Idempotency-Key was used before for a different request"));
    }

    private static void success(String status, ApiResponse answer) {
        boolean created = status.equals("201");
        answer.description(created ? "Created: the new id (id, goalId, milestoneId, meetingId, disagreementId "
                + "or requestId) and the aggregate's version" : "Done: the aggregate's id and its new version");
        answer.content(new Content().addMediaType("application/json", new MediaType().schema(new ObjectSchema()
                .properties(Map.of("version", new IntegerSchema().format("int64")
                        .description("The aggregate's version after the command; also in ETag")))
                .additionalProperties(new UUIDSchema()))));
        answer.addHeaderObject("ETag", new Header().schema(new StringSchema()).description(
                "The aggregate's version, to send back as If-Match"));
        answer.addHeaderObject("X-Correlation-Id", new Header().schema(new StringSchema()).description(
                "The correlation id of this request, the one sent or one made for it, which its events are "
                        + "recorded with; a replay (Idempotent-Replayed) records nothing, and its events carry the "
                        + "first request's"));
        answer.addHeaderObject("Idempotent-Replayed", new Header().schema(new StringSchema()._enum(List.of("true")))
                .description("Present on a retry with the same Idempotency-Key: this is the first answer again, "
                        + "and nothing was written"));
        if (created) {
            answer.addHeaderObject("Location", new Header().schema(new StringSchema()).description(
                    "Where to read what was created, as a path on projection-service (this service only takes "
                            + "commands); a goal, meeting or disagreement is read with its partnership, a milestone "
                            + "or follow-up request with its commitment"));
        }
    }
}
