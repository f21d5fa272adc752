package no.partnerskap.projections.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

/**
 * The pages speak English (the default) and Norwegian bokmål. Any other locale a browser or a
 * {@code ?lang=} asks for is brought to one of the two, so the {@code lang} attribute of a page
 * always matches the language of its text.
 */
final class PageLocales {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale BOKMAL = Locale.forLanguageTag("nb");

    /** Norwegian in any of its written forms reads the bokmål pages. */
    private static final Set<String> NORWEGIAN = Set.of("nb", "no", "nn");

    private PageLocales() {
    }

    /** One of the two supported locales for any locale, English when it is neither. */
    static Locale supported(Locale requested) {
        if (requested != null && NORWEGIAN.contains(requested.getLanguage())) {
            return BOKMAL;
        }
        return ENGLISH;
    }

    /**
     * The first language in the browser's Accept-Language, in order of preference, that the pages
     * speak; English when there is no header or none of its languages is spoken here.
     */
    static Locale fromAcceptLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return ENGLISH;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            String language = locale.getLanguage();
            if (NORWEGIAN.contains(language)) {
                return BOKMAL;
            }
            if ("en".equals(language)) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }
}
