package no.partnerskap.commitments.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.OrganisationNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document (what Swagger UI shows and tries) describes the command endpoints as they
 * behave: a bearer token, the write headers, no internal parameters, the answers and refusals.
 */
@CommitmentServiceTest
class ApiDocumentationTest {

    @LocalServerPort
    int port;

    @Test
    void every_command_endpoint_is_documented_as_it_behaves() {
        Api api = Api.onPort(port);
        JsonNode docs = api.get("/v3/api-docs", null).body();

        assertThat(docs.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(docs.path("security").findValues("bearer")).isNotEmpty();
        assertThat(docs.path("components").path("schemas").has("WriteContext")).isFalse();

        List<String> commands = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> {
            JsonNode post = path.getValue().path("post");
            if (!path.getKey().startsWith("/api/") || post.isMissingNode()) {
                return;
            }
            commands.add(path.getKey());
            assertThat(post.path("parameters").findValuesAsText("name")).as(path.getKey())
                    .doesNotContain("context").contains("If-Match", "Idempotency-Key", "X-Correlation-Id");
            JsonNode answers = post.path("responses");
            String success = answers.has("201") ? "201" : "200";
            assertThat(answers.path(success).path("content").path("application/json").path("schema")
                    .path("properties").has("version")).as(path.getKey()).isTrue();
            assertThat(answers.path(success).path("headers").has("ETag")).as(path.getKey()).isTrue();
            assertThat(answers.path(success).path("headers").has("X-Correlation-Id")).as(path.getKey()).isTrue();
            assertThat(answers.path(success).path("headers").has("Idempotent-Replayed")).as(path.getKey()).isTrue();
            for (String refusal : List.of("400", "401", "403", "406", "409", "412", "415", "422")) {
                assertThat(answers.path(refusal).path("content").has("application/problem+json"))
                        .as(path.getKey() + " " + refusal).isTrue();
            }
        });
        assertThat(commands).hasSizeGreaterThanOrEqualTo(24);
        assertThat(docs.path("info").path("title").asText()).contains("commitment-service");
        assertThat(docs.path("paths").findValuesAsText("operationId")).doesNotHaveDuplicates()
                .noneMatch(id -> id.matches(".*_\\d+"));
        // what Swagger UI proposes works as given: an organisation number as text, and no report dated after
        // today (a date left without an example is proposed as today)
        JsonNode schemas = docs.path("components").path("schemas");
        assertThat(schemas.path("OrganisationController.RegistrationRequest").path("properties")
                .path("organisationNumber").path("example").isTextual()).isTrue();
        assertThat(schemas.path("OrganisationController.RegistrationRequest").path("properties")
                .path("organisationNumber").path("example").asText()).matches("[89]\\d{8}");
        assertThat(schemas.path("CommitmentRequests.Outcome").path("properties").path("asOf").has("example")).isFalse();
        assertThat(schemas.path("CommitmentRequests.MilestoneCompletion").path("properties").path("completedOn")
                .has("example")).isFalse();
        // where every field's example together would be refused, a whole body is proposed
        JsonNode establish = docs.path("paths").path("/api/partnerships").path("post").path("requestBody")
                .path("content").path("application/json");
        assertThat(establish.path("schema").path("$ref").asText()).endsWith("PartnershipRequests.Establish");
        assertThat(establish.path("example").toString()).contains("STRATEGIC").doesNotContain("parentPartnershipId");
        JsonNode resolution = docs.path("paths").path("/api/partnerships/{id}/disagreements/{disagreementId}/resolution")
                .path("post").path("requestBody").path("content").path("application/json");
        assertThat(resolution.path("example").toString()).contains("resolution").doesNotContain("dissent");
        // a field sent as null for none says it may be null; a required one does not
        assertThat(schemas.path("CommitmentRequests.Revision").path("properties").path("description").path("type")
                .toString()).contains("\"null\"");
        assertThat(schemas.path("CommitmentRequests.Revision").path("properties").path("title").path("type")
                .toString()).isEqualTo("\"string\"");
        assertThat(schemas.path("PartnershipRequests.GoalRevision").path("properties").path("sdgTargets")
                .path("example").toString()).isEqualTo("[\"9.5\",\"17.17\"]");
        JsonNode seal = docs.path("paths").path("/admin/checkpoints").path("post").path("responses");
        assertThat(seal.has("201")).isTrue();
        assertThat(seal.path("409").path("content").has("application/problem+json")).isTrue();
        assertThat(seal.path("406").path("content").has("application/problem+json")).isTrue();
        // a refused conclusion names what is still open, for a client to act on
        JsonNode refusedConclusion = docs.path("paths").path("/api/partnerships/{id}/conclusion").path("post")
                .path("responses").path("409").path("content").path("application/problem+json").path("schema");
        assertThat(refusedConclusion.path("allOf").get(0).path("$ref").asText()).endsWith("/Problem");
        JsonNode open = refusedConclusion.path("allOf").get(1).path("properties");
        assertThat(open.path("openCommitments").path("items").path("format").asText()).isEqualTo("uuid");
        assertThat(open.path("openNetworks").path("items").path("format").asText()).isEqualTo("uuid");
    }

    @Test
    void what_the_documentation_says_a_command_answers_is_what_it_answers() {
        Api api = Api.onPort(port);
        JsonNode paths = api.get("/v3/api-docs", null).body().path("paths");
        String secretariat = api.token("sekretariat", null, "SECRETARIAT");

        Api.Response registered = api.post("/api/organisations", secretariat, Map.of("name", "Havn AS",
                "organisationNumber", OrganisationNumbers.next(), "sector", "BUSINESS"));
        Api.Response renamed = api.post("/api/organisations/" + registered.text("id") + "/name", secretariat,
                Map.of("name", "Bergen Havn AS"));

        assertThat(paths.path("/api/organisations").path("post").path("responses").has(
                Integer.toString(registered.status()))).isTrue();
        assertThat(registered.status()).isEqualTo(201);
        assertThat(paths.path("/api/organisations/{id}/name").path("post").path("responses").has(
                Integer.toString(renamed.status()))).isTrue();
        assertThat(renamed.status()).isEqualTo(200);
    }
}
