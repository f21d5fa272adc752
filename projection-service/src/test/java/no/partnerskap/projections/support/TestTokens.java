package no.partnerskap.projections.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Instant;
import java.util.List;
import no.partnerskap.security.LocalIssuer;
import no.partnerskap.security.ResourceServerSecurity;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** A token issuer that only the test knows, trusted by the service under test. */
@TestConfiguration
public class TestTokens {

    static final String ISSUER = "projection-test-issuer";
    private final RSAKey key;

    TestTokens() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test").generate();
    }

    @Bean
    LocalIssuer testIssuer() throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        decoder.setJwtValidator(ResourceServerSecurity.tokenRules(ISSUER));
        return new LocalIssuer(ISSUER, decoder);
    }

    public String token(String subject, String org, String... roles) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(ISSUER).subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600)).claim("roles", List.of(roles));
        if (org != null) {
            claims.claim("org", org);
        }
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build())).getTokenValue();
    }
}
