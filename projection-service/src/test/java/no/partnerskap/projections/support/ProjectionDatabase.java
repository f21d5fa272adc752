package no.partnerskap.projections.support;

import no.partnerskap.localpostgres.DatabaseBootstrap;
import no.partnerskap.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database of its own for a projection-service test context: the event store created by
 * commitment-service's migrations (as commitment-service's role), the service connecting as
 * its read-only role, and an {@link EventStoreWriter} to append the events a test is given.
 */
public class ProjectionDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres.Database database = TestPostgres.newDatabase();
        Flyway.configure()
                .dataSource(database.as(database.commitmentUser(), database.commitmentPassword()))
                .locations("classpath:db/commitment-service")
                .schemas(DatabaseBootstrap.EVENT_STORE_SCHEMA)
                .defaultSchema(DatabaseBootstrap.EVENT_STORE_SCHEMA)
                .createSchemas(false)
                .placeholders(java.util.Map.of("projectionRole", DatabaseBootstrap.PROJECTION_ROLE))
                .load()
                .migrate();
        context.getBeanFactory().registerSingleton("testDatabase", database);
        context.getBeanFactory().registerSingleton("eventStoreWriter", new EventStoreWriter(
                database.as(database.commitmentUser(), database.commitmentPassword())));
        TestPropertyValues.of(
                "spring.datasource.url=" + database.jdbcUrl(),
                "spring.datasource.username=" + database.projectionUser(),
                "spring.datasource.password=" + database.projectionPassword()
        ).applyTo(context);
    }
}
