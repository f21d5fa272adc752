package no.partnerskap.commitments;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The write side: commands over HTTP, events into the PostgreSQL event store. */
@SpringBootApplication
@EnableScheduling
public class CommitmentServiceApplication {

    /** Its configuration file is commitment-service.yml, so it can share a classpath with projection-service. */
    public static final String CONFIG_NAME = "commitment-service";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        // Axon's anonymous usage reporting stays off, whatever the configuration says
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(CommitmentServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
