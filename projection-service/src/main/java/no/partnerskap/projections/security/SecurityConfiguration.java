package no.partnerskap.projections.security;

import static no.partnerskap.security.SeparationOfDuties.changesBy;

import no.partnerskap.security.ResourceServerSecurity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Read models need any role (or nobody, when public read is switched on); audit reads need
 * AUDITOR or SECRETARIAT; administration needs SECRETARIAT, and its changes (a rebuild) a token without
 * AUDITOR. Nothing here writes events.
 */
@Configuration
@Import(ResourceServerSecurity.class)
class SecurityConfiguration {

    private static final String[] ANY_ROLE = {"SECRETARIAT", "PARTNER", "AUDITOR", "VIEWER"};
    /** The read API and the dashboard pages: any role, or anyone when public read is on. */
    private static final String[] READS = {"/api/**", "/", "/pages/**", "/css/**"};

    /** Styles from this service (the council report's own, inline), images inline; nothing else. */
    static final String PAGES_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerSecurity resourceServer,
                            @Value("${partnerships.security.public-read:false}") boolean publicRead) throws Exception {
        return resourceServer.apply(http)
                // the pages run no script and fetch nothing from elsewhere: a browser that meets any is told to
                // refuse it (Swagger UI, which runs scripts of its own, keeps the browser's defaults)
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults()
                                .matcher("/swagger-ui/**"), PathPatternRequestMatcher.withDefaults()
                                .matcher("/swagger-ui.html"))),
                        new StaticHeadersWriter("Content-Security-Policy", PAGES_POLICY))))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                            .requestMatchers("/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**",
                                    "/swagger-ui.html").permitAll()
                            .requestMatchers("/error").permitAll()
                            .requestMatchers("/api/audit/**").hasAnyRole("AUDITOR", "SECRETARIAT")
                            // the read models' status: an auditor comparing them with the history sees whether
                            // they are complete and caught up
                            .requestMatchers(HttpMethod.GET, "/admin/**").hasAnyRole("SECRETARIAT", "AUDITOR")
                            // a rebuild changes what every reader sees: not by a token that also holds AUDITOR
                            .requestMatchers("/admin/**").access(changesBy("SECRETARIAT"));
                    if (publicRead) {
                        auth.requestMatchers(HttpMethod.GET, READS).permitAll()
                                .requestMatchers(HttpMethod.HEAD, READS).permitAll();
                    }
                    auth.requestMatchers(HttpMethod.GET, READS).hasAnyRole(ANY_ROLE)
                            .requestMatchers(HttpMethod.HEAD, READS).hasAnyRole(ANY_ROLE)
                            // other methods: a command meant for the write side is told so (405), not 403
                            .requestMatchers("/api/**").authenticated()
                            .anyRequest().denyAll();
                })
                .build();
    }
}
