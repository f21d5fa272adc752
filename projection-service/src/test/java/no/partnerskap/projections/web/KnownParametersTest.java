package no.partnerskap.projections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.partnerskap.projections.pages.PagesTestSupport;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A misspelt filter is refused, not ignored: ignored, it listed every partner's commitments. */
@ProjectionServiceTest
class KnownParametersTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTokens tokens;

    @Test
    void every_read_refuses_a_parameter_it_does_not_take_and_takes_those_it_documents() {
        Api api = Api.onPort(port);
        String everyone = tokens.token("all", null, "SECRETARIAT", "AUDITOR");
        JsonNode paths = api.get("/v3/api-docs", null).body().path("paths");
        List<String> reads = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode()) {
                return;
            }
            String address = address(path.getKey());
            reads.add(address);
            Api.Response misspelt = api.get(address + "?organisationID=" + UUID.randomUUID(), everyone);
            assertThat(misspelt.status()).as(address).isEqualTo(400);
            assertThat(misspelt.body().path("errors").get(0).path("field").asText()).as(address)
                    .isEqualTo("organisationID");
            assertThat(misspelt.body().path("errors").get(0).path("message").asText()).as(address)
                    .startsWith("is not a parameter of this read");
            // each documented parameter is one the read takes, whatever it says of the value given
            StringBuilder documented = new StringBuilder();
            for (JsonNode parameter : get.path("parameters")) {
                if ("query".equals(parameter.path("in").asText())) {
                    documented.append(documented.isEmpty() ? "?" : "&").append(parameter.path("name").asText())
                            .append("=1");
                }
            }
            Api.Response taken = api.get(address + documented, everyone);
            assertThat(taken.raw().body()).as(address + documented).doesNotContain("is not a parameter");
        });
        assertThat(reads).contains("/api/sdg", "/api/reports/council");
        // given twice, the first was read and the second dropped: two organisations asked for, one answered
        Api.Response twice = api.get("/api/commitments/overdue?organisationId=" + UUID.randomUUID() + "&organisationId="
                + UUID.randomUUID(), everyone);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().path("errors").get(0).path("message").asText())
                .isEqualTo("is given 2 times: give it once");
        // the JSON reads take no tracking parameters: they are no links shared in newsletters
        assertThat(api.get("/api/sdg?utm_source=x", everyone).status()).isEqualTo(400);
        Api.Response list = api.get("/api/partnerships/" + UUID.randomUUID() + "/commitments?organisationID=x&size=1",
                everyone);
        assertThat(list.body().path("errors").get(0).path("message").asText()).isEqualTo("is not a parameter of this "
                + "read; it takes divergent, dueWithinDays, goalId, openFollowUp, organisationId, page, signal, size, "
                + "status");
    }

    /** An empty value, as a form's "any" option sends it, narrows nothing: on every read, for every filter. */
    @Test
    void an_empty_parameter_is_one_not_given() {
        Api api = Api.onPort(port);
        String everyone = tokens.token("all", null, "SECRETARIAT", "AUDITOR");
        JsonNode paths = api.get("/v3/api-docs", null).body().path("paths");
        List<String> tried = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            String address = address(path.getKey());
            // what the read cannot do without (only the council report's year, so far)
            StringBuilder required = new StringBuilder();
            for (JsonNode parameter : path.getValue().path("get").path("parameters")) {
                if ("query".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean()) {
                    required.append(parameter.path("name").asText()).append("=2020&");
                }
            }
            for (JsonNode parameter : path.getValue().path("get").path("parameters")) {
                if ("query".equals(parameter.path("in").asText()) && !parameter.path("required").asBoolean()) {
                    String empty = address + "?" + required + parameter.path("name").asText() + "=";
                    tried.add(empty);
                    assertThat(api.get(empty, everyone).status()).as(empty).isNotEqualTo(400);
                }
            }
        });
        assertThat(tried).contains("/api/organisations?organisationNumber=");
        // a page too: the partnership is looked for (and not found), the empty filters are not refused
        assertThat(api.get("/pages/partnerships/" + UUID.randomUUID() + "?status=&signal=&organisationId=",
                everyone, "Accept", "text/html").status()).isEqualTo(404);
    }

    @Test
    void a_page_refuses_a_parameter_it_does_not_take_but_takes_its_language() {
        Api api = Api.onPort(port);
        String viewer = tokens.token("viewer", null, "VIEWER");
        Api.Response refused = api.get("/pages/sdg?organisationID=x", viewer, "Accept", "text/html");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(PagesTestSupport.text(refused.raw().body()))
                .contains("The address asks for organisationID = “x”, which this page does not know.");
        assertThat(PagesTestSupport.page(port, "/pages/sdg?lang=nb", "Authorization", "Bearer " + viewer))
                .contains("lang=\"nb\"");
        assertThat(PagesTestSupport.page(port, "/?lang=en", "Authorization", "Bearer " + viewer))
                .contains("lang=\"en\"");
        // an address with no page is not found, whatever it asks
        assertThat(api.get("/pages/nothing?x=1", viewer, "Accept", "text/html").status()).isEqualTo(404);
    }

    /** A documented path with its variables filled in: ids that name nothing, and a type and name that exist. */
    private static String address(String path) {
        return path.replace("{type}", "commitment").replace("{name}", "commitments").replace("{globalIndex}", "1")
                .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
    }
}
