package no.partnerskap.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at a database of its own, connecting as the role the service
 * uses in production. Subclasses say which role.
 */
public abstract class PostgresContextInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres.Database database = TestPostgres.newDatabase();
        context.getBeanFactory().registerSingleton("testDatabase", database);
        TestPropertyValues.of(
                "spring.datasource.url=" + database.jdbcUrl(),
                "spring.datasource.username=" + user(database),
                "spring.datasource.password=" + password(database)
        ).applyTo(context);
    }

    protected abstract String user(TestPostgres.Database database);

    protected abstract String password(TestPostgres.Database database);

    /** commitment-service's own role: owner of the event store. */
    public static final class CommitmentService extends PostgresContextInitializer {
        protected String user(TestPostgres.Database d) {
            return d.commitmentUser();
        }

        protected String password(TestPostgres.Database d) {
            return d.commitmentPassword();
        }
    }
}
