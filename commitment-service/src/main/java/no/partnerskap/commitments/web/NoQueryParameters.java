package no.partnerskap.commitments.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses a command that carries a query parameter, before anything is written: no command takes one, and a
 * client's {@code ?dryRun=true} or misspelt option was ignored while the write went ahead. After the handler is
 * found, so that an unknown address is still 404, and a read, sent to the read side, 405.
 */
@Configuration
class NoQueryParameters implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/admin/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (handler instanceof HandlerMethod && "POST".equals(request.getMethod()) && query != null
                && !query.isEmpty()) {
            String first = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().keySet()
                    .iterator().next();
            throw new QueryParameterRefused(first);
        }
        return true;
    }
}
