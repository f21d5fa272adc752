package no.partnerskap.commitments.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import no.partnerskap.commitments.CommitmentServiceApplication;
import no.partnerskap.security.HeaderCharacters;
import no.partnerskap.testsupport.PostgresContextInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The filter chain checks requests with the project's faster firewall (HeaderCharacters), not a default one,
 * and answers what it rejects with a problem document.
 */
@SpringBootTest(classes = CommitmentServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommitmentServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = PostgresContextInitializer.CommitmentService.class)
class FirewallTest {

    @Autowired
    FilterChainProxy springSecurityFilterChain;
    @LocalServerPort
    int port;

    @Test
    void the_security_filter_chain_checks_headers_with_the_faster_predicate() {
        List<FilterChainProxy> built = new ArrayList<>();
        collectBuiltChains(springSecurityFilterChain, built);

        assertThat(built).isNotEmpty().allSatisfy(chain ->
                assertThat(ReflectionTestUtils.getField(chain, "firewall")).isInstanceOf(HeaderCharacters.class));
    }

    @Test
    void a_request_the_firewall_rejects_is_answered_with_a_problem_document() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api//organisations")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(response.body()).path("detail").asText()).contains("(//)");
    }

    /** Spring wraps the chain WebSecurity built in composites; find the ones that hold filter chains. */
    private static void collectBuiltChains(Object filter, List<FilterChainProxy> built) {
        if (filter instanceof FilterChainProxy proxy && ReflectionTestUtils.getField(proxy, "filterChains") != null) {
            built.add(proxy);
        }
        for (String wrapped : List.of("doFilterDelegate", "filters")) {
            if (ReflectionUtils.findField(filter.getClass(), wrapped) != null) {
                Object inner = ReflectionTestUtils.getField(filter, wrapped);
                for (Object each : inner instanceof List<?> list ? list : List.of(inner)) {
                    collectBuiltChains(each, built);
                }
            }
        }
    }
}
