package no.partnerskap.projections.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.partnerskap.projections.web.ReadModelRebuilding;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The JSON and CSV reads of the live read models answer 503 while one of them is being rebuilt, on any instance:
 * an integration would otherwise take a commitment not yet replayed for one deleted. The pages go on showing
 * what there is, under a notice of the rebuild; the audit reads and the council report read the event history.
 */
@Configuration
class RebuildGuard implements WebMvcConfigurer, HandlerInterceptor {

    /** The reads answered from the live read models. */
    static final List<String> LIVE_READS = List.of("/api/partnerships", "/api/partnerships/**",
            "/api/commitments/**", "/api/organisations/**", "/api/sdg");

    private final ProjectionAdmin projections;

    RebuildGuard(ProjectionAdmin projections) {
        this.projections = projections;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(LIVE_READS);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        rebuilding().ifPresent(e -> {
            throw e;
        });
        return true;
    }

    /** The rebuild under way now, if any. */
    Optional<ReadModelRebuilding> rebuilding() {
        List<ProjectionAdmin.Rebuild> rebuilding = projections.rebuilding();
        if (rebuilding.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> progress = new LinkedHashMap<>();
        rebuilding.forEach(r -> progress.put(r.name(), r.progress()));
        return Optional.of(new ReadModelRebuilding(progress));
    }

    /**
     * Looks again once the read has been made, before its answer is written: a read that came in as the rebuild
     * began waited for the reset's transaction, then read the tables it had emptied. The reset stores the replay's
     * tokens in that same transaction, so whatever read the emptied tables finds the rebuild here.
     */
    @ControllerAdvice
    static class AfterTheRead implements ResponseBodyAdvice<Object> {

        private static final PathPatternParser PATTERNS = new PathPatternParser();
        private static final List<PathPattern> LIVE = LIVE_READS.stream().map(PATTERNS::parse).toList();

        private final RebuildGuard guard;

        AfterTheRead(RebuildGuard guard) {
            this.guard = guard;
        }

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                      ServerHttpResponse response) {
            if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())
                    || LIVE.stream().noneMatch(p -> p.matches(PathContainer.parsePath(request.getURI().getRawPath())))) {
                return body;
            }
            Optional<ReadModelRebuilding> rebuilding = guard.rebuilding();
            if (rebuilding.isEmpty()) {
                return body;
            }
            if (body instanceof ProblemDetail) {
                // an answer to an error already (a 404 for what the reset had emptied): this one takes its place
                response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
                response.getHeaders().set(HttpHeaders.RETRY_AFTER, ReadModelRebuilding.RETRY_AFTER);
                return rebuilding.get().problem();
            }
            throw rebuilding.get();
        }
    }
}
