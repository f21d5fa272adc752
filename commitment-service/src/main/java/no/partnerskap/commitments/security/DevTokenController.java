package no.partnerskap.commitments.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.partnerskap.security.Role;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /dev/token}: a signed token for whoever asks. Local mode only. */
@RestController
@Profile("local")
class DevTokenController {

    private static final Duration LIFETIME = Duration.ofHours(8);

    record TokenRequest(@NotBlank String subject, String org, @NotEmpty List<Role> roles) {
    }

    private final JwtEncoder encoder;
    private final DevIssuer issuer;

    DevTokenController(JwtEncoder encoder, DevIssuer issuer) {
        this.encoder = encoder;
        this.issuer = issuer;
    }

    @Operation(summary = "Issue a development token (local mode only)")
    @PostMapping("/dev/token")
    Map<String, Object> token(@Valid @RequestBody TokenRequest request) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(DevIssuer.ISSUER)
                .subject(request.subject())
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim("roles", request.roles().stream().map(Role::name).toList());
        if (request.org() != null && !request.org().isBlank()) {
            claims.claim("org", request.org());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
        return Map.of("access_token", token, "token_type", "Bearer", "expires_in", LIFETIME.toSeconds());
    }

    /** The public key, so projection-service (and anyone) can check the tokens. */
    @GetMapping("/dev/jwks")
    Map<String, Object> jwks() {
        return issuer.publicKeys().toJSONObject();
    }
}
