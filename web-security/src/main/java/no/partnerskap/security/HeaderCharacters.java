package no.partnerskap.security;

import java.util.function.Predicate;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its rule for header and parameter text, without its regular
 * expression: every character assigned in Unicode and none a control character (a tab is
 * allowed in header values). The regular expression ran once per header read and was the
 * costliest single step of a request, since a bearer token is a long header.
 */
public final class HeaderCharacters extends StrictHttpFirewall {

    /** Header names, parameter names and parameter values. */
    static final Predicate<String> NAME_OR_PARAMETER = s -> allowed(s, false);
    /** Header values: a tab is allowed too. */
    static final Predicate<String> HEADER_VALUE = s -> allowed(s, true);

    /** Strict firewall, as by default, with these predicates in place of its patterns. */
    HeaderCharacters() {
        setAllowedHeaderNames(NAME_OR_PARAMETER);
        setAllowedHeaderValues(HEADER_VALUE);
        setAllowedParameterNames(NAME_OR_PARAMETER);
        setAllowedParameterValues(NAME_OR_PARAMETER);
    }

    static boolean allowed(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            if (!Character.isDefined(c) || Character.isISOControl(c) && !(tabAllowed && c == '\t')) {
                return false;
            }
        }
        return true;
    }
}
