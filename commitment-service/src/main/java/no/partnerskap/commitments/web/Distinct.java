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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A list that names each thing once: a goal a commitment serves, a meeting's attendee, a goal's
 * indicator value, a dissenter. Twice would be either a slip or two contradicting entries (an
 * attendee at two levels, two values for one goal), and the events would carry it for good.
 * Entries that are {@link Keyed} are the same thing when their keys are equal; others when they are.
 */
@Documented
@Constraint(validatedBy = Distinct.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Distinct {

    String message() default "lists {repeated} more than once";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** An entry that stands for one thing, whatever else it says about it. */
    interface Keyed {
        Object key();
    }

    class Validator implements ConstraintValidator<Distinct, List<?>> {

        @Override
        public boolean isValid(List<?> entries, ConstraintValidatorContext context) {
            if (entries == null) {
                return true;
            }
            Set<Object> seen = new HashSet<>();
            for (Object entry : entries) {
                Object key = entry instanceof Keyed keyed ? keyed.key() : entry;
                if (key != null && !seen.add(key)) {
                    context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("repeated", key);
                    return false;
                }
            }
            return true;
        }
    }
}
