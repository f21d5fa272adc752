package no.partnerskap.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 400 (refused by the firewall), 401 and 403 as RFC 9457 problem documents, like every other error of the API,
 * written before any controller is reached (so Spring's problem handling, which names the path in
 * {@code instance}, does not).
 */
public final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            write(request, response, 401, "Unauthorized",
                    "A valid bearer token from a trusted issuer is required.");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(request, response, 403, "Forbidden",
                "Your roles do not allow this.");
    }

    static RequestRejectedHandler rejected() {
        return (request, response, exception) -> write(request, response, 400, "Bad request",
                "The request's path or headers hold something the firewall refuses, such as an empty path "
                        + "segment (//), a path traversal (..), a semicolon or an encoded slash.");
    }

    /** Writes a problem document naming the request's path as {@code instance}, in UTF-8. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                             String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        JSON.writeValue(response.getWriter(), problem);
    }
}
