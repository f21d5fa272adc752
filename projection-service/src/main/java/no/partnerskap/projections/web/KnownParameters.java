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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter the read does not take (400, naming it and those it takes): a misspelt filter,
 * {@code organisationID=} for {@code organisationId=}, was ignored, and the list came back unfiltered, every
 * partner's commitments where one partner's were asked for; so is a parameter given twice, of which the first
 * was read. The pages take {@code lang} besides their own, and ignore what a shared link's tracking adds.
 */
@Configuration
class KnownParameters implements WebMvcConfigurer, HandlerInterceptor {

    /** The pages' language switch, read by the locale interceptor before any page. */
    private static final String LANGUAGE = "lang";
    /** The pages' catch-all, which answers every unknown address with the not-found page. */
    private static final String ANY_PAGE = "/pages/**";

    private final Map<HandlerMethod, Set<String>> taken = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the pages' language switch: the page that refuses the address speaks the language it asks for
        registry.addInterceptor(this).addPathPatterns("/", "/pages/**", "/api/**", "/admin/**").order(1);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || ANY_PAGE.equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))) {
            return true;
        }
        Set<String> takes = taken.computeIfAbsent(method, KnownParameters::takenBy);
        boolean page = !request.getRequestURI().startsWith("/api/") && !request.getRequestURI().startsWith("/admin/");
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (page && (LANGUAGE.equals(name) || sharedLinkTracking(name))) {
                continue;
            }
            if (!takes.contains(name)) {
                throw new UnknownParameter(name, request.getParameter(name), String.join(", ", takes));
            }
            // the first of two would be read and the second dropped: two organisations asked for, one answered
            if (parameter.getValue().length > 1) {
                throw new InvalidParameter(name, "is given " + parameter.getValue().length + " times: give it once");
            }
        }
        return true;
    }

    /** What newsletters and social media add to a link shared: a page keeps working for the reader who follows it. */
    private static boolean sharedLinkTracking(String name) {
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || name.equals("msclkid");
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
