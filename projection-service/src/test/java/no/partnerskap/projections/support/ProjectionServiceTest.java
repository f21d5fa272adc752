package no.partnerskap.projections.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import no.partnerskap.projections.ProjectionServiceApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * projection-service on a database of its own with an event store, tokens signed by the test
 * issuer ({@link TestTokens}) and a clock tests can set ({@link TestClock}). Each processor has
 * one segment, so that a test waiting for a processor's last event knows that processor has every
 * event before it; and a read-your-writes read waits up to 30 s, so that a stalled machine makes a
 * test slower rather than red.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ProjectionServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ProjectionServiceApplication.CONFIG_NAME,
                "axon.eventhandling.processors.organisations.initial-segment-count=1",
                "axon.eventhandling.processors.partnership-follow-up.initial-segment-count=1",
                "axon.eventhandling.processors.commitments.initial-segment-count=1",
                "partnerships.read-your-writes.max-wait=30s"})
@ContextConfiguration(initializers = ProjectionDatabase.class)
@Import({TestTokens.class, TestClock.class, ProcessorGate.class})
public @interface ProjectionServiceTest {
}
