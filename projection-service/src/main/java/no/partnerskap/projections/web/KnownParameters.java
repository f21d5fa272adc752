package no.partnerskap.projections.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter the read does not take (400, naming it and those it takes): a misspelt filter,
 * {@code organisationID=} for {@code organisationId=}, was ignored, and the list came back unfiltered, every
 * partner's commitments where one partner's were asked for. The pages take {@code lang} besides their own.
 */
@Configuration
@Order(0)
class KnownParameters implements WebMvcConfigurer, HandlerInterceptor {

    /** The pages' language switch, read by the locale interceptor before any page. */
    private static final String LANGUAGE = "lang";
    /** The pages' catch-all, which answers every unknown address with the not-found page. */
    private static final String ANY_PAGE = "/pages/**";

    private final Map<HandlerMethod, Set<String>> taken = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/", "/pages/**", "/api/**", "/admin/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || ANY_PAGE.equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))) {
            return true;
        }
        Set<String> takes = taken.computeIfAbsent(method, KnownParameters::takenBy);
        boolean page = !request.getRequestURI().startsWith("/api/") && !request.getRequestURI().startsWith("/admin/");
        for (String name : request.getParameterMap().keySet()) {
            if (!takes.contains(name) && !(page && LANGUAGE.equals(name))) {
                throw new UnknownParameter(name, request.getParameter(name), String.join(", ", takes));
            }
        }
        return true;
    }

    private static Set<String> takenBy(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .map(parameter -> {
                    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                    return param == null ? null : !param.name().isEmpty() ? param.name()
                            : !param.value().isEmpty() ? param.value() : nameOf(parameter);
                })
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String nameOf(MethodParameter parameter) {
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        return parameter.getParameterName();
    }
}
