package no.partnerskap.projections.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A query parameter given empty ({@code ?status=}) is one not given, as it already was for an id, a number
 * or a yes/no: a form's "any" option sends it so, and {@code ?status=} was refused where {@code ?organisationId=}
 * listed everything.
 */
@ControllerAdvice
class EmptyMeansNone {

    @InitBinder
    void emptyTextIsNone(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : text);
            }
        });
    }
}
