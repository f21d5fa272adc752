package no.partnerskap.projections.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.partnerskap.projections.web.ReadModelRebuilding;
import org.springframework.context.annotation.Configuration;
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
        List<ProjectionAdmin.Rebuild> rebuilding = projections.rebuilding();
        if (!rebuilding.isEmpty()) {
            Map<String, Double> progress = new LinkedHashMap<>();
            rebuilding.forEach(r -> progress.put(r.name(), r.progress()));
            throw new ReadModelRebuilding(progress);
        }
        return true;
    }
}
