package no.partnerskap.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What the API documentation of both services says about callers and errors: every operation
 * takes a bearer token, and answers its errors with RFC 9457 problem documents. Swagger UI's
 * "Authorize" then sends the token with each try.
 */
public final class ApiDocumentation {

    private static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";

    private ApiDocumentation() {
    }

    /** Names the service's API document ("OpenAPI definition" otherwise), with the version of the jar it runs. */
    public static OpenApiCustomizer titled(String title, String description) {
        String version = ApiDocumentation.class.getPackage().getImplementationVersion();
        return api -> api.info(new Info().title(title).description(description)
                .version(version == null ? "development" : version));
    }

    /** An error answer: a problem document. */
    public static ApiResponse problem(String description) {
        return problemAnswer(description, problemReference());
    }

    /** An error answer whose problem document carries fields of its own besides the common ones. */
    public static ApiResponse problem(String description, Map<String, Schema> fields) {
        return problemAnswer(description, new ComposedSchema().allOf(List.of(problemReference(),
                new ObjectSchema().properties(fields))));
    }

    private static ApiResponse problemAnswer(String description, Schema<?> schema) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(schema)));
    }

    private static Schema<?> problemReference() {
        return new Schema<>().$ref("#/components/schemas/" + PROBLEM);
    }

    /** Adds {@code answer} under {@code status} unless the operation documents that status itself. */
    public static void answers(Operation operation, String status, ApiResponse answer) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().putIfAbsent(status, answer);
    }

    /**
     * Names a nested type's schema after its owner too ({@code PartnershipQueries.Detail}): by its simple name
     * alone, types of the same name shared one schema, and the API documented one's fields for the other.
     */
    static ModelResolver ownerQualifiedSchemaNames(ObjectMapper mapper, NullableFields nullable) {
        return new ModelResolver(mapper, new TypeNameResolver() {
            @Override
            protected String getNameOfClass(Class<?> type) {
                Class<?> owner = type.getEnclosingClass();
                return nullable.named(owner == null ? super.getNameOfClass(type)
                        : getNameOfClass(owner) + "." + type.getSimpleName(), type);
            }
        });
    }

    static OpenApiCustomizer bearerTokensAndProblems() {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.setComponents(components
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("JWT").description("A token from a trusted issuer; roles in its roles claim"))
                    .addSchemas(PROBLEM, problemSchema()));
            api.addSecurityItem(new SecurityRequirement().addList(BEARER));
            api.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/") || path.startsWith("/admin/")) {
                    item.readOperationsMap().forEach((method, operation) -> refusals(path, method, operation));
                }
            });
        };
    }

    private static void refusals(String path, PathItem.HttpMethod method, Operation operation) {
        // a read refuses a query parameter it does not take, or one given twice, whatever it takes
        answers(operation, "400", problem("Invalid input; errors names each field or parameter (also a query "
                + "parameter not taken, or given twice)"));
        answers(operation, "401", problem("No token, or not a valid one from a trusted issuer"));
        answers(operation, "403", problem("The caller's roles or organisation do not allow this"));
        if (path.contains("{")) {
            answers(operation, "404", problem("No such resource"));
        }
        answers(operation, "406", problem(method == PathItem.HttpMethod.POST
                ? "The Accept header admits no JSON, or cannot be read; checked before anything is written"
                : "The Accept header admits none of the types this answer comes in, or cannot be read"));
        answers(operation, "503", problem("Not just now: the database cannot be reached, too many costly reads "
                + "(waiting for a version, rebuilding a council report) are under way, or the read models are being "
                + "rebuilt from the event history (urn:partnerships:rebuild:read-model-rebuilding); retry after "
                + "Retry-After seconds").addHeaderObject("Retry-After", new Header().schema(new IntegerSchema())
                .description("seconds to wait before asking again")));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem document")
                .properties(Map.of(
                        "type", new StringSchema().format("uri")
                                .description("about:blank, or the rule broken, e.g. urn:partnerships:rule:..."),
                        "title", new StringSchema(),
                        "status", new IntegerSchema(),
                        "detail", new StringSchema().description("what was wrong, in words"),
                        "instance", new StringSchema().description("the request's path"),
                        "rule", new StringSchema().description("the rule a 409 names"),
                        "errors", new ArraySchema().description("each invalid field or parameter (400)")
                                .items(new ObjectSchema().properties(Map.of(
                                        "field", new StringSchema(), "message", new StringSchema()))),
                        // the few problems that say more, named here so that a client generated from this
                        // document reads them (a conclusion's refusals are documented on it)
                        "unsealedEvents", new IntegerSchema().format("int64").description("events not yet settled "
                                + "for sealing (409 urn:partnerships:checkpoint:not-settled)"),
                        "rebuilding", new ObjectSchema().description("each read model being rebuilt, with how far "
                                + "the rebuild has come, 0 to 1 (503 urn:partnerships:rebuild:read-model-rebuilding)")
                                .additionalProperties(new NumberSchema())));
    }
}
