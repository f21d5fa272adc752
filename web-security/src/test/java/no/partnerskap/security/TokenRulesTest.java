package no.partnerskap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** What a token must hold besides its signature; with an audience set, a token made for another API is refused. */
class TokenRulesTest {

    private static final String ISSUER = "https://login.example.no";
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void a_token_for_another_api_is_refused_when_an_audience_is_set() {
        assertThat(ResourceServerSecurity.tokenRules(ISSUER, "partnerships", DAY).validate(token(List.of("partnerships",
                "other"))).hasErrors()).isFalse();
        assertThat(ResourceServerSecurity.tokenRules(ISSUER, "partnerships", DAY).validate(token(List.of("other")))
                .hasErrors()).isTrue();
        assertThat(ResourceServerSecurity.tokenRules(ISSUER, "partnerships", DAY).validate(token(null)).hasErrors())
                .isTrue();
    }

    @Test
    void without_an_audience_set_any_is_taken() {
        assertThat(ResourceServerSecurity.tokenRules(ISSUER, null, DAY).validate(token(List.of("other"))).hasErrors())
                .isFalse();
        assertThat(ResourceServerSecurity.tokenRules(ISSUER).validate(token(null)).hasErrors()).isFalse();
    }

    /** A token valid for a year (or one without an expiry) would serve whoever stole it for as long. */
    @Test
    void a_token_valid_for_longer_than_the_longest_lifetime_is_refused() {
        assertThat(ResourceServerSecurity.tokenRules(ISSUER).validate(token(null, Duration.ofHours(8))).hasErrors())
                .isFalse();
        assertThat(ResourceServerSecurity.tokenRules(ISSUER).validate(token(null, Duration.ofHours(25))).hasErrors())
                .isTrue();
        assertThat(ResourceServerSecurity.tokenRules(ISSUER).validate(token(null, Duration.ofDays(365))).hasErrors())
                .isTrue();
        assertThat(ResourceServerSecurity.tokenRules(ISSUER, null, Duration.ofDays(400))
                .validate(token(null, Duration.ofDays(365))).hasErrors()).as("a longer lifetime configured").isFalse();
    }

    private static Jwt token(List<String> audience) {
        return token(audience, Duration.ofMinutes(5));
    }

    private static Jwt token(List<String> audience, Duration validFor) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).subject("sekretariat")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(validFor)).claim("roles", List.of("VIEWER"));
        if (audience != null) {
            token.audience(audience);
        }
        return token.build();
    }
}
