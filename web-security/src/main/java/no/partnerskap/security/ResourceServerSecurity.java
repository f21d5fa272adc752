package no.partnerskap.security;

import io.swagger.v3.core.jackson.ModelResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import no.partnerskap.api.common.VisibleText;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;


/**
 * Both services are OAuth2 resource servers trusting the same issuers: each issuer's tokens
 * are checked against its own keys and its own {@code iss}; roles come from the {@code roles}
 * claim. Each service adds its own path rules on top.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
@Import(JsonOnly.class)
public class ResourceServerSecurity {

    private static final Logger log = LoggerFactory.getLogger(ResourceServerSecurity.class);

    private final AuthenticationManagerResolver<HttpServletRequest> managers;

    ResourceServerSecurity(SecurityProperties properties, ObjectProvider<LocalIssuer> localIssuers) {
        Map<String, AuthenticationManager> byIssuer = new HashMap<>();
        for (SecurityProperties.Issuer issuer : properties.getIssuers()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.getJwkSetUri()).build();
            decoder.setJwtValidator(tokenRules(issuer.getIssuer(), issuer.getAudience(),
                    properties.getMaxTokenLifetime()));
            if (issuer.getAudience() == null || issuer.getAudience().isBlank()) {
                log.warn("Tokens of issuer {} are taken whatever their audience (aud): if that issuer serves other "
                        + "applications too, a token it made for one of them, with a role of the same name, is taken "
                        + "here. Set partnerships.security.issuers[n].audience (TOKEN_AUDIENCE).", issuer.getIssuer());
            }
            byIssuer.put(issuer.getIssuer(), manager(decoder));
        }
        localIssuers.orderedStream().forEach(local -> byIssuer.put(local.issuer(), manager(local.decoder())));
        this.managers = new VerifiedTokens(new JwtIssuerAuthenticationManagerResolver(byIssuer::get),
                Clock.systemUTC(), Duration.ofMinutes(5), 10_000);
    }

    /** How long a token may stay valid from now, unless {@code partnerships.security.max-token-lifetime} says otherwise. */
    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(24);

    /**
     * What a token of the issuer must hold besides a valid signature: Spring's default checks (the
     * issuer; not expired, not before its time), an expiry no further ahead than {@link #MAX_TOKEN_LIFETIME}
     * (a token without one, or valid for a year, would serve whoever stole it for as long),
     * and a subject that names someone, since every event records who acted.
     */
    public static OAuth2TokenValidator<Jwt> tokenRules(String issuer) {
        return tokenRules(issuer, null, MAX_TOKEN_LIFETIME);
    }

    /** The same, with its longest lifetime; and when an audience is given, a token must name it in {@code aud}. */
    public static OAuth2TokenValidator<Jwt> tokenRules(String issuer, String audience, Duration maxLifetime) {
        List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>(List.of(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP,
                        expiry -> expiry != null && expiry.isBefore(Instant.now().plus(maxLifetime))),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, ResourceServerSecurity::namesSomeone)));
        if (audience != null && !audience.isBlank()) {
            rules.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    named -> named != null && named.contains(audience)));
        }
        return new DelegatingOAuth2TokenValidator<>(rules);
    }

    /**
     * A subject every event can record and every read model show: some visible text (as a command's required
     * text: zero-width or no-break spaces alone name no one), at most 255 characters, no controls, no half of a
     * surrogate pair (which no UTF-8 can hold; a whole pair is one code point).
     */
    private static boolean namesSomeone(String subject) {
        return !VisibleText.isBlank(subject) && subject.length() <= 255 && subject.codePoints()
                .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE);
    }

    /**
     * The default strict firewall, with a faster check of header and parameter characters; what
     * it rejects is answered as a problem document like every other error.
     */
    @Bean
    static WebSecurityCustomizer fasterFirewall() {
        return web -> web.httpFirewall(new HeaderCharacters())
                .requestRejectedHandler(ProblemResponses.rejected());
    }

    /** Errors Tomcat answers itself (an address it cannot decode) as problem documents too. */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> serverErrorProblems() {
        return ServerErrorProblems.customizer();
    }

    /** The API documentation says that every call takes a bearer token and how errors are answered. */
    @Bean
    static OpenApiCustomizer bearerTokensAndProblems() {
        return ApiDocumentation.bearerTokensAndProblems();
    }

    @Bean
    static NullableFields nullableFields() {
        return new NullableFields();
    }

    /** Schema names that tell apart the nested types of the same name (a partnership's and a commitment's Detail). */
    @Bean
    static ModelResolver ownerQualifiedSchemaNames(ObjectMapperProvider mappers, NullableFields nullable) {
        return ApiDocumentation.ownerQualifiedSchemaNames(mappers.jsonMapper(), nullable);
    }

    /** A field Java may leave null is documented as one that may be null. */
    @Bean
    static OpenApiCustomizer nullWhereJavaAllowsIt(NullableFields nullable) {
        return nullable.customizer();
    }

    /** Stateless bearer-token security with problem documents for 401 and 403. */
    public HttpSecurity apply(HttpSecurity http) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(o -> o
                        .authenticationManagerResolver(managers)
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
    }

    private static AuthenticationManager manager(JwtDecoder decoder) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Caller.rolesOf(jwt).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .collect(Collectors.toList()));
        provider.setJwtAuthenticationConverter(converter);
        return provider::authenticate;
    }
}
