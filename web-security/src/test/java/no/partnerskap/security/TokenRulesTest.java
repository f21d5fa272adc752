package no.partnerskap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** What a token must hold besides its signature; with an audience set, a token made for another API is refused. */
class TokenRulesTest {

    private static final String ISSUER = "https://login.example.no";

    @Test
    void a_token_for_another_api_is_refused_when_an_audience_is_set() {
        assertThat(ResourceServerSecurity.tokenRules(ISSUER, "partnerships").validate(token(List.of("partnerships",
                "other"))).hasErrors()).isFalse();
        assertThat(ResourceServerSecurity.tokenRules(ISSUER, "partnerships").validate(token(List.of("other")))
                .hasErrors()).isTrue();
        assertThat(ResourceServerSecurity.tokenRules(ISSUER, "partnerships").validate(token(null)).hasErrors())
                .isTrue();
    }

    @Test
    void without_an_audience_set_any_is_taken() {
        assertThat(ResourceServerSecurity.tokenRules(ISSUER, null).validate(token(List.of("other"))).hasErrors())
                .isFalse();
        assertThat(ResourceServerSecurity.tokenRules(ISSUER).validate(token(null)).hasErrors()).isFalse();
    }

    private static Jwt token(List<String> audience) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).subject("sekretariat")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).claim("roles", List.of("VIEWER"));
        if (audience != null) {
            token.audience(audience);
        }
        return token.build();
    }
}
