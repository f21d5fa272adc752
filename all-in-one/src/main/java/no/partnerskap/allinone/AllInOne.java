package no.partnerskap.allinone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import no.partnerskap.commitments.CommitmentServiceApplication;
import no.partnerskap.localpostgres.DatabaseBootstrap;
import no.partnerskap.localpostgres.LocalPostgres;
import no.partnerskap.localpostgres.PortInUse;
import no.partnerskap.projections.ProjectionServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local default: one process with an embedded PostgreSQL (data kept in a folder) and both
 * services in local mode, each in its own Spring context.
 */
public final class AllInOne implements AutoCloseable {

    /** Passwords of the service roles in local mode; the server listens on 127.0.0.1 only. */
    static final String COMMITMENT_PASSWORD = "local-commitment";
    static final String PROJECTION_PASSWORD = "local-projection";

    static final String USAGE = """
            Usage: java -jar all-in-one.jar [--data-dir=./data] [--commitment-port=8080] [--projection-port=8081] \
            [--db-port=15432]
            Starts an embedded PostgreSQL, its data in the data folder, and both services in local mode.""";

    record Options(Path dataDir, int commitmentPort, int projectionPort, int dbPort) {

        static Options parse(String... args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("unknown argument " + arg + "; use --name=value");
                }
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            Options options = new Options(Path.of(values.getOrDefault("data-dir", "./data")),
                    port(values, "commitment-port", 8080), port(values, "projection-port", 8081),
                    port(values, "db-port", 15432));
            values.keySet().removeAll(List.of("data-dir", "commitment-port", "projection-port", "db-port"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + values.keySet()
                        + "; known: --data-dir, --commitment-port, --projection-port, --db-port");
            }
            return options;
        }

        private static int port(Map<String, String> values, String name, int otherwise) {
            String value = values.get(name);
            try {
                int port = value == null ? otherwise : Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a port number (1-65535), not '" + value + "'");
            }
        }
    }

    private final LocalPostgres postgres;
    private final ConfigurableApplicationContext commitmentService;
    private final ConfigurableApplicationContext projectionService;
    private final Options options;

    private AllInOne(Options options, LocalPostgres postgres, ConfigurableApplicationContext commitmentService,
                     ConfigurableApplicationContext projectionService) {
        this.options = options;
        this.postgres = postgres;
        this.commitmentService = commitmentService;
        this.projectionService = projectionService;
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        AllInOne system;
        try {
            // before the database starts: a service port in use would fail the start halfway, with a stack trace
            PortInUse.requireFree(options.commitmentPort(), "--commitment-port");
            PortInUse.requireFree(options.projectionPort(), "--projection-port");
            system = start(options);
        } catch (LocalPostgres.DataFolderInUse | PortInUse | LocalPostgres.NotStarted e) {
            // said to whoever started it, not buried in a stack trace
            System.err.println("Not started: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping...");
            system.close();
            stopped.countDown();
        }, "all-in-one-shutdown"));
        // killed (out of memory, say), the database is not started again and every request would fail: stop, so that
        // whatever supervises the process starts it again, and the start recovers the database
        system.postgres.whenStoppedUnexpectedly(() -> {
            System.err.println("Stopping: the database in " + options.dataDir().resolve("postgres")
                    + " has stopped unexpectedly. Start again: the database recovers on start.");
            System.exit(1);
        });
        system.printWelcome();
        stopped.await();
    }

    static AllInOne start(Options options) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        LocalPostgres postgres = LocalPostgres.startDurable(options.dataDir().resolve("postgres"), options.dbPort());
        try {
            DatabaseBootstrap.apply(postgres.superuser("postgres"), postgres::superuser, DatabaseBootstrap.DATABASE,
                    COMMITMENT_PASSWORD, PROJECTION_PASSWORD);
            String jdbcUrl = postgres.jdbcUrl(DatabaseBootstrap.DATABASE);
            // health watches the disk the database writes to, not the one the process was started from
            String disk = "--management.health.diskspace.path=" + options.dataDir().toAbsolutePath().normalize();
            ConfigurableApplicationContext commitments = service(CommitmentServiceApplication.class,
                    CommitmentServiceApplication.CONFIG_NAME,
                    "--server.port=" + options.commitmentPort(),
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + DatabaseBootstrap.COMMITMENT_ROLE,
                    "--spring.datasource.password=" + COMMITMENT_PASSWORD,
                    "--partnerships.dev-issuer.key-file=" + options.dataDir().resolve("dev-issuer-key.json"),
                    "--partnerships.audit.signing-key-file=" + options.dataDir().resolve("checkpoint-signing-key.pem"),
                    disk);
            ConfigurableApplicationContext projections = service(ProjectionServiceApplication.class,
                    ProjectionServiceApplication.CONFIG_NAME,
                    "--server.port=" + options.projectionPort(),
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + DatabaseBootstrap.PROJECTION_ROLE,
                    "--spring.datasource.password=" + PROJECTION_PASSWORD,
                    "--partnerships.commitment-service-url=http://127.0.0.1:" + options.commitmentPort(), disk);
            return new AllInOne(options, postgres, commitments, projections);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    private static ConfigurableApplicationContext service(Class<?> application, String configName, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.profiles.active=local");
        // one logging system serves both contexts: the first one's name would label every line
        all.add("--logging.include-application-name=false");
        return new SpringApplicationBuilder(application)
                .properties("spring.config.name=" + configName)
                // one hook for the whole process closes both services before the database
                .registerShutdownHook(false)
                .run(all.toArray(String[]::new));
    }

    List<ConfigurableApplicationContext> services() {
        return List.of(commitmentService, projectionService);
    }

    int commitmentPort() {
        return options.commitmentPort();
    }

    int projectionPort() {
        return options.projectionPort();
    }

    void printWelcome() {
        String commitments = "http://localhost:" + options.commitmentPort();
        String projections = "http://localhost:" + options.projectionPort();
        System.out.println("""

                Partnership commitment tracker is running (local mode).

                  commitment-service (write side):  %1$s     API docs: %1$s/swagger-ui.html
                  projection-service (read side):   %2$s     API docs: %2$s/swagger-ui.html
                  dashboard:                         %2$s/
                  PostgreSQL:                        %3$s  (data in %4$s)
                                                     psql -h 127.0.0.1 -p %5$d -U postgres %6$s

                Get a token for the secretariat:
                  TOKEN=$(curl -s -X POST %1$s/dev/token -H 'Content-Type: application/json' \\
                    -d '{"subject":"me@example.no","roles":["SECRETARIAT"]}' | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')

                Stop with Ctrl-C.
                """.formatted(commitments, projections, postgres.jdbcUrl(DatabaseBootstrap.DATABASE),
                options.dataDir().toAbsolutePath().normalize(), postgres.port(), DatabaseBootstrap.DATABASE));
    }

    @Override
    public void close() {
        try {
            projectionService.close();
            commitmentService.close();
        } finally {
            postgres.close();
        }
    }
}
