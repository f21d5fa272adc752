package no.partnerskap.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The APIs take and give JSON only.
 * <ul>
 * <li>Spring adds a reader and writer for every Jackson format on the class path (YAML comes with the API
 * documentation), each with a mapper of its own: a YAML body skipped every check the JSON mapper makes
 * (control characters, fields given twice, enums by name) and was stored, and YAML answers wrote dates as
 * arrays. Other bodies are now 415, other answers 406.</li>
 * <li>A POST (a command, a checkpoint, a rebuild) whose caller takes no JSON answer is refused (406) before it
 * runs. Spring finds out only when writing the answer, after the change was made: the caller would be told
 * it failed, retry, and make it twice. Plain JSON ({@code application/json}, or a wildcard admitting it) in
 * UTF-8 (or no charset named), and not one the caller marks {@code q=0}; a write's answer is then always
 * that JSON, whatever else the header lists.</li>
 * </ul>
 */
@Configuration
class JsonOnly implements WebMvcConfigurer, HandlerInterceptor {

    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON);

    /** As Spring negotiates the answer: by the Accept header alone. */
    private final HeaderContentNegotiationStrategy negotiation = new HeaderContentNegotiationStrategy();

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter instanceof AbstractJackson2HttpMessageConverter
                && !(converter instanceof MappingJackson2HttpMessageConverter));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/admin/**");
    }

    /** The answers are written in UTF-8: a type naming another charset admits none of them. */
    private static boolean inUtf8(MediaType type) {
        return type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!HttpMethod.POST.matches(request.getMethod())) {
            return true;
        }
        List<MediaType> accepted = negotiation.resolveMediaTypes(new ServletWebRequest(request));
        if (accepted.stream().noneMatch(type -> type.getQualityValue() > 0
                && MediaType.APPLICATION_JSON.isCompatibleWith(type) && inUtf8(type))) {
            throw new HttpMediaTypeNotAcceptableException(ANSWERS);
        }
        return true;
    }
}
