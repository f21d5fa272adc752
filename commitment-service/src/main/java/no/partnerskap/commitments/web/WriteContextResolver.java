package no.partnerskap.commitments.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import no.partnerskap.commitments.organisation.OrganisationRegistry;
import no.partnerskap.security.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Builds the {@link WriteContext} of a controller method from the token and the headers. */
@Component
class WriteContextResolver implements HandlerMethodArgumentResolver {

    static final int MAX_KEY_LENGTH = 255;

    private final OrganisationRegistry organisations;

    WriteContextResolver(OrganisationRegistry organisations) {
        this.organisations = organisations;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == WriteContext.class;
    }

    @Override
    public WriteContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                        WebDataBinderFactory binders) {
        Caller caller = Caller.current().orElseThrow(() ->
                new IllegalStateException("writes are authenticated by the security filter chain"));
        String key = request.getHeader("Idempotency-Key");
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH || !printableAscii(key))) {
            throw new BadHeader("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters of printable ASCII");
        }
        String correlationId = CorrelationIds.of(request.getNativeRequest(HttpServletRequest.class));
        Optional<UUID> organisation = caller.organisation().flatMap(this::organisationId);
        // a retry is the same request only by the same caller in the same capacity: a replay must not tell a
        // subject acting for another organisation, or with other roles, that what it may not do succeeded
        String fingerprint = RequestBodyCapture.fingerprint(
                (String) request.getAttribute(RequestBodyCapture.FINGERPRINT, NativeWebRequest.SCOPE_REQUEST),
                organisation.map(UUID::toString).orElse(""),
                caller.roles().stream().map(Enum::name).sorted().toList().toString());
        return new WriteContext(caller, organisation, expectedVersion(request.getHeader("If-Match")), key,
                correlationId, fingerprint);
    }

    static boolean printableAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private Optional<UUID> organisationId(String named) {
        try {
            return Optional.of(UUID.fromString(named));
        } catch (IllegalArgumentException notAnId) {
            return organisations.findByNumber(named);
        }
    }

    /** {@code If-Match: "3"} (or 3) names the version the client last saw; {@code *} any version; a weak tag none. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            throw NothingToMatch.weak(tag);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new BadHeader("If-Match", "must be an ETag this API gave out, such as \"3\"");
        }
    }
}
