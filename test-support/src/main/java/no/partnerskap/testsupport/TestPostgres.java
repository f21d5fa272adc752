package no.partnerskap.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import no.partnerskap.localpostgres.DatabaseBootstrap;
import no.partnerskap.localpostgres.LocalPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * One real PostgreSQL server per test JVM: a Testcontainers PostgreSQL 17 where a Docker
 * engine answers, the embedded server otherwise. Each caller gets a database of its own,
 * bootstrapped like production (service roles, schemas), so tests never see each other's data.
 */
public final class TestPostgres {

    public static final String COMMITMENT_PASSWORD = "commitment-test";
    public static final String PROJECTION_PASSWORD = "projection-test";

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final AtomicInteger databases = new AtomicInteger();
    private static Server server;

    /** Connection details of one freshly bootstrapped database. */
    public record Database(String name, String jdbcUrl, DataSource superuser) {

        public String commitmentUser() {
            return DatabaseBootstrap.COMMITMENT_ROLE;
        }

        public String commitmentPassword() {
            return COMMITMENT_PASSWORD;
        }

        public String projectionUser() {
            return DatabaseBootstrap.PROJECTION_ROLE;
        }

        public String projectionPassword() {
            return PROJECTION_PASSWORD;
        }

        public DataSource as(String user, String password) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(jdbcUrl);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        }
    }

    private interface Server {
        String jdbcUrl(String database);

        DataSource superuser(String database);
    }

    private TestPostgres() {
    }

    public static synchronized Database newDatabase() {
        if (server == null) {
            server = startServer();
        }
        String name = "partnerships_test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        DatabaseBootstrap.apply(server.superuser("postgres"), server::superuser, name,
                COMMITMENT_PASSWORD, PROJECTION_PASSWORD);
        return new Database(name, server.jdbcUrl(name), server.superuser(name));
    }

    private static Server startServer() {
        if (dockerAvailable()) {
            log.info("Test database: PostgreSQL 17 in a Testcontainers container");
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            return new Server() {
                public String jdbcUrl(String database) {
                    return "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/" + database;
                }

                public DataSource superuser(String database) {
                    PGSimpleDataSource ds = new PGSimpleDataSource();
                    ds.setUrl(jdbcUrl(database));
                    ds.setUser(container.getUsername());
                    ds.setPassword(container.getPassword());
                    return ds;
                }
            };
        }
        log.info("Test database: embedded PostgreSQL (no Docker engine reachable)");
        LocalPostgres embedded = LocalPostgres.startForTests();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterSpring(embedded), "test-postgres-stop"));
        return new Server() {
            public String jdbcUrl(String database) {
                return embedded.jdbcUrl(database);
            }

            public DataSource superuser(String database) {
                return embedded.superuser(database);
            }
        };
    }

    /**
     * Stops the server once Spring has closed the test contexts: stopped before, their event
     * processors would keep retrying against a closed server until the JVM is killed. Spring's own
     * hook exists only where a Spring application ran; the system tests start none.
     */
    private static void stopAfterSpring(LocalPostgres embedded) {
        Thread spring = springShutdownHook();
        if (spring != null) {
            try {
                spring.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        embedded.close();
    }

    /** Spring's shutdown hook thread, or null; the JVM starts every hook at once, so give it a moment to appear. */
    private static Thread springShutdownHook() {
        for (int i = 0; i < 20; i++) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("SpringApplicationShutdownHook")) {
                    return thread;
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static boolean dockerAvailable() {
        if ("embedded".equalsIgnoreCase(System.getenv("TEST_POSTGRES"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Runs SQL as the superuser: for tests that tamper with or inspect the store directly. */
    public static void execute(Database database, String sql) {
        try (Connection c = database.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
