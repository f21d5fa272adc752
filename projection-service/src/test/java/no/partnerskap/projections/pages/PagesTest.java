package no.partnerskap.projections.pages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import no.partnerskap.projections.support.ProjectionServiceTest;
import org.springframework.test.context.TestPropertySource;

/**
 * projection-service with the pages open to anyone, as local mode has them. The page tests
 * share this one configuration, and so one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ProjectionServiceTest
@TestPropertySource(properties = "partnerships.security.public-read=true")
@interface PagesTest {
}
