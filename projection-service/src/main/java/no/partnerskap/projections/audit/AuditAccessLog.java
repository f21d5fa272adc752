package no.partnerskap.projections.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.partnerskap.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One line in the log for every audit read: who read which history, and the answer; also for a read refused to a
 * caller with a token. The histories hold who did
 * what (personal data), and a data protection officer asks who looked at them. The logger is {@code audit-access},
 * for an operator to route to a log of its own.
 */
@Configuration
class AuditAccessLog implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger("audit-access");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/audit/**");
    }

    /** Refusals are made before any handler, by the security filters: they publish them as events. */
    @Bean
    static AuthorizationEventPublisher refusalsAsEvents(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    /**
     * A caller with a token refused an audit read (a partner or a viewer, say): a data protection officer asks
     * who tried too. A request without a token names nobody, and is not logged.
     */
    @EventListener
    void refused(AuthorizationDeniedEvent<?> denied) {
        if (denied.getSource() instanceof HttpServletRequest request
                && request.getRequestURI().startsWith("/api/audit/")) {
            log(request, "refused", HttpServletResponse.SC_FORBIDDEN);
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        log(request, "answered", response.getStatus());
    }

    /** The line: the read asked for, who asked, and the answer. */
    private static void log(HttpServletRequest request, String answer, int status) {
        String query = request.getQueryString();
        Caller.current().ifPresent(caller -> log.info("{} {} read by {} ({}), {} {}", request.getMethod(),
                request.getRequestURI() + (query == null ? "" : "?" + query), caller.subject(), caller.roles(),
                answer, status));
    }
}
