package no.partnerskap.commitments.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses (406) a write whose caller accepts no JSON before the command runs. Spring would find out only
 * when writing the answer, after the command's events were stored: the caller would be told it failed,
 * retry, and write twice, and a created resource's id would be lost.
 */
@Component
class AnswersInJson implements HandlerInterceptor, WebMvcConfigurer {

    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON);

    /** As Spring negotiates the answer: by the Accept header alone. */
    private final HeaderContentNegotiationStrategy negotiation = new HeaderContentNegotiationStrategy();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/admin/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!HttpMethod.POST.matches(request.getMethod())) {
            return true;
        }
        List<MediaType> accepted = negotiation.resolveMediaTypes(new ServletWebRequest(request));
        if (accepted.stream().noneMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
            throw new HttpMediaTypeNotAcceptableException(ANSWERS);
        }
        return true;
    }
}
