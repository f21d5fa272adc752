package no.partnerskap.commitments.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import no.partnerskap.api.common.VisibleText;

/**
 * What {@code @NotBlank} means on every request body here: at least one visible character, not just
 * one that {@link String#isBlank()} does not know (see {@link VisibleText}). Put in the place of
 * Hibernate Validator's own by {@link WebConfiguration}, so no field can be left with the weaker check.
 */
class VisibleTextValidator implements ConstraintValidator<NotBlank, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return !VisibleText.isBlank(value);
    }
}
