package no.partnerskap.projections.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.OptionalDouble;
import no.partnerskap.projections.admin.ProjectionAdmin;
import no.partnerskap.projections.followup.FollowUpClock;
import no.partnerskap.projections.web.InvalidParameter;
import no.partnerskap.projections.web.UnknownParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

/**
 * What every page needs besides its own data: formats in the reader's language and the path
 * the language switch links back to. Unknown ids answer with an HTML 404 page, and filters the
 * page does not understand with an HTML 400 page, not the API's problem document.
 */
@ControllerAdvice(assignableTypes = PagesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PagesAdvice {

    private static final UrlPathHelper PATHS = new UrlPathHelper();
    private final Clock clock;
    private final ProjectionAdmin projections;

    PagesAdvice(Clock clock, ProjectionAdmin projections) {
        this.clock = clock;
        this.projections = projections;
    }

    @ModelAttribute("fmt")
    PageFormat format(Locale locale) {
        return new PageFormat(locale, clock.getZone(), FollowUpClock.today(clock));
    }

    /**
     * While a read model is rebuilt from the first event, its tables fill up from empty: every page
     * says so, with the least progress of those rebuilding, in whole percent; null when none is.
     */
    @ModelAttribute("rebuilding")
    Integer rebuilding() {
        OptionalDouble least = projections.rebuilding().stream().mapToDouble(ProjectionAdmin.Rebuild::progress).min();
        return least.isPresent() ? (int) Math.floor(least.getAsDouble() * 100) : null;
    }

    /** The page's own path without its query, for the {@code ?lang=} links. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return PATHS.getPathWithinApplication(request);
    }

    /**
     * The address the language links lead to: this page with its filters and page number, without its lang, so
     * that switching language keeps what is shown.
     */
    @ModelAttribute("languageBase")
    String languageBase(HttpServletRequest request) {
        return without(request, PagesWebConfiguration.PARAMETER);
    }

    @ExceptionHandler(PagesController.PageNotFound.class)
    ModelAndView notFound(HttpServletRequest request) {
        // exception handlers get no @ModelAttribute values: the page's header needs the path
        ModelAndView page = new ModelAndView("pages/not-found", HttpStatus.NOT_FOUND);
        page.addObject("currentPath", currentPath(request));
        return page;
    }

    /** An id in the path that is no id is nothing there; a filter or page number that is none is a bad request. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return e.getParameter().hasParameterAnnotation(PathVariable.class) ? notFound(request)
                : notUnderstood(new PagesController.NotUnderstood(e.getName(), String.valueOf(e.getValue())), request);
    }

    /**
     * A parameter the page does not take (a misspelt filter would otherwise show the whole list), or one given
     * twice (of which one would be dropped).
     */
    @ExceptionHandler(InvalidParameter.class)
    ModelAndView invalid(InvalidParameter e, HttpServletRequest request) {
        String[] values = request.getParameterValues(e.field());
        ModelAndView page = notUnderstood(new PagesController.NotUnderstood(e.field(),
                values == null ? "" : String.join(", ", values)), request);
        if (e instanceof UnknownParameter) {
            page.addObject("unknown", true);
            page.addObject("takes", ((UnknownParameter) e).takes());
        }
        return page;
    }

    @ExceptionHandler(PagesController.NotUnderstood.class)
    ModelAndView notUnderstood(PagesController.NotUnderstood e, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("pages/not-understood", HttpStatus.BAD_REQUEST);
        page.addObject("currentPath", currentPath(request));
        page.addObject("parameter", e.parameter);
        page.addObject("value", e.value);
        page.addObject("without", without(request, e.parameter));
        return page;
    }

    /** This page as asked for, without one of its parameters (an address has no parameter without a name). */
    private String without(HttpServletRequest request, String parameter) {
        UriComponentsBuilder page = UriComponentsBuilder.fromPath(currentPath(request));
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(parameter) && !name.isEmpty()) {
                page.queryParam(name, (Object[]) values);
            }
        });
        return page.encode().build().toUriString();
    }
}
