package no.partnerskap.commitments.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * What {@code @Size} means on text here: characters, as the OpenAPI document's {@code maxLength} and PostgreSQL
 * count them, not UTF-16 units, in which an emoji counts twice and a title of 101 emoji broke a limit of 200.
 * Hibernate Validator's own counts on for lists; for a String this one is the more specific, so it is used.
 */
class CodePointSizeValidator implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        min = size.min();
        max = size.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int characters = value.codePointCount(0, value.length());
        return characters >= min && characters <= max;
    }
}
