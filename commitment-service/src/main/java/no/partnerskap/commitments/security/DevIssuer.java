package no.partnerskap.commitments.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.util.Set;
import no.partnerskap.security.LocalIssuer;
import no.partnerskap.security.ResourceServerSecurity;
import no.partnerskap.security.SecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The development token issuer: exists in the {@code local} profile only, so a newcomer can get
 * a token in one step. Its key is kept in the data folder when one is configured, so tokens
 * survive a restart.
 */
@Configuration
@Profile("local")
class DevIssuer {

    static final String ISSUER = "partnerships-local-dev";

    /** How long a development token is valid, unless the longest lifetime allowed is shorter. */
    private static final Duration LIFETIME = Duration.ofHours(8);

    private final RSAKey key;
    private final Duration maxLifetime;

    DevIssuer(@Value("${partnerships.dev-issuer.key-file:}") String keyFile, SecurityProperties security)
            throws Exception {
        this.key = keyFile.isBlank() ? generate() : loadOrCreate(Path.of(keyFile));
        this.maxLifetime = security.getMaxTokenLifetime();
    }

    @Bean
    LocalIssuer devLocalIssuer() throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        decoder.setJwtValidator(ResourceServerSecurity.tokenRules(ISSUER, null, maxLifetime));
        return new LocalIssuer(ISSUER, decoder);
    }

    /** How long the tokens it hands out are valid: never longer than the services take. */
    Duration tokenLifetime() {
        return LIFETIME.compareTo(maxLifetime) < 0 ? LIFETIME : maxLifetime;
    }

    @Bean
    JwtEncoder devJwtEncoder() {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    private static RSAKey generate() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID("dev-" + System.currentTimeMillis()).generate();
    }

    private static RSAKey loadOrCreate(Path file) throws JOSEException, IOException, ParseException {
        if (Files.exists(file)) {
            return RSAKey.parse(Files.readString(file));
        }
        RSAKey created = generate();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, created.toJSONString());
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on file systems without POSIX permissions
        }
        return created;
    }
}
