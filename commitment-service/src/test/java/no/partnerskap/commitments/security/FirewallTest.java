package no.partnerskap.commitments.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import no.partnerskap.commitments.CommitmentServiceApplication;
import no.partnerskap.security.HeaderCharacters;
import no.partnerskap.testsupport.PostgresContextInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ReflectionUtils;

/** The filter chain checks requests with the project's faster firewall (HeaderCharacters), not a default one. */
@SpringBootTest(classes = CommitmentServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommitmentServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = PostgresContextInitializer.CommitmentService.class)
class FirewallTest {

    @Autowired
    FilterChainProxy springSecurityFilterChain;

    @Test
    void the_security_filter_chain_checks_headers_with_the_faster_predicate() {
        List<FilterChainProxy> built = new ArrayList<>();
        collectBuiltChains(springSecurityFilterChain, built);

        assertThat(built).isNotEmpty().allSatisfy(chain ->
                assertThat(ReflectionTestUtils.getField(chain, "firewall")).isInstanceOf(HeaderCharacters.class));
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
