package no.partnerskap.commitments.security;

import static no.partnerskap.security.SeparationOfDuties.changesBy;

import no.partnerskap.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every write needs a token; which role may do what is decided per command (see the
 * controllers), because a partner's right depends on whose commitment it is.
 */
@Configuration
@Import(ResourceServerSecurity.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
        return resourceServer.apply(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        // only mapped in local mode; elsewhere these paths answer 404
                        .requestMatchers("/dev/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // a role that never writes is refused before its request is read (not told of invalid fields);
                        // nor does a token that holds AUDITOR beside a writing role: auditors stay independent of
                        // the history they verify
                        .requestMatchers(HttpMethod.POST, "/api/**").access(changesBy("SECRETARIAT", "PARTNER"))
                        // any other method: a GET meant for the read side is told so (405), not refused as a role
                        .requestMatchers("/api/**").authenticated()
                        // any method: the secretariat is told which one (405); everyone else is refused (403)
                        .requestMatchers("/admin/**").access(changesBy("SECRETARIAT"))
                        .anyRequest().denyAll())
                .build();
    }
}
