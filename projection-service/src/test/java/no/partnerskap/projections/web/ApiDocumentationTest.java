package no.partnerskap.projections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document (what Swagger UI shows and tries) takes a bearer token and documents JSON and problems. */
@ProjectionServiceTest
class ApiDocumentationTest {

    @LocalServerPort
    int port;

    @Test
    void every_read_is_documented_with_its_token_its_json_and_its_problems() {
        JsonNode docs = Api.onPort(port).get("/v3/api-docs", null).body();

        assertThat(docs.path("components").path("securitySchemes").path("bearer").path("bearerFormat").asText())
                .isEqualTo("JWT");
        assertThat(docs.path("security").findValues("bearer")).isNotEmpty();
        assertThat(docs.path("paths").findValues("*/*")).isEmpty();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode answers = operation.getValue().path("responses");
            assertThat(answers.path("401").path("content").has("application/problem+json"))
                    .as(operation.getKey() + " " + path.getKey()).isTrue();
            if (path.getKey().contains("{")) {
                assertThat(answers.path("404").path("content").has("application/problem+json"))
                        .as(operation.getKey() + " " + path.getKey()).isTrue();
            }
        }));
        // a writer reads its own write back from any single resource it can write to
        for (String read : new String[] {"/api/partnerships/{id}", "/api/commitments/{id}",
                "/api/organisations/{id}", "/api/organisations/{id}/scorecard"}) {
            assertThat(docs.path("paths").path(read).path("get").path("parameters").findValuesAsText("name"))
                    .as(read).contains("minVersion");
        }
    }
}
