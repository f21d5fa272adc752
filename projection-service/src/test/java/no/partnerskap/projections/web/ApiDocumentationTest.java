package no.partnerskap.projections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document (what Swagger UI shows and tries) takes a bearer token and documents JSON and problems. */
@ProjectionServiceTest
class ApiDocumentationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTokens tokens;

    @Test
    void every_read_is_documented_with_its_token_its_json_and_its_problems() {
        JsonNode docs = Api.onPort(port).get("/v3/api-docs", null).body();

        assertThat(docs.path("components").path("securitySchemes").path("bearer").path("bearerFormat").asText())
                .isEqualTo("JWT");
        assertThat(docs.path("security").findValues("bearer")).isNotEmpty();
        assertThat(docs.path("paths").findValues("*/*")).isEmpty();
        // a client generated from the document reads what a 503 during a rebuild says, not only its words
        JsonNode problem = docs.path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.path("rebuilding").path("additionalProperties").path("type").asText()).isEqualTo("number");
        assertThat(problem.path("unsealedEvents").path("type").asText()).isEqualTo("integer");
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode answers = operation.getValue().path("responses");
            assertThat(answers.path("400").path("content").has("application/problem+json"))
                    .as(operation.getKey() + " " + path.getKey()).isTrue();
            assertThat(answers.path("401").path("content").has("application/problem+json"))
                    .as(operation.getKey() + " " + path.getKey()).isTrue();
            if (path.getKey().contains("{")) {
                assertThat(answers.path("404").path("content").has("application/problem+json"))
                        .as(operation.getKey() + " " + path.getKey()).isTrue();
            }
        }));
        // a generated client names each read by what it reads, never one_2
        assertThat(docs.path("info").path("title").asText()).contains("projection-service");
        List<String> operationIds = docs.path("paths").findValuesAsText("operationId");
        assertThat(operationIds).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+"))
                .contains("commitment", "partnership", "organisation", "organisations");
        assertThat(docs.path("paths").path("/api/audit/{type}/{id}").path("get").path("parameters").toString())
                .contains("\"name\":\"asOf\",\"in\":\"query\",\"description\"").contains("\"required\":true")
                .contains("[\"organisation\",\"partnership\",\"commitment\"]");
        // a writer reads its own write back from any single resource it can write to
        for (String read : new String[] {"/api/partnerships/{id}", "/api/commitments/{id}",
                "/api/organisations/{id}", "/api/organisations/{id}/scorecard"}) {
            assertThat(docs.path("paths").path(read).path("get").path("parameters").findValuesAsText("name"))
                    .as(read).contains("minVersion");
            // and its version, to send back as If-Match
            assertThat(docs.path("paths").path(read).path("get").path("responses").path("200").path("headers")
                    .has("ETag")).as(read).isTrue();
        }
    }

    /**
     * OpenAPI 3.1 reads a plain type as "never null": a generated client broke on the first read (a partnership
     * without a parent). Fields Java may leave null say so; primitives do not.
     */
    @Test
    void fields_that_may_be_null_say_so() {
        JsonNode docs = Api.onPort(port).get("/v3/api-docs", null).body();
        JsonNode detail = docs.path("components").path("schemas").path("PartnershipQueries.Detail").path("properties");

        assertThat(detail.path("parentPartnershipId").path("type").toString()).contains("\"string\"", "\"null\"");
        assertThat(detail.path("concluded").path("type").toString()).isEqualTo("\"boolean\"");
        JsonNode commitment = docs.path("components").path("schemas").path("CommitmentRow").path("properties");
        assertThat(commitment.path("daysOverdue").path("type").toString()).contains("\"null\"");
    }

    /** JSON only (and the pages' HTML, the spreadsheets' CSV): no YAML answer with dates written as arrays. */
    @Test
    void reads_answer_in_json_not_yaml_while_the_api_document_comes_in_both() {
        Api api = Api.onPort(port);
        String viewer = tokens.token("v", null, "VIEWER");
        assertThat(api.get("/api/sdg", viewer).status()).isEqualTo(200);
        assertThat(api.get("/api/sdg", viewer, "Accept", "application/yaml").status()).isEqualTo(406);
        assertThat(api.get("/v3/api-docs.yaml", null).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs.yaml", null).raw().body()).startsWith("openapi:");
    }

    /** Types of the same name (a partnership's and a commitment's Detail) each have their own schema. */
    @Test
    void each_answer_is_documented_with_its_own_fields() {
        JsonNode docs = Api.onPort(port).get("/v3/api-docs", null).body();

        JsonNode commitment = answer(docs, "/api/commitments/{id}");
        assertThat(commitment.path("properties").has("commitment")).isTrue();
        assertThat(commitment.path("properties").has("timeline")).isTrue();
        JsonNode dashboard = answer(docs, "/api/partnerships/{id}");
        assertThat(dashboard.path("properties").has("mandate")).isTrue();
        JsonNode member = schema(docs, dashboard.path("properties").path("members").path("items"));
        assertThat(member.path("properties").has("organisationNumber")).isTrue();
        assertThat(member.path("properties").has("leaveReason")).isTrue();
        JsonNode goal = schema(docs, dashboard.path("properties").path("goals").path("items"));
        assertThat(goal.path("properties").has("revisions")).isTrue();
        assertThat(docs.path("paths").path("/api/reports/council").path("get").path("responses").path("200")
                .path("headers").has("X-Event-Position")).isTrue();
        // a busy or unreachable read says when to ask again
        assertThat(docs.path("paths").path("/api/sdg").path("get").path("responses").path("503").path("headers")
                .has("Retry-After")).isTrue();
        // a rebuild starts (202) or is refused (409)
        JsonNode replay = docs.path("paths").path("/admin/projections/{name}/replay").path("post").path("responses");
        assertThat(replay.has("202")).isTrue();
        assertThat(replay.has("200")).isFalse();
        assertThat(replay.path("409").path("content").has("application/problem+json")).isTrue();
        // an event's payload is the stored JSON object
        assertThat(docs.path("components").path("schemas").path("AuditEvent").path("properties").path("payload")
                .path("type").toString()).contains("\"object\"");
        // the integrity check's findings are not problem documents
        JsonNode verification = answer(docs, "/api/audit/verify");
        JsonNode finding = schema(docs, verification.path("properties").path("problems").path("items"));
        assertThat(finding.path("properties").has("globalPosition")).isTrue();
    }

    private static JsonNode answer(JsonNode docs, String path) {
        return schema(docs, docs.path("paths").path(path).path("get").path("responses").path("200").path("content")
                .path("application/json").path("schema"));
    }

    private static JsonNode schema(JsonNode docs, JsonNode schemaOrRef) {
        String ref = schemaOrRef.path("$ref").asText();
        return ref.isEmpty() ? schemaOrRef
                : docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
    }
}
