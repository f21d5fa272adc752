package no.partnerskap.commitments.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.partnerskap.commitments.web.Forbidden;
import no.partnerskap.security.Role;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /dev/token}: a signed token for whoever asks. Local mode only. */
@RestController
@Profile("local")
class DevTokenController {


    record TokenRequest(@NotBlank String subject, String org, @NotEmpty List<Role> roles) {
    }

    private final JwtEncoder encoder;
    private final DevIssuer issuer;

    DevTokenController(JwtEncoder encoder, DevIssuer issuer) {
        this.encoder = encoder;
        this.issuer = issuer;
    }

    @Operation(summary = "Issue a development token (local mode only; for requests addressed to localhost)")
    @PostMapping("/dev/token")
    Map<String, Object> token(@RequestHeader(value = HttpHeaders.HOST, required = false) String host,
                              @Valid @RequestBody TokenRequest request) {
        // a web page the developer visits may have its own name resolve to 127.0.0.1 (DNS rebinding) and ask
        // from the browser as the same origin: only a request addressed to this machine by its own name is one
        if (!addressedToThisMachine(host)) {
            throw new Forbidden("the development issuer answers requests addressed to localhost, 127.0.0.1 or [::1] "
                    + "only");
        }
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(DevIssuer.ISSUER)
                .subject(request.subject())
                .issuedAt(now)
                .expiresAt(now.plus(issuer.tokenLifetime()))
                .claim("roles", request.roles().stream().map(Role::name).toList());
        if (request.org() != null && !request.org().isBlank()) {
            claims.claim("org", request.org());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
        return Map.of("access_token", token, "token_type", "Bearer", "expires_in", issuer.tokenLifetime().toSeconds());
    }

    static boolean addressedToThisMachine(String host) {
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return List.of("localhost", "127.0.0.1", "[::1]").contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The public key, so projection-service (and anyone) can check the tokens. */
    @GetMapping("/dev/jwks")
    Map<String, Object> jwks() {
        return issuer.publicKeys().toJSONObject();
    }
}
