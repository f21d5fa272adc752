package no.partnerskap.commitments.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import no.partnerskap.api.organisation.OrganisationNumber;

/**
 * Nine digits, the first 8 or 9 and the last the mod-11 check digit of the others: a number that
 * fails is a typing slip, answered as invalid input (400) naming the field, like one of the wrong
 * length. (The Organisation aggregate holds the same rule.) Only nine-digit text is judged here.
 */
@Documented
@Constraint(validatedBy = ValidOrganisationNumber.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface ValidOrganisationNumber {

    String message() default "is not an organisation number: the first digit must be 8 or 9, and the ninth the "
            + "mod-11 check digit of the other eight";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidOrganisationNumber, String> {

        @Override
        public boolean isValid(String number, ConstraintValidatorContext context) {
            return number == null || !number.matches("\\d{9}") || OrganisationNumber.isValid(number);
        }
    }
}
