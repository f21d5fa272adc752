package no.partnerskap.commitments.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.partnerskap.commitments.CommitmentServiceApplication;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.PostgresContextInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.ContextConfiguration;

/** Outside the local profile there is no development issuer: no endpoint, no key, no trust. */
@SpringBootTest(classes = CommitmentServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommitmentServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = PostgresContextInitializer.CommitmentService.class)
class DevIssuerOnlyInLocalModeTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void dev_token_endpoint_does_not_exist_outside_local_mode() {
        Api api = Api.onPort(port);
        Api.Response token = api.post("/dev/token", null,
                Map.of("subject", "intruder", "roles", List.of("SECRETARIAT")));
        assertThat(token.status()).isEqualTo(404);
        assertThat(api.get("/dev/jwks", null).status()).isEqualTo(404);
        assertThat(context.getBeanNamesForType(JwtEncoder.class)).isEmpty();
    }
}
