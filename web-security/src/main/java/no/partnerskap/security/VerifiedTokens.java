package no.partnerskap.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Remembers bearer tokens that were verified, so that a client sending the same token with each
 * request pays for the signature check once rather than every time. A remembered token is
 * still refused once it expires; it is verified afresh after {@code maxAge} (so a key the issuer
 * withdraws stops being honoured within that time, as with Spring's own five-minute key cache).
 * Refused tokens are never remembered.
 */
final class VerifiedTokens implements AuthenticationManagerResolver<HttpServletRequest> {

    private record Verified(Jwt jwt, Collection<GrantedAuthority> authorities, String name, Instant verifiedAt) {
    }

    private final AuthenticationManagerResolver<HttpServletRequest> verifier;
    private final Clock clock;
    private final Duration maxAge;
    private final int capacity;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(AuthenticationManagerResolver<HttpServletRequest> verifier, Clock clock, Duration maxAge,
                   int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxAge = maxAge;
        this.capacity = capacity;
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        return authentication -> authenticate(request, authentication);
    }

    private Authentication authenticate(HttpServletRequest request, Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return verifier.resolve(request).authenticate(authentication);
        }
        Instant now = clock.instant();
        Verified known = verified.get(bearer.getToken());
        if (known != null && stillGood(known, now)) {
            JwtAuthenticationToken result = new JwtAuthenticationToken(known.jwt(), known.authorities(), known.name());
            result.setDetails(bearer.getDetails());
            return result;
        }
        verified.remove(bearer.getToken());
        Authentication result = verifier.resolve(request).authenticate(authentication);
        if (result instanceof JwtAuthenticationToken jwt && jwt.getToken().getExpiresAt() != null) {
            if (verified.size() >= capacity) {
                verified.clear();
            }
            @SuppressWarnings("unchecked")
            Collection<GrantedAuthority> authorities = (Collection<GrantedAuthority>) (Collection<?>) jwt.getAuthorities();
            verified.put(bearer.getToken(), new Verified(jwt.getToken(), authorities, jwt.getName(), now));
        }
        return result;
    }

    /** Not expired (the verifier decides, with its clock skew, once it is) and not verified too long ago. */
    private boolean stillGood(Verified known, Instant now) {
        return now.isBefore(known.jwt().getExpiresAt()) && now.isBefore(known.verifiedAt().plus(maxAge));
    }
}
