package no.partnerskap.projections.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A read always answers with its whole body: its {@code ETag} is the aggregate's version (for {@code If-Match} on
 * the write side and {@code minVersion} here), while the body also holds what other aggregates and today's date
 * make of it (a new commitment in a dashboard, a signal turned overdue overnight) and, for some callers only, who
 * recorded a report. Answered {@code 304 Not Modified} on that version, a client kept stale figures.
 */
@Component
class NoConditionalReads extends OncePerRequestFilter {

    private static final Set<String> CONDITIONS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        CONDITIONS.addAll(Set.of(HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return CONDITIONS.contains(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return CONDITIONS.contains(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public long getDateHeader(String name) {
                return CONDITIONS.contains(name) ? -1 : super.getDateHeader(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(name -> !CONDITIONS.contains(name)).toList());
            }
        }, response);
    }
}
