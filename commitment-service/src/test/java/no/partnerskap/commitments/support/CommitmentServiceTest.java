package no.partnerskap.commitments.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import no.partnerskap.commitments.CommitmentServiceApplication;
import no.partnerskap.testsupport.PostgresContextInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** commitment-service on a real PostgreSQL database of its own, in local mode (dev tokens). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CommitmentServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommitmentServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = PostgresContextInitializer.CommitmentService.class)
@ActiveProfiles("local")
public @interface CommitmentServiceTest {
}
