package no.partnerskap.commitments.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.partnerskap.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** The development issuer keeps to partnerships.security.max-token-lifetime, as every trusted issuer does. */
class DevIssuerLifetimeTest {

    @Test
    void its_tokens_and_the_tokens_it_takes_keep_to_the_longest_lifetime_configured() throws Exception {
        DevIssuer shorter = issuer(Duration.ofHours(1));
        assertThat(shorter.tokenLifetime()).as("never longer than the services take").isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> shorter.devLocalIssuer().decoder().decode(token(shorter, Duration.ofHours(8))))
                .isInstanceOf(JwtValidationException.class);
        assertThat(shorter.devLocalIssuer().decoder().decode(token(shorter, Duration.ofMinutes(30))).getSubject())
                .isEqualTo("utvikler");

        DevIssuer longer = issuer(Duration.ofHours(100));
        assertThat(longer.tokenLifetime()).isEqualTo(Duration.ofHours(8));
        assertThat(longer.devLocalIssuer().decoder().decode(token(longer, Duration.ofHours(80))).getSubject())
                .as("as configured, not the default 24 h").isEqualTo("utvikler");
    }

    private static DevIssuer issuer(Duration maxLifetime) throws Exception {
        SecurityProperties security = new SecurityProperties();
        security.setMaxTokenLifetime(maxLifetime);
        return new DevIssuer("", security);
    }

    private static String token(DevIssuer issuer, Duration validFor) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(DevIssuer.ISSUER).subject("utvikler").issuedAt(now)
                .expiresAt(now.plus(validFor)).claim("roles", List.of("VIEWER")).build();
        return issuer.devJwtEncoder().encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims)).getTokenValue();
    }
}
