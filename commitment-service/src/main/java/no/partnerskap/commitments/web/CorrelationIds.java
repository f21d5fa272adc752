package no.partnerskap.commitments.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its correlation id, the client's {@code X-Correlation-Id} or one made here, and every
 * answer the header: first of all filters, so that a refusal before any controller (401, 403, 405, 406, 413)
 * carries it too, for the client to trace in its log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIds extends OncePerRequestFilter {

    static final String HEADER = "X-Correlation-Id";
    private static final String ATTRIBUTE = CorrelationIds.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // HTTP header values are read as ISO-8859-1: anything but printable ASCII would be stored garbled
        String id = Optional.ofNullable(request.getHeader(HEADER))
                .filter(given -> given.length() <= WriteContextResolver.MAX_KEY_LENGTH && !given.isBlank()
                        && WriteContextResolver.printableAscii(given))
                .orElseGet(() -> UUID.randomUUID().toString());
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        chain.doFilter(request, response);
    }

    /** The id of this request, which its events are recorded with. */
    static String of(HttpServletRequest request) {
        return (String) request.getAttribute(ATTRIBUTE);
    }
}
