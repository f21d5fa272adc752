package no.partnerskap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger verifications = new AtomicInteger();
    private final HttpServletRequest request = new MockHttpServletRequest();

    /** Accepts "good-*" tokens, expiring one hour after NOW, and refuses all others. */
    private final AuthenticationManagerResolver<HttpServletRequest> verifier = r -> authentication -> {
        verifications.incrementAndGet();
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!token.startsWith("good-")) {
            throw new InvalidBearerTokenException("bad signature");
        }
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject(token.substring(5))
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plus(Duration.ofHours(1))).build();
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_PARTNER")), jwt.getSubject());
    };

    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock, Duration.ofMinutes(5), 3);

    private Authentication authenticate(String token) {
        BearerTokenAuthenticationToken bearer = new BearerTokenAuthenticationToken(token);
        bearer.setDetails("from " + token);
        return tokens.resolve(request).authenticate(bearer);
    }

    @Test
    void aTokenSentAgainIsNotVerifiedAgainAndGivesTheSameCaller() {
        Authentication first = authenticate("good-kari");
        Authentication second = authenticate("good-kari");

        assertThat(verifications).hasValue(1);
        assertThat(second.getName()).isEqualTo("kari");
        assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_PARTNER");
        assertThat(((JwtAuthenticationToken) second).getToken()).isEqualTo(((JwtAuthenticationToken) first).getToken());
        assertThat(second).isNotSameAs(first);
        assertThat(second.getDetails()).isEqualTo("from good-kari");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        assertThatThrownBy(() -> authenticate("forged")).isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> authenticate("forged")).isInstanceOf(InvalidBearerTokenException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenGoesBackToTheVerifier() {
        authenticate("good-kari");
        clock.now = NOW.plus(Duration.ofHours(1));

        authenticate("good-kari");

        assertThat(verifications).as("past its expiry the verifier decides again").hasValue(2);
    }

    @Test
    void aTokenIsVerifiedAfreshAfterTheMaximumAge() {
        authenticate("good-kari");
        clock.now = NOW.plus(Duration.ofMinutes(4));
        authenticate("good-kari");
        assertThat(verifications).hasValue(1);

        clock.now = NOW.plus(Duration.ofMinutes(5));
        authenticate("good-kari");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void staysWithinItsCapacity() {
        for (String name : List.of("a", "b", "c", "d")) {
            authenticate("good-" + name);
        }
        authenticate("good-a");
        assertThat(verifications).as("the fourth token made room by forgetting the others").hasValue(5);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
