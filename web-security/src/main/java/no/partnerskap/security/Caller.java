package no.partnerskap.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, for which organisation, in which roles: read from the bearer token.
 *
 * @param organisation the organisation as the token names it: its id (UUID) or its
 *                     nine-digit organisation number; empty when the token names none
 * @param issuer       the issuer of the token ({@code iss}), which vouched for the subject
 */
public record Caller(String subject, Optional<String> organisation, Set<Role> roles, String issuer) {

    /** The ISO 6523 prefix of Norwegian organisation numbers in Maskinporten's consumer claim. */
    private static final String NORWEGIAN_ORGNR_PREFIX = "0192:";

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller of the request being handled, when it sent a verified token. */
    public static Optional<Caller> current() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? Optional.of(from(token.getToken())) : Optional.empty();
    }

    public static Caller from(Jwt jwt) {
        // as a string: an issuer need not be a URL (getIssuer() insists on one)
        return new Caller(jwt.getSubject(), organisationOf(jwt), rolesOf(jwt), jwt.getClaimAsString("iss"));
    }

    static Optional<String> organisationOf(Jwt jwt) {
        Object org = jwt.getClaims().get("org");
        if (org instanceof String s && !s.isBlank()) {
            return Optional.of(s.trim());
        }
        if (jwt.getClaims().get("consumer") instanceof Map<?, ?> consumer
                && consumer.get("ID") instanceof String id && id.startsWith(NORWEGIAN_ORGNR_PREFIX)) {
            return Optional.of(id.substring(NORWEGIAN_ORGNR_PREFIX.length()));
        }
        return Optional.empty();
    }

    static Set<Role> rolesOf(Jwt jwt) {
        Object claim = jwt.getClaims().get("roles");
        Collection<?> names = claim instanceof Collection<?> c ? c
                : claim instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(String.valueOf(name).trim())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
