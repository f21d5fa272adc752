package no.partnerskap.projections;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The read side: streams the event store into read models, dashboards and audit reads. */
@SpringBootApplication
// the checkpoint witness looks for new checkpoints now and then
@EnableScheduling
public class ProjectionServiceApplication {

    /** Its configuration file is projection-service.yml, so it can share a classpath with commitment-service. */
    public static final String CONFIG_NAME = "projection-service";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        // Axon's anonymous usage reporting stays off, whatever the configuration says
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(ProjectionServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
