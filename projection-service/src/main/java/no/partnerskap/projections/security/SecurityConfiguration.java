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

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerSecurity resourceServer,
                            @Value("${partnerships.security.public-read:false}") boolean publicRead) throws Exception {
        return resourceServer.apply(http)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                            .requestMatchers("/error").permitAll()
                            .requestMatchers("/api/audit/**").hasAnyRole("AUDITOR", "SECRETARIAT")
                            .requestMatchers(HttpMethod.GET, "/admin/**").hasRole("SECRETARIAT")
                            // a rebuild changes what every reader sees: not by a token that also holds AUDITOR
                            .requestMatchers("/admin/**").access(changesBy("SECRETARIAT"));
                    if (publicRead) {
                        auth.requestMatchers(HttpMethod.GET, READS).permitAll();
                    }
                    auth.requestMatchers(HttpMethod.GET, READS).hasAnyRole(ANY_ROLE)
                            // other methods: a command meant for the write side is told so (405), not 403
                            .requestMatchers("/api/**").authenticated()
                            .anyRequest().denyAll();
                })
                .build();
    }
}
