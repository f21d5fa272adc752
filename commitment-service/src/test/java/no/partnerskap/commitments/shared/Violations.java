package no.partnerskap.commitments.shared;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matcher for the refusals the aggregates throw: the exact exception type and the rule's name. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<Throwable> violates(Class<? extends RuleViolation> type, String rule) {
        return new TypeSafeMatcher<>(Throwable.class) {
            @Override
            protected boolean matchesSafely(Throwable actual) {
                return actual.getClass() == type && rule.equals(((RuleViolation) actual).rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " of rule '" + rule + "'");
            }

            @Override
            protected void describeMismatchSafely(Throwable actual, Description mismatch) {
                mismatch.appendText("was " + actual.getClass().getName());
                if (actual instanceof RuleViolation violation) {
                    mismatch.appendText(" of rule '" + violation.rule() + "'");
                }
                mismatch.appendText(": " + actual.getMessage());
            }
        };
    }
}
