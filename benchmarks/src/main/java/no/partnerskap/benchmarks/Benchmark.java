package no.partnerskap.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import no.partnerskap.localpostgres.DatabaseBootstrap;
import no.partnerskap.localpostgres.LocalPostgres;
import org.HdrHistogram.Histogram;

/**
 * The performance benchmark. Starts a fresh embedded PostgreSQL (fsync on) and both services as
 * processes from their executable jars, drives partner organisations' commands over HTTP with real
 * tokens, and measures each figure next to a raw-PostgreSQL baseline taken in the same run.
 * See the README's "Performance" section; run with {@code ./benchmark.sh [--large]}.
 */
public final class Benchmark {

    private static final String DB = DatabaseBootstrap.DATABASE;
    private static final String C_PASSWORD = "benchmark-commitment";
    private static final String P_PASSWORD = "benchmark-projection";
    private static final List<String> PROCESSORS = List.of("organisations", "partnership-follow-up", "commitments");
    private static final int ORGANISATIONS = 48;
    private static final int PARTNERSHIPS = 6;

    // options
    private int concurrency = 16;
    private int durationSeconds = 25;
    private int warmupSeconds = 90;
    private int lagSeconds = 15;
    private static final int LAG_REHEARSAL_SECONDS = 10;
    private static final int READ_WARMUP_SECONDS = 20;
    private boolean large;
    /** --statements: PostgreSQL with pg_stat_statements, and what each statement cost in the load phase. */
    private boolean statements;
    /**
     * --large: how many open commitments each partner keeps while the store grows. Its new commitments
     * and outcomes then balance, so that each measure spreads its reports over as many commitments as
     * the other, and finds as many of them in the aggregate cache; null elsewhere, where the open ones grow.
     */
    private volatile Map<String, Integer> steadyOpen;
    /** Set when a warm-up could not put the JIT compilers ahead, so that the results say so. */
    private boolean compilersNotAhead;
    private long largeEvents = 10_000_000L;
    /** PostgreSQL server settings to compare, e.g. wal_compression=on. */
    private final Map<String, String> postgresSettings = new TreeMap<>();
    /** JVM options for both services, e.g. a collector or heap setting to compare. */
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> commitmentArgs = new ArrayList<>();
    private final List<String> projectionArgs = new ArrayList<>();
    private Path results = Path.of("benchmark-results", "latest.md");

    // state
    private LocalPostgres postgres;
    private DataSource superuser;
    private Service commitment;
    private Service projection;
    private Http write;
    private Http read;
    private String secretariat;
    private final List<Org> organisations = new ArrayList<>();
    private final List<String[]> table = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final long started = System.nanoTime();
    private String command = "./benchmark.sh";

    /** A partner organisation, its partnership, its token and its open commitments (owned by one worker). */
    record Org(String id, String partnershipId, String token, List<String> open) {
    }

    /** What one command wrote: the commitment and the answer. */
    record Write(String commitmentId, Http.Response response) {
    }

    /** A load phase's outcome. */
    record Run(long ok, long errors, long nanos, Histogram latency, Map<Integer, Long> statuses) {

        double perSecond() {
            return Stats.perSecond(ok, nanos);
        }
    }

    public static void main(String[] args) throws Exception {
        Benchmark benchmark = new Benchmark();
        benchmark.parse(args);
        benchmark.run();
        System.exit(0);
    }

    private void parse(String[] args) {
        // the results say how the run was started, every option included (a collector, a setting tried)
        List<String> words = new ArrayList<>(List.of("./benchmark.sh"));
        words.addAll(List.of(args));
        command = String.join(" ", words);
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.equals("--large")) {
                large = true;
            } else if (arg.equals("--statements")) {
                statements = true;
            } else if (arg.startsWith("--large-events=")) {
                large = true;
                largeEvents = Long.parseLong(value.replace("_", ""));
            } else if (arg.startsWith("--concurrency=")) {
                concurrency = Integer.parseInt(value);
            } else if (arg.startsWith("--duration=")) {
                durationSeconds = Integer.parseInt(value);
            } else if (arg.startsWith("--warmup=")) {
                warmupSeconds = Integer.parseInt(value);
            } else if (arg.startsWith("--lag-duration=")) {
                lagSeconds = Integer.parseInt(value);
            } else if (arg.startsWith("--postgres-setting=")) {
                String[] setting = value.split("=", 2);
                postgresSettings.put(setting[0], setting[1]);
            } else if (arg.startsWith("--jvm-option=")) {
                jvmOptions.add(value);
            } else if (arg.startsWith("--commitment-arg=")) {
                commitmentArgs.add(value);
            } else if (arg.startsWith("--projection-arg=")) {
                projectionArgs.add(value);
            } else if (arg.startsWith("--results=")) {
                results = Path.of(value);
            } else {
                throw new IllegalArgumentException("""
                        unknown option %s; options: --large, --large-events=N, --concurrency=N (16),
                        --duration=S (25), --warmup=S (90), --lag-duration=S (15), --jvm-option=-XX:... (both services),
                        --postgres-setting=name=value,
                        --commitment-arg=--prop=value,
                        --projection-arg=--prop=value, --statements, --results=FILE (benchmark-results/latest.md)""".formatted(arg));
            }
        }
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("partnerships-benchmark");
        log("work folder %s", work);
        Path commitmentJar = execJar("commitment-service");
        Path projectionJar = execJar("projection-service");
        // this run's logs only (the load generator's own GC log, opened by benchmark.sh, stays)
        try (var old = Files.list(Files.createDirectories(logs()))) {
            old.filter(f -> !f.getFileName().toString().startsWith("benchmark-gc")).forEach(f -> f.toFile().delete());
        }
        Map<String, String> serverConfig = new TreeMap<>(postgresSettings);
        if (statements) {
            serverConfig.putAll(StatementCosts.SERVER_CONFIG);
        }
        postgres = LocalPostgres.startDurable(work.resolve("postgres"), 0, serverConfig);
        try {
            DatabaseBootstrap.apply(postgres.superuser("postgres"), postgres::superuser, DB, C_PASSWORD, P_PASSWORD);
            superuser = postgres.superuser(DB);
            if (statements) {
                asSuperuser(StatementCosts.CREATE_EXTENSION);
            }
            List<String> cArgs = new ArrayList<>(List.of("--spring.profiles.active=local",
                    "--spring.datasource.url=" + postgres.jdbcUrl(DB),
                    "--spring.datasource.username=" + DatabaseBootstrap.COMMITMENT_ROLE,
                    "--spring.datasource.password=" + C_PASSWORD,
                    // tokens stay valid when commitment-service is restarted for the aggregate-load phase
                    "--partnerships.dev-issuer.key-file=" + work.resolve("dev-issuer-key.json")));
            cArgs.addAll(commitmentArgs);
            commitment = new Service("commitment-service", commitmentJar, jvmOptions, cArgs, logs());
            log("starting commitment-service on port %d", commitment.port);
            commitment.start();
            List<String> pArgs = new ArrayList<>(List.of("--spring.profiles.active=local",
                    "--spring.datasource.url=" + postgres.jdbcUrl(DB),
                    "--spring.datasource.username=" + DatabaseBootstrap.PROJECTION_ROLE,
                    "--spring.datasource.password=" + P_PASSWORD,
                    "--partnerships.commitment-service-url=http://127.0.0.1:" + commitment.port));
            pArgs.addAll(projectionArgs);
            projection = new Service("projection-service", projectionJar, jvmOptions, pArgs, logs());
            log("starting projection-service on port %d", projection.port);
            projection.start();
            write = new Http(commitment.port);
            read = new Http(projection.port);

            setUp();
            Run max = throughput();
            // the lag phase follows the load phase directly, as production load would: baseline (a)'s
            // burst of rows and the full-page writes after its checkpoint would otherwise land in it
            lag(max);
            baselineA(max);
            aggregateLoad();
            replay();
            memory();
            if (large) {
                largeStore();
            }
        } finally {
            try {
                writeResults();
            } finally {
                for (Service s : new Service[] {projection, commitment}) {
                    if (s != null) {
                        s.close();
                    }
                }
                postgres.close();
                deleteQuietly(work);
            }
        }
    }

    // ------------------------------------------------------------------ the world

    private void setUp() {
        log("setting up %d partner organisations in %d partnerships", ORGANISATIONS, PARTNERSHIPS);
        secretariat = write.token("sekretariat@benchmark", null, "SECRETARIAT");
        List<String> partnerships = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            String org = write.post("/api/organisations", secretariat, Map.of("name", "Partner " + i,
                    "organisationNumber", organisationNumber(), "sector", i % 3 == 0 ? "PUBLIC_MUNICIPAL" : "BUSINESS"))
                    .ok().text("id");
            String partnership;
            if (i < PARTNERSHIPS) {
                partnership = write.post("/api/partnerships", secretariat, Map.of("name", "Partnerskap " + i,
                        "kind", "STRATEGIC", "mandate", "Samordne innsatsen for grønn omstilling i regionen",
                        "purpose", "Flere grønne arbeidsplasser",
                        "period", Map.of("from", "2025-01-01", "to", "2031-12-31"),
                        "convenorOrganisationId", org)).ok().text("id");
                partnerships.add(partnership);
            } else {
                partnership = partnerships.get(i % PARTNERSHIPS);
                write.post("/api/partnerships/" + partnership + "/members", secretariat, Map.of("organisationId", org,
                        "role", "PARTNER", "representation", i % 2 == 0 ? "LEADERSHIP" : "MANAGEMENT")).ok();
            }
            String token = write.token("partner" + i + "@benchmark", org, "PARTNER");
            organisations.add(new Org(org, partnership, token, new ArrayList<>()));
        }
        Random random = new Random(1);
        for (Org org : organisations) {
            for (int c = 0; c < 3; c++) {
                record(org, random);
            }
        }
    }

    private static String organisationNumber() {
        int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
        while (true) {
            String base = Integer.toString(ThreadLocalRandom.current().nextInt(80_000_000, 99_999_999));
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (base.charAt(i) - '0') * weights[i];
            }
            int check = (11 - sum % 11) % 11;
            if (check < 10) {
                return base + check;
            }
        }
    }

    /** Oslo's today, as the services count days: a report is dated neither before its commitment nor later. */
    private static String today() {
        return LocalDate.now(ZoneId.of("Europe/Oslo")).toString();
    }

    private Write record(Org org, Random random) {
        Http.Response r = write.post("/api/partnerships/" + org.partnershipId() + "/commitments", org.token(), Map.of(
                "organisationId", org.id(), "title", "Tiltak " + random.nextInt(100_000),
                "description", "Vi finansierer og driver en pilot for utslippsfri ferje i samarbeid med kommunene",
                "resources", List.of(Map.of("kind", "FUNDING", "amount", 250_000 + random.nextInt(750_000),
                        "unit", "NOK")),
                "dueDate", "2030-06-30"));
        String id = r.status() / 100 == 2 ? r.text("id") : null;
        if (id != null) {
            org.open().add(id);
        }
        return new Write(id, r);
    }

    private Write progress(Org org, String commitmentId, Random random) {
        return new Write(commitmentId, write.post("/api/commitments/" + commitmentId + "/progress-reports",
                org.token(), Map.of("percentComplete", random.nextInt(101),
                        "narrative", "Anbudet er lyst ut og tre tilbydere er kvalifisert; neste steg er kontrakt",
                        "evidence", List.of("https://example.no/anbud/" + random.nextInt(10_000)),
                        "asOf", today())));
    }

    /**
     * One partner's next action: mostly progress reports (85 %), sometimes a new commitment (10 %), sometimes
     * an outcome (5 %); with {@link #steadyOpen}, a new commitment or an outcome (15 %), whichever keeps the
     * partner's open commitments at their number.
     */
    private Write command(Org org, Random random) {
        double x = random.nextDouble();
        Map<String, Integer> steady = steadyOpen;
        boolean opens = steady == null ? x < 0.10 : x < 0.15 && org.open().size() < steady.get(org.id());
        if (org.open().isEmpty() || opens) {
            return record(org, random);
        }
        String commitmentId = org.open().get(random.nextInt(org.open().size()));
        if (steady == null ? x < 0.95 : x >= 0.15) {
            return progress(org, commitmentId, random);
        }
        org.open().remove(commitmentId);
        return new Write(commitmentId, write.post("/api/commitments/" + commitmentId + "/outcome", org.token(),
                Map.of("result", x < 0.98 ? "FULFILLED" : "PARTIALLY_FULFILLED",
                        "narrative", "Piloten er gjennomført og evaluert",
                        "resourcesDelivered", List.of(Map.of("kind", "FUNDING", "amount", 300_000, "unit", "NOK")),
                        "asOf", today())));
    }

    /** Each worker acts for its own organisations, as each partner acts from its own client. */
    private List<List<Org>> byWorker() {
        List<List<Org>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(new ArrayList<>());
        }
        for (int i = 0; i < organisations.size(); i++) {
            workers.get(i % concurrency).add(organisations.get(i));
        }
        workers.removeIf(List::isEmpty);
        return workers;
    }

    // ------------------------------------------------------------------ commands/s and latency

    private Run throughput() throws Exception {
        warmUp();
        log("measuring commands/s: %d s at concurrency %d", durationSeconds, concurrency);
        if (statements) {
            asSuperuser(StatementCosts.RESET);
        }
        CpuReading before = cpuReading();
        CacheLookups cacheBefore = cacheLookups();
        Run run = closedLoop(durationSeconds);
        CpuUsed used = cpuUsedSince(before);
        noteCacheSince(cacheBefore, "Aggregate cache in the load phase: ");
        if (statements) {
            statementsPerCommand(run.ok(), "in the load phase");
        }
        String compiling = used.compiling();
        StringBuilder split = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> e : used.byProcess().entrySet()) {
            double ms = msPer(e.getValue(), run.ok());
            total += ms;
            split.append(split.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(Stats.f2(ms));
            if (e.getKey().equals("PostgreSQL")) {
                split.append(" (").append(perCommand(used.postgres(), run.ok())).append(')');
            }
        }
        notes.add(String.format(Locale.ROOT, "CPU time per acknowledged command in the load phase (ms): %s; %s ms in "
                + "all, against %s ms of CPU available per command on %d cores. Of that, the services' JIT "
                + "compiler threads used: %s.", split, Stats.f2(total),
                Stats.f2(Runtime.getRuntime().availableProcessors() * run.nanos() / 1e6 / Math.max(1, run.ok())),
                Runtime.getRuntime().availableProcessors(), compiling));
        log("  CPU per command (ms): %s", split);
        log("  JIT compilers: %s", compiling);
        log("  %d WAL segments still ready", walSegmentsAhead());
        log("  %.0f commands/s, p50 %.1f ms, p99 %.1f ms, %d errors %s", run.perSecond(),
                Stats.ms(run.latency(), 50), Stats.ms(run.latency(), 99), run.errors(), run.statuses());
        return run;
    }

    /**
     * A freshly initialised PostgreSQL has no WAL segment to reuse: each time one fills (16 MB, every
     * 8-15 s under this load), the committing backend creates the next one, zero-filled and fsynced,
     * holding the WAL write lock, and every commit waits for it (~100 ms here). A database that has
     * been running recycles segments at each checkpoint; one checkpoint brings this one to that state.
     */
    private void recycleWal(String when) throws SQLException {
        asSuperuser("checkpoint");
        log("  checkpoint %s: %d WAL segments ready for reuse", when, walSegmentsAhead());
    }

    /**
     * The load phase appended some hundred thousand events at full speed. Autovacuum, which looks at each
     * database once a minute, would vacuum and analyze them in whatever phase comes next: about half a second
     * of a core at once (event table, commitment_view, commitment_entry), which a 15-s phase at half rate
     * weighs as if it came every 15 s. At that rate in production it comes every few minutes, for the rows
     * written since the last time; the load phase's debt is paid here instead.
     */
    private double vacuum(String when) throws SQLException {
        long start = System.nanoTime();
        asSuperuser("vacuum (analyze)");
        double seconds = (System.nanoTime() - start) / 1e9;
        log("  vacuum and analyze %s: %.1f s", when, seconds);
        return seconds;
    }

    /** WAL segment files beyond the one being written: while there is one, no commit waits for a new file. */
    private long walSegmentsAhead() throws SQLException {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     select count(*) from pg_ls_waldir()
                     where name ~ '^[0-9A-F]{24}$' and name > pg_walfile_name(pg_current_wal_lsn())""")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** CPU time used so far by each process on the machine that takes part, in nanoseconds. */
    private Map<String, Long> cpu() {
        return cpu(postgresCpu());
    }

    private Map<String, Long> cpu(Optional<Map<String, Long>> postgresByRole) {
        Map<String, Long> m = new LinkedHashMap<>();
        CpuTime.of(commitment.jvmPid()).ifPresent(t -> m.put(commitment.name, t));
        CpuTime.of(projection.jvmPid()).ifPresent(t -> m.put(projection.name, t));
        postgresByRole.ifPresent(byRole -> m.put("PostgreSQL", byRole.values().stream().mapToLong(Long::longValue).sum()));
        m.put("load generator", CpuTime.ofThisProcess());
        return m;
    }

    /** PostgreSQL's CPU by whom it worked for: each service's connections, and the rest. */
    private Optional<Map<String, Long>> postgresCpu() {
        return CpuTime.ofPostgres(postgres.dataDirectory(),
                Set.of(DatabaseBootstrap.COMMITMENT_ROLE, DatabaseBootstrap.PROJECTION_ROLE)).map(byRole -> {
                    Map<String, Long> named = new LinkedHashMap<>();
                    byRole.forEach((role, nanos) -> named.put(switch (role) {
                        case DatabaseBootstrap.COMMITMENT_ROLE -> "for " + commitment.name;
                        case DatabaseBootstrap.PROJECTION_ROLE -> "for " + projection.name;
                        default -> "the rest";
                    }, nanos));
                    return named;
                });
    }

    /** The closed loop before a measure, not counted, with the JIT compilers ahead; then a checkpoint. */
    private void warmUp() throws Exception {
        log("warm-up: %d s at concurrency %d, the services' JIT compilers ahead of their other threads",
                warmupSeconds, concurrency);
        compilersAhead(() -> closedLoop(warmupSeconds));
        recycleWal("after the warm-up");
    }

    /**
     * Runs a warm-up with the services' JIT compiler threads ahead of their other threads (nice -10,
     * set again every 5 s for any compiler thread started since). At normal priority, on two cores
     * under full load, a compiler thread gets about the share of any one of the dozens of request and
     * database threads: after 90 s commitment-service still gave 13-29 % of its CPU in the measure to
     * its compilers and ran commands in the slower code the JIT profiles with, where 420 s gave what
     * 90 s give this way. Measures run at normal priority, as production does.
     */
    private <T> T compilersAhead(Callable<T> warmUp) throws Exception {
        try (CompilersAhead ahead = new CompilersAhead()) {
            return warmUp.call();
        }
    }

    /** The services' JIT compilers at nice -10 from its creation until it is closed, then at 0 again. */
    private final class CompilersAhead implements AutoCloseable {

        private final ScheduledExecutorService renice = Executors.newSingleThreadScheduledExecutor();
        private final AtomicBoolean ahead = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();

        CompilersAhead() {
            renice.scheduleWithFixedDelay(() -> {
                if (reniceCompilers(-10)) {
                    ahead.set(true);
                }
            }, 0, 5, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            if (closed.getAndSet(true)) {
                return;
            }
            renice.shutdownNow();
            renice.awaitTermination(10, TimeUnit.SECONDS);
            reniceCompilers(0);
            if (!ahead.get() && !compilersNotAhead) {
                log("  could not raise the JIT compilers' priority (renice needs the right to); warming up at normal "
                        + "priority");
                compilersNotAhead = true;
            }
        }
    }

    private boolean reniceCompilers(int nice) {
        boolean all = true;
        for (Service service : List.of(commitment, projection)) {
            if (service.isRunning()) {
                all &= CompilerThreads.renice(service.jvmPid(), nice);
            }
        }
        return all;
    }

    /**
     * The CPU each process, PostgreSQL's by whom it worked for, and each service's JIT compilers had
     * used at one moment (ns).
     */
    private record CpuReading(Map<String, Long> byProcess, Map<String, Long> postgres, Map<String, Long> compilers) {
    }

    /**
     * The CPU each process used in a phase (s), PostgreSQL's by whom it worked for, and what compiling
     * took of each service's.
     */
    private record CpuUsed(Map<String, Double> byProcess, Map<String, Double> postgres, String compiling) {
    }

    private CpuReading cpuReading() {
        Optional<Map<String, Long>> postgresByRole = postgresCpu();
        return new CpuReading(cpu(postgresByRole), postgresByRole.orElse(Map.of()), compilers());
    }

    private CpuUsed cpuUsedSince(CpuReading before) {
        CpuReading now = cpuReading();
        Map<String, Double> used = cpuUsed(before.byProcess(), now.byProcess());
        return new CpuUsed(used, cpuUsed(before.postgres(), now.postgres()),
                compiling(cpuUsed(before.compilers(), now.compilers()), used));
    }

    /** CPU time of each running service's JIT compiler threads, in nanoseconds. */
    private Map<String, Long> compilers() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Service service : List.of(commitment, projection)) {
            CompilerThreads.cpu(service.jvmPid()).ifPresent(t -> m.put(service.name, t));
        }
        return m;
    }

    /**
     * What compiling took of each service's CPU in a phase, e.g. "commitment-service 2.0 of 15.8 s (13 %)":
     * a service still compiling is not yet at the speed it will run at for hours.
     */
    static String compiling(Map<String, Double> compilers, Map<String, Double> used) {
        StringBuilder text = new StringBuilder();
        compilers.forEach((service, seconds) -> {
            Double all = used.get(service);
            if (all != null && all > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f of its %.1f s (%.0f %%)",
                        service, seconds, all, 100 * seconds / all));
            }
        });
        return text.isEmpty() ? "(not measured)" : text.toString();
    }

    /** Runs statements one after the other on one superuser connection, in autocommit. */
    private void asSuperuser(String... statements) throws SQLException {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** commitment-service's aggregate cache counters so far. */
    private CacheLookups cacheLookups() {
        return CacheLookups.parse(write.get("/actuator/prometheus", null).ok().body());
    }

    /** Prints and notes what the aggregate cache held for the commands since {@code before}. */
    private void noteCacheSince(CacheLookups before, String notePrefix) {
        String cache = cacheLookups().since(before).describe();
        log("  aggregate cache: %s", cache);
        notes.add(notePrefix + cache + ".");
    }

    /** What each statement cost per acknowledged command in the load phase, the costliest first. */
    private void statementsPerCommand(long commands, String phase) throws SQLException {
        List<String> lines;
        try (Connection c = superuser.getConnection()) {
            lines = StatementCosts.perCommand(c, List.of(DatabaseBootstrap.COMMITMENT_ROLE,
                    DatabaseBootstrap.PROJECTION_ROLE), commands);
        }
        log("  statements %s, costliest first:%n    %s", phase, String.join("\n    ", lines));
        notes.add("Statements " + phase + " (--statements), costliest first, per acknowledged command:\n"
                + lines.stream().map(l -> "  - `" + l.replace("`", "'") + "`").collect(Collectors.joining("\n")));
    }

    /** Seconds of CPU in a phase as milliseconds per command or row, e.g. "for commitment-service 0.62, the rest 0.11". */
    static String perCommand(Map<String, Double> seconds, long commands) {
        return seconds.entrySet().stream()
                .map(e -> e.getKey() + ' ' + Stats.f2(msPer(e.getValue(), commands)))
                .collect(Collectors.joining(", "));
    }

    /** Seconds of CPU as milliseconds per command (or row). */
    private static double msPer(double seconds, long commands) {
        return seconds * 1e3 / Math.max(1, commands);
    }

    /** The CPU each process used between two readings of {@link #cpu()}, in seconds. */
    private static Map<String, Double> cpuUsed(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((process, nanos) -> {
            if (before.containsKey(process)) {
                used.put(process, (nanos - before.get(process)) / 1e9);
            }
        });
        return used;
    }

    private Run closedLoop(int seconds) throws Exception {
        List<List<Org>> workers = byWorker();
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        Histogram all = Stats.histogram();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<Histogram>> futures = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            List<Org> mine = workers.get(w);
            Random random = new Random(w * 7919L + System.nanoTime());
            futures.add(pool.submit(() -> {
                Histogram h = Stats.histogram();
                while (System.nanoTime() < end) {
                    Org org = mine.get(random.nextInt(mine.size()));
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = command(org, random).response().status();
                    } catch (RuntimeException e) {
                        status = -1;
                    }
                    long t = System.nanoTime() - t0;
                    if (status / 100 == 2) {
                        h.recordValue(Math.max(1, t / 1000));
                        ok.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                        statuses.merge(status, 1L, Long::sum);
                    }
                }
                return h;
            }));
        }
        for (Future<Histogram> f : futures) {
            all.add(f.get());
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Run(ok.get(), errors.get(), elapsed, all, statuses);
    }

    // ------------------------------------------------------------------ baseline (a): raw INSERT + COMMIT

    private record Sample(byte[] payload, byte[] metaData, String payloadType, String type, String timeStamp) {
    }

    private List<Sample> samples(String where, int limit) throws SQLException {
        List<Sample> samples = new ArrayList<>();
        try (Connection c = superuser.getConnection(); PreparedStatement p = c.prepareStatement(
                "select payload, meta_data, payload_type, type, time_stamp from event_store.domain_event_entry "
                        + where + " order by global_index desc limit " + limit)) {
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    samples.add(new Sample(r.getBytes(1), r.getBytes(2), r.getString(3), r.getString(4),
                            r.getString(5)));
                }
            }
        }
        return samples;
    }

    private void baselineA(Run service) throws Exception {
        double[] a = measureBaselineA();
        double base = a[0];
        // first in the table, though measured after the lag phase
        table.add(0, row("commands/s at concurrency " + concurrency + " (HTTP, mixed partner commands)",
                Stats.f(service.perSecond()), "cmd/s", Stats.f(base) + " rows/s (a)", Stats.ratio(service.perSecond(), base),
                "≥ 0.50× (a)", service.perSecond() >= 0.5 * base));
        table.add(1, row("command latency p50 / p95 / p99 at max rate", String.format(Locale.ROOT, "%s / %s / %s",
                        Stats.f(Stats.ms(service.latency(), 50)), Stats.f(Stats.ms(service.latency(), 95)),
                        Stats.f(Stats.ms(service.latency(), 99))), "ms",
                String.format(Locale.ROOT, "%s / %s / %s (a)", Stats.f(a[1]), Stats.f(a[2]), Stats.f(a[3])),
                Stats.ratio(Stats.ms(service.latency(), 99), a[3]) + " (p99)", "", null));
        notes.add(String.format(Locale.ROOT, "Load phase: %d commands acknowledged in %.1f s, %d failed %s; mix: "
                        + "~85 %% progress reports, ~10 %% new commitments, ~5 %% outcomes, %d organisations in %d "
                        + "partnerships, each worker acting for its own organisations.", service.ok(),
                service.nanos() / 1e9, service.errors(), service.statuses(), ORGANISATIONS, PARTNERSHIPS));
    }

    /** {rows/s, p50 ms, p95 ms, p99 ms} of raw single-row INSERT + COMMIT into a copy of the event table. */
    private double[] measureBaselineA() throws Exception {
        List<Sample> samples = samples("", 2000);
        long copied;
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists bench cascade");
            s.execute("create schema bench");
            s.execute("create table bench.event_copy (like event_store.domain_event_entry including defaults "
                    + "including indexes)");
            s.execute("create sequence bench.event_copy_seq");
            s.execute("alter table bench.event_copy alter column global_index set default nextval('bench.event_copy_seq')");
            // the same size as the store, so both write into indexes of the same depth
            copied = s.executeUpdate("insert into bench.event_copy select * from event_store.domain_event_entry");
            s.execute("select setval('bench.event_copy_seq', greatest(1, (select max(global_index) from bench.event_copy)))");
            // vacuumed now rather than by autovacuum in the middle of the measure (see vacuum())
            s.execute("vacuum (analyze) bench.event_copy");
        }
        recycleWal("after the copy");
        log("baseline (a): raw INSERT + COMMIT into bench.event_copy (%d rows copied, no hash trigger), "
                + "%d payload samples, concurrency %d, %d s", copied, samples.size(), concurrency, durationSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(3, warmupSeconds) + durationSeconds);
        long measureFrom = end - TimeUnit.SECONDS.toNanos(durationSeconds);
        AtomicLong rows = new AtomicLong();
        AtomicLong allRows = new AtomicLong();
        // each worker holds its connection open until the CPU is read: a closed one's backend may not
        // have been reaped by then, and its CPU would be counted nowhere
        CountDownLatch loopsDone = new CountDownLatch(concurrency);
        CountDownLatch cpuRead = new CountDownLatch(1);
        Map<String, Long> cpuBefore = cpu();
        List<Future<Histogram>> futures = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                Histogram h = Stats.histogram();
                Random random = new Random(worker);
                byte[] hash = new byte[32];
                try (Connection c = superuser.getConnection(); PreparedStatement insert = c.prepareStatement("""
                        insert into bench.event_copy (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data, prev_hash, event_hash)
                        values (?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)""")) {
                    c.setAutoCommit(false);
                    String aggregate = UUID.randomUUID().toString();
                    long sequence = 0;
                    for (int n = 0; System.nanoTime() < end; n++) {
                        Sample sample = samples.get(random.nextInt(samples.size()));
                        if (sequence == 50) {
                            aggregate = UUID.randomUUID().toString();
                            sequence = 0;
                        }
                        long t0 = System.nanoTime();
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, aggregate);
                        insert.setLong(3, sequence++);
                        insert.setString(4, sample.type());
                        insert.setString(5, sample.timeStamp());
                        insert.setString(6, sample.payloadType());
                        insert.setBytes(7, sample.payload());
                        insert.setBytes(8, sample.metaData());
                        random.nextBytes(hash);
                        insert.setBytes(9, hash);
                        random.nextBytes(hash);
                        insert.setBytes(10, hash);
                        insert.executeUpdate();
                        c.commit();
                        allRows.incrementAndGet();
                        if (t0 >= measureFrom) {
                            h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                            rows.incrementAndGet();
                        }
                    }
                    loopsDone.countDown();
                    cpuRead.await();
                }
                return h;
            }));
        }
        // a worker that failed never counts down: its future says why
        loopsDone.await(durationSeconds + 60L, TimeUnit.SECONDS);
        // what a row costs PostgreSQL, to set against what a command costs it
        Map<String, Double> cpuUsed = cpuUsed(cpuBefore, cpu());
        cpuRead.countDown();
        Histogram all = Stats.histogram();
        for (Future<Histogram> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        cpuUsed.keySet().retainAll(List.of("PostgreSQL", "load generator"));
        String perRow = perCommand(cpuUsed, allRows.get());
        log("  baseline (a): CPU per row (ms): %s", perRow);
        notes.add(String.format(Locale.ROOT, "CPU time per row of baseline (a), %,d rows inserted (ms): %s.", allRows.get(), perRow));
        // the next phase should not pay for this one's rows: no table to vacuum, no dirty pages to flush
        asSuperuser("drop table bench.event_copy", "checkpoint");
        double perSecond = rows.get() / (double) durationSeconds;
        log("  baseline (a): %.0f rows/s, p50 %.2f ms, p99 %.2f ms", perSecond, Stats.ms(all, 50), Stats.ms(all, 99));
        return new double[] {perSecond, Stats.ms(all, 50), Stats.ms(all, 95), Stats.ms(all, 99)};
    }

    // ------------------------------------------------------------------ projection lag at half rate

    /**
     * The load phase only wrote; the first reads of a commitment would otherwise pay for loading
     * and compiling the read path, and be counted as lag. 2,000 reads were too few: the JIT went on
     * compiling projection-service's read path (web, security, JSON, JDBC) through the lag phase,
     * over half of that service's CPU there, on the cores the writes share. Read for a while instead,
     * as a service that has been running has.
     *
     * @return the number of reads
     */
    private long warmUpReads() throws Exception {
        List<String> ids = organisations.stream().flatMap(o -> o.open().stream()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READ_WARMUP_SECONDS);
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            futures.add(pool.submit(() -> {
                long reads = 0;
                for (int i = first; System.nanoTime() < deadline; i += 4) {
                    read.get("/api/commitments/" + ids.get(i % ids.size()) + "?minVersion=0", secretariat).ok();
                    reads++;
                }
                return reads;
            }));
        }
        long reads = 0;
        for (Future<Long> f : futures) {
            reads += f.get();
        }
        pool.shutdown();
        return reads;
    }

    /** What one open-loop run at a fixed rate saw: write latency from the scheduled send, and lag. */
    private record OpenLoop(Histogram latency, Histogram lag, long ok, long errors, long notCaughtUp, String slowest,
                            Instant startedAt, List<long[]> writes) {
    }

    private void lag(Run max) throws Exception {
        double rate = max.perSecond() / 2;
        log("projection lag: %d s of reads to warm up the read path", READ_WARMUP_SECONDS);
        long warmUpReads = compilersAhead(this::warmUpReads);
        int sampleEvery = (int) Math.max(1, Math.round(rate / 10));
        // The load phase wrote at full speed from closed loops; this phase's own paths (the generator's
        // open loop, the probes' reads that wait for a version) were still being compiled in its first
        // seconds, on the same two cores, and that compiling made the slowest writes. A rehearsal first,
        // in the same open loop: a new loop, started 0.3 s after the rehearsal's, held some of the phase's
        // slowest writes in its first 250 ms in every run read for it, so the measure begins in a running one.
        double vacuumSeconds = vacuum("before the lag phase");
        recycleWal("before the lag phase");
        log("projection lag: rehearsal at %.0f commands/s for %d s, not counted, then writing at that rate (half of "
                + "max) for %d s, lag probed on 1 in %d writes", rate, LAG_REHEARSAL_SECONDS, lagSeconds, sampleEvery);
        long start = System.nanoTime() + 100_000_000L;
        long measureStart = start + TimeUnit.SECONDS.toNanos(LAG_REHEARSAL_SECONDS);
        ScheduledExecutorService at = Executors.newSingleThreadScheduledExecutor();
        CompilersAhead ahead = new CompilersAhead();
        // before the measure, so that neither renice's process nor reading every thread's CPU from
        // /proc takes the generator's CPU in it; the compilers' share and the disk watch then cover
        // the measure and the half second before it
        at.schedule(() -> {
            ahead.close();
            return null;
        }, measureStart - TimeUnit.SECONDS.toNanos(1) - System.nanoTime(), TimeUnit.NANOSECONDS);
        long readAt = measureStart - TimeUnit.MILLISECONDS.toNanos(500);
        Future<CpuReading> before = at.schedule(this::cpuReading, readAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        Future<Optional<DiskStalls>> watching = at.schedule(() -> DiskStalls.watch(postgres.dataDirectory()),
                readAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        OpenLoop rehearsal;
        OpenLoop run;
        try {
            OpenLoop[] parts = openLoop(rate, start, measureStart, lagSeconds, sampleEvery);
            rehearsal = parts[0];
            run = parts[1];
        } finally {
            ahead.close();
            watching.get().ifPresent(DiskStalls::close);
            at.shutdown();
        }
        Optional<DiskStalls> disk = watching.get();
        log("  rehearsal: write p99 %.1f ms, lag p99 %.0f ms", Stats.ms(rehearsal.latency(), 99),
                Stats.ms(rehearsal.lag(), 99));
        String compiling = cpuUsedSince(before.get()).compiling();
        log("  JIT compilers: %s", compiling);
        log("  %d WAL segments still ready", walSegmentsAhead());
        String diskStalls = disk.map(d -> describe(d, run.startedAt())).orElse("not watched (no /proc/diskstats entry "
                + "for PostgreSQL's data folder)");
        log("  disk: %s", diskStalls);
        String pauses = gcPauses(run.startedAt(), Instant.now());
        log("  GC pauses: %s", pauses);
        Histogram latency = run.latency();
        Histogram lag = run.lag();
        double achieved = run.ok() / (double) lagSeconds;
        log("  %s", run.slowest());
        writeTimeline(rehearsal, run);
        log("  achieved %.0f cmd/s; write p99 %.1f ms; lag p50 %.0f ms, p99 %.0f ms (%d probes, %d not caught up "
                        + "within the read's bound)", achieved, Stats.ms(latency, 99), Stats.ms(lag, 50),
                Stats.ms(lag, 99), lag.getTotalCount(), run.notCaughtUp());
        table.add(row(String.format(Locale.ROOT, "command latency p50 / p99 at half max rate (%.0f cmd/s offered, "
                        + "%.0f achieved)", rate, achieved),
                Stats.f(Stats.ms(latency, 50)) + " / " + Stats.f(Stats.ms(latency, 99)), "ms", "", "",
                "p99 ≤ 50 ms", Stats.ms(latency, 99) <= 50));
        table.add(row("projection lag p50 / p99 at half max rate (ack → read model has the version)",
                Stats.f(Stats.ms(lag, 50)) + " / " + Stats.f(Stats.ms(lag, 99)), "ms", "", "", "p99 ≤ 1000 ms",
                Stats.ms(lag, 99) <= 1000 && run.notCaughtUp() == 0));
        notes.add(String.format(Locale.ROOT, "Lag phase: after %d s of warm-up reads of the read model (%,d reads, 4 at "
                        + "a time; like the rehearsal below, with the JIT compilers ahead), a database-wide VACUUM "
                        + "(ANALYZE) (%.1f s; autovacuum's pass over the load phase's "
                        + "rows would otherwise land in the phase) and a checkpoint, an open loop at %.0f cmd/s "
                        + "offered: %d s of rehearsal (not counted; write p99 %.1f ms, lag p99 %.0f ms), then, in the "
                        + "same loop, %d s measured, %d errors; latency "
                        + "counted from each command's scheduled send time. Lag = write acknowledged → `GET "
                        + "/api/commitments/{id}?minVersion=ETag` answers 200 (the read polls every 20 ms server-side, "
                        + "so figures carry up to ~20 ms of that polling); %d probes (1 in %d writes), %d answered 503.",
                READ_WARMUP_SECONDS, warmUpReads, vacuumSeconds, rate, LAG_REHEARSAL_SECONDS,
                Stats.ms(rehearsal.latency(), 99), Stats.ms(rehearsal.lag(), 99), lagSeconds, run.errors(), lag.getTotalCount(), sampleEvery, run.notCaughtUp())
                + " The services' JIT compiler threads used, of their CPU in the phase: " + compiling + "."
                + " Lag phase " + run.slowest() + ". Disk holding PostgreSQL's data, watched every 5 ms through the phase: "
                + diskStalls + ". Stop-the-world GC pauses in the phase: " + pauses + ".");
    }

    /** Each service's collections in a phase: how many, their sum, the longest as [ms into the phase, ms]. */
    private String gcPauses(Instant phaseStart, Instant phaseEnd) {
        return Stream.of(commitment, projection).map(s -> {
            List<Service.GcPause> pauses = s.gcPauses(phaseStart, phaseEnd);
            return String.format(Locale.ROOT, "%s %d, %.0f ms in all%s", s.name, pauses.size(),
                    pauses.stream().mapToDouble(Service.GcPause::millis).sum(), pauses.isEmpty() ? "" : ", longest "
                            + pauses.stream().sorted(Comparator.comparingDouble(Service.GcPause::millis).reversed())
                            .limit(5).map(p -> mark(Duration.between(phaseStart, p.end()).toMillis()
                                    - Math.round(p.millis()), Math.round(p.millis())))
                            .collect(Collectors.joining(" ")));
        }).collect(Collectors.joining("; ")) + " (as [ms into the phase, ms])";
    }

    /** The disk's stalls in a phase, longest first, as [ms into the phase, ms]. */
    private static String describe(DiskStalls disk, Instant phaseStart) {
        List<DiskStalls.Stall> stalls = disk.longestFirst();
        if (stalls.isEmpty()) {
            return disk.device() + " never held a request " + DiskStalls.SHORTEST + " ms or longer without completing one";
        }
        return disk.device() + " held requests without completing any " + stalls.size() + " times for "
                + DiskStalls.SHORTEST + " ms or longer (every commit waits for the disk): " + stalls.stream().limit(5)
                .map(st -> mark(Duration.between(phaseStart, st.start()).toMillis(), st.millis()))
                .collect(Collectors.joining(" ")) + " (as [ms into the phase, ms], longest first)";
    }

    /**
     * Each worker sends its organisations' commands on a fixed schedule from {@code start} (a
     * {@link System#nanoTime()}), so that together they offer {@code rate}; one write in
     * {@code sampleEvery} is followed by a read that waits for its version. What was sent before
     * {@code measureStart} is the rehearsal, counted apart; the loop ends {@code seconds} after it.
     *
     * @return what the rehearsal saw, and what the measure saw
     */
    private OpenLoop[] openLoop(double rate, long start, long measureStart, int seconds, int sampleEvery)
            throws Exception {
        List<List<Org>> workers = byWorker();
        long interval = (long) (workers.size() * 1e9 / rate);
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        ExecutorService probes = Executors.newCachedThreadPool();
        Tally rehearsal = new Tally(start);
        Tally measure = new Tally(measureStart);
        long end = measureStart + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            List<Org> mine = workers.get(w);
            long offset = interval * w / workers.size();
            Random random = new Random(w * 31L + System.nanoTime());
            futures.add(pool.submit(() -> {
                for (long k = 0; ; k++) {
                    long intended = start + offset + k * interval;
                    if (intended >= end) {
                        return null;
                    }
                    Tally tally = intended < measureStart ? rehearsal : measure;
                    long wait = intended - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    Write written;
                    try {
                        written = command(mine.get(random.nextInt(mine.size())), random);
                    } catch (RuntimeException e) {
                        tally.errors.incrementAndGet();
                        continue;
                    }
                    long acknowledged = System.nanoTime();
                    if (written.response().status() / 100 != 2) {
                        tally.errors.incrementAndGet();
                        continue;
                    }
                    // from the intended start: a late send counts against the service (no coordinated omission)
                    tally.written(intended, acknowledged);
                    if (k % sampleEvery == 0) {
                        String id = written.commitmentId();
                        long version = written.response().version();
                        probes.submit(() -> {
                            Http.Response r = read.get("/api/commitments/" + id + "?minVersion=" + version, secretariat);
                            tally.probed(acknowledged, System.nanoTime(), r.status() == 200);
                        });
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        probes.shutdown();
        probes.awaitTermination(60, TimeUnit.SECONDS);
        return new OpenLoop[] {rehearsal.result(), measure.result()};
    }

    /** What one part of an open loop saw, with times as ms from the part's start. */
    private static final class Tally {

        private final long start;
        private final Instant startedAt;
        private final Histogram latency = Stats.histogram();
        private final Histogram lag = Stats.histogram();
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong notCaughtUp = new AtomicLong();
        // {ms into the part, ms} of every write and lag probe: the slowest tell a spike from a steady state
        private final List<long[]> writes = Collections.synchronizedList(new ArrayList<>());
        private final List<long[]> lagProbes = Collections.synchronizedList(new ArrayList<>());

        Tally(long start) {
            this.start = start;
            this.startedAt = Instant.now().plusNanos(start - System.nanoTime());
        }

        void written(long intended, long acknowledged) {
            ok.incrementAndGet();
            synchronized (latency) {
                latency.recordValue(Math.max(1, (acknowledged - intended) / 1000));
            }
            writes.add(new long[] {(intended - start) / 1_000_000, (acknowledged - intended) / 1_000_000});
        }

        void probed(long acknowledged, long seen, boolean caughtUp) {
            if (!caughtUp) {
                notCaughtUp.incrementAndGet();
            }
            synchronized (lag) {
                lag.recordValue(Math.max(1, (seen - acknowledged) / 1000));
            }
            lagProbes.add(new long[] {(acknowledged - start) / 1_000_000, (seen - acknowledged) / 1_000_000});
        }

        OpenLoop result() {
            String slowest = String.format(Locale.ROOT, "slowest writes %s; slowest lag probes %s (as [ms into the "
                    + "phase, ms])", slowest(writes, 5), slowest(lagProbes, 5));
            return new OpenLoop(latency, lag, ok.get(), errors.get(), notCaughtUp.get(), slowest, startedAt, writes);
        }
    }

    /**
     * Every write of the lag phase, the rehearsal's too (before 0 ms), with its wall-clock time, so
     * that a slow cluster can be set against the services' and PostgreSQL's logs.
     */
    private void writeTimeline(OpenLoop rehearsal, OpenLoop run) throws IOException {
        Path file = logs().resolve("lag-phase-writes.csv");
        StringBuilder csv = new StringBuilder("sent_at_utc,ms_into_phase,latency_ms,counted\n");
        for (OpenLoop part : List.of(rehearsal, run)) {
            long offset = Duration.between(run.startedAt(), part.startedAt()).toMillis();
            synchronized (part.writes()) {
                part.writes().stream().sorted((a, b) -> Long.compare(a[0], b[0])).forEach(w -> csv
                        .append(part.startedAt().plusMillis(w[0])).append(',').append(w[0] + offset).append(',')
                        .append(w[1]).append(',').append(part == run).append('\n'));
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
        log("  every write of the phase and its rehearsal, with its time: %s (phase began %s)", file, run.startedAt());
    }

    private static String slowest(List<long[]> samples, int n) {
        synchronized (samples) {
            return samples.stream().sorted((a, b) -> Long.compare(b[1], a[1])).limit(n)
                    .map(a -> mark(a[0], a[1])).collect(Collectors.joining(" "));
        }
    }

    /** One event of a phase as the results print it: [ms into the phase, ms]. */
    private static String mark(long msIntoPhase, long millis) {
        return "[" + msIntoPhase + ", " + millis + "]";
    }

    // ------------------------------------------------------------------ aggregate load: 1 vs 1,000 events

    private void aggregateLoad() throws Exception {
        int big = 3;
        int rounds = 150;
        log("aggregate load: building %d commitments of 1,000 events and %d of 1 event", big, rounds);
        List<Org> owners = organisations.subList(0, big);
        List<String> bigOnes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(big);
        List<Future<String>> futures = new ArrayList<>();
        for (Org owner : owners) {
            futures.add(pool.submit(() -> {
                Random random = new Random();
                String id = record(owner, random).commitmentId();
                owner.open().remove(id);
                for (int i = 1; i < 1000; i++) {
                    progress(owner, id, random).response().ok();
                }
                return id;
            }));
        }
        for (Future<String> f : futures) {
            bigOnes.add(f.get());
        }
        pool.shutdown();
        double[] cached = measureLoad(owners, bigOnes, rounds, new Random(3));
        log("  median command latency with the aggregate cache: 1-event %.2f ms, 1,000-event %.2f ms", cached[0],
                cached[1]);
        table.add(row("command on a 1,000-event commitment (median, one at a time; aggregate cache on, the default)",
                Stats.f(cached[1]), "ms", Stats.f(cached[0]) + " ms on a 1-event one", Stats.ratio(cached[1], cached[0]),
                "≤ 2.00×", cached[1] <= 2 * cached[0]));
        log("  restarting commitment-service without its aggregate cache");
        commitment.restartWith(List.of("--partnerships.aggregate-cache.size=0"));
        measureLoad(owners, bigOnes, rounds, new Random(4)); // the new JVM's warm-up, not counted
        double[] cold = measureLoad(owners, bigOnes, rounds, new Random(5));
        log("  median command latency without it: 1-event %.2f ms, 1,000-event %.2f ms", cold[0], cold[1]);
        table.add(row("command on a 1,000-event commitment (same, aggregate cache off: snapshot and events read "
                        + "from the store)", Stats.f(cold[1]), "ms", Stats.f(cold[0]) + " ms on a 1-event one",
                Stats.ratio(cold[1], cold[0]), "≤ 2.00×", cold[1] <= 2 * cold[0]));
        log("  restarting commitment-service as configured");
        commitment.restartWith(List.of());
        notes.add(String.format(Locale.ROOT, "Aggregate load: %d progress reports each against fresh 1-event "
                + "commitments and against %d commitments of 1,000+ events, interleaved, one at a time; the "
                + "difference is the cost of loading the aggregate. Measured with the aggregate cache, then again "
                + "after restarting commitment-service with `--partnerships.aggregate-cache.size=0`. Snapshot "
                + "threshold: %s.", rounds, big,
                commitmentArgs.stream().filter(a -> a.contains("snapshot-threshold")).findFirst()
                        .orElse("100 events (default)")));
    }

    /** {median ms on a 1-event commitment, median ms on a 1,000-event one}, interleaved, one at a time. */
    private double[] measureLoad(List<Org> owners, List<String> bigOnes, int rounds, Random random) {
        List<String> fresh = new ArrayList<>();
        Org small = organisations.get(owners.size());
        for (int i = 0; i < rounds; i++) {
            String id = record(small, random).commitmentId();
            small.open().remove(id);
            fresh.add(id);
        }
        long[] one = new long[rounds];
        long[] thousand = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            progress(small, fresh.get(i), random).response().ok();
            one[i] = (System.nanoTime() - t0) / 1000;
            Org owner = owners.get(i % owners.size());
            t0 = System.nanoTime();
            progress(owner, bigOnes.get(i % owners.size()), random).response().ok();
            thousand[i] = (System.nanoTime() - t0) / 1000;
        }
        return new double[] {Stats.median(one) / 1000, Stats.median(thousand) / 1000};
    }

    private long head() throws SQLException {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select coalesce(max(global_index), 0), count(*) from event_store.domain_event_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    private long eventCount() throws SQLException {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from event_store.domain_event_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    private void replay() throws Exception {
        long head = head();
        long events = eventCount();
        waitForTokens(head, 120);
        Http.Response admin = read.get("/admin/projections", secretariat);
        double rate;
        String route;
        if (admin.status() == 200 && admin.json().isArray()) {
            route = "POST /admin/projections/{name}/replay for " + PROCESSORS + " at once, GET /admin/projections "
                    + "polled every 100 ms; a first replay, not counted, warms up the code paths only a replay takes";
            log("replay via the admin endpoints: %d events, first to warm up", events);
            adminReplay(head, events, false);
            log("replay via the admin endpoints: %d events, measured", events);
            rate = adminReplay(head, events, true);
        } else {
            route = "projection-service restarted on an emptied projection schema (admin endpoints answered "
                    + admin.status() + ")";
            log("replay: /admin/projections answered %d; measuring a rebuild by restarting projection-service on an "
                    + "emptied projection schema (%d events)", admin.status(), events);
            rate = replayByRestart(head, events);
        }
        double base = baselineB(head, ReplayBaseline.Rows.AS_PROJECTORS);
        double narrow = baselineB(head, ReplayBaseline.Rows.ONE_PER_AGGREGATE);
        table.add(row("replay: rebuild all read models from the first event (" + events + " events)", Stats.f(rate),
                "events/s", Stats.f(base) + " events/s (b)", Stats.ratio(rate, base), "≥ 0.50× (b)", rate >= 0.5 * base));
        table.add(row("replay against a narrower baseline: one row per aggregate for every event", Stats.f(rate),
                "events/s", Stats.f(narrow) + " events/s", Stats.ratio(rate, narrow), "", null));
        notes.add("Replay route: " + route + ".");
    }

    /** Replays every processor from the first event through the admin endpoints; returns events/s. */
    private double adminReplay(long head, long events, boolean measured) throws Exception {
        Map<String, Long> cpuBefore = cpu();
        long t0 = System.nanoTime();
        // all three at once, as an operator rebuilding every read model would start them
        PROCESSORS.stream().map(name -> CompletableFuture.runAsync(
                        () -> read.post("/admin/projections/" + name + "/replay", secretariat, "{}").ok()))
                .toList().forEach(CompletableFuture::join);
        Map<String, Boolean> sawReplaying = new HashMap<>();
        // when each processor was first seen done: the slowest one sets the figure
        Map<String, Double> doneAfter = new TreeMap<>();
        long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            JsonNode list = read.get("/admin/projections", secretariat).ok().json();
            boolean done = true;
            for (JsonNode p : list) {
                String name = p.path("name").asText();
                if (!PROCESSORS.contains(name)) {
                    continue;
                }
                boolean replaying = p.path("replaying").asBoolean();
                sawReplaying.merge(name, replaying, Boolean::logicalOr);
                boolean processorDone = !replaying && p.path("lagEvents").asLong(1) == 0
                        && p.path("position").asLong() >= head;
                if (processorDone) {
                    doneAfter.putIfAbsent(name, (System.nanoTime() - t0) / 1e9);
                }
                done &= processorDone;
            }
            long elapsed = System.nanoTime() - t0;
            // the replay requests return once each processor is reset and started again: from then on a
            // processor at the head and not replaying has rebuilt its read model, seen replaying or not
            if (done) {
                StringBuilder split = new StringBuilder();
                cpuUsed(cpuBefore, cpu()).forEach((process, seconds) -> {
                    if (process.equals(projection.name) || process.equals("PostgreSQL")) {
                        split.append(split.isEmpty() ? "" : ", ").append(process).append(' ').append(Stats.f2(seconds));
                    }
                });
                log("  replay: %.2f s, each done after (s) %s, CPU (s): %s", elapsed / 1e9, doneAfter, split);
                if (measured) {
                    notes.add(String.format(Locale.ROOT, "Replay: %d events rebuilt by all %d processors in %.2f s "
                            + "(admin endpoints; replaying seen: %s; each done after (s): %s); CPU used meanwhile "
                            + "(s): %s.", events, PROCESSORS.size(), elapsed / 1e9, sawReplaying, doneAfter, split));
                }
                return Stats.perSecond(events, elapsed);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replay did not finish in 10 minutes: " + list);
            }
            // often enough to time a replay of a few seconds, rarely enough not to load the service it times
            Thread.sleep(100);
        }
    }

    /** Waits until every projection-service token has reached {@code head}; returns the lowest position. */
    private void waitForTokens(long head, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (lowestToken() >= head) {
                return;
            }
            Thread.sleep(100);
        }
        log("  warning: projections not caught up with %d after %d s (lowest token %d)", head, seconds, lowestToken());
    }

    private static final Pattern INDEX = Pattern.compile("\"(?:index|globalIndex)\"\\s*:\\s*(\\d+)");

    /** The lowest position over all processors' segments, -1 when a processor has no token yet. */
    private long lowestToken() throws SQLException {
        Map<String, Long> lowest = new HashMap<>();
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select processor_name, convert_from(token, 'UTF8') from projection.token_entry")) {
            while (r.next()) {
                long position = -1;
                if (r.getString(2) != null) {
                    Matcher m = INDEX.matcher(r.getString(2));
                    while (m.find()) { // a replay token holds two positions: the current one is last
                        position = Long.parseLong(m.group(1));
                    }
                }
                lowest.merge(r.getString(1), position, Math::min);
            }
        } catch (SQLException noTableYet) {
            return -1;
        }
        if (!lowest.keySet().containsAll(PROCESSORS)) {
            return -1;
        }
        return lowest.values().stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private double replayByRestart(long head, long events) throws Exception {
        projection.close();
        asSuperuser("drop schema projection cascade",
                "create schema projection authorization " + DatabaseBootstrap.PROJECTION_ROLE);
        long t0 = System.nanoTime();
        projection.start();
        long up = System.nanoTime();
        long firstSeenAt = 0;
        long firstPosition = 0;
        long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
        long position;
        while ((position = lowestToken()) < head) {
            if (firstSeenAt == 0 && position > 0) {
                firstSeenAt = System.nanoTime();
                firstPosition = position;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rebuild did not finish in 10 minutes (at " + position + ")");
            }
            Thread.sleep(20);
        }
        long done = System.nanoTime();
        if (firstSeenAt == 0) {
            firstSeenAt = up;
            firstPosition = 0;
        }
        double steady = Stats.perSecond(Math.max(0, head - firstPosition), done - firstSeenAt);
        double wall = Stats.perSecond(events, done - t0);
        notes.add(String.format(Locale.ROOT, "Replay by restart: %d events; %.1f s from process start to all tokens at "
                        + "the head (%.0f events/s including JVM start and Flyway); health UP after %.1f s; the "
                        + "figure in the table is the steady rate from the first token seen (position %d) to the head "
                        + "in %.1f s.", events, (done - t0) / 1e9, wall, (up - t0) / 1e9, firstPosition,
                (done - firstSeenAt) / 1e9));
        return steady;
    }

    /**
     * Runs baseline (b) twice, as the replay is: the first run warms up the JIT and the pages read; returns the
     * second run's events/s.
     */
    private double baselineB(long head, ReplayBaseline.Rows rows) throws Exception {
        ReplayBaseline baseline = new ReplayBaseline(superuser);
        double rate = 0;
        for (boolean measured : new boolean[] {false, true}) {
            long t0 = System.nanoTime();
            long events = baseline.run(head, rows);
            long elapsed = System.nanoTime() - t0;
            rate = Stats.perSecond(events, elapsed);
            log("  baseline (b)%s%s: %d events read, deserialized and written in %.2f s: %.0f events/s",
                    rows == ReplayBaseline.Rows.AS_PROJECTORS ? "" : " with one row per aggregate",
                    measured ? "" : ", first to warm up", events, elapsed / 1e9, rate);
        }
        return rate;
    }

    // ------------------------------------------------------------------ memory

    private void memory() {
        for (Service s : new Service[] {commitment, projection}) {
            long hwm = s.peakRssKb().orElse(-1L);
            long heap = s.peakHeapBytes().orElse(-1L);
            table.add(row(s.name + " peak RSS (VmHWM) / peak heap used (before a collection, from the GC log), -Xmx512m",
                    (hwm < 0 ? "n/a" : Stats.f(hwm / 1024.0)) + " / " + (heap < 0 ? "n/a" : Stats.f(heap / 1048576.0)),
                    "MiB", "", "", "heap ≤ 512 MiB", heap >= 0 && heap <= 512L * 1024 * 1024));
        }
    }

    // ------------------------------------------------------------------ --large: grow the store

    private void largeStore() throws Exception {
        log("--large: stopping projection-service so the growth and the write measurements are the write side's alone");
        projection.close();
        List<Sample> recorded = samples("where payload_type like '%CommitmentRecorded'", 1);
        List<Sample> progress = samples("where payload_type like '%ProgressReported'", 1);
        double[] at100k = null;
        // Left to grow, the open commitments would be more at the second measure than at the first, which would
        // then find fewer of them in the aggregate cache: a difference of the workload, not of the store's size.
        // Keyed by id, because an Org's hash changes with its open commitments.
        Map<String, Integer> open = new HashMap<>();
        organisations.forEach(org -> open.put(org.id(), org.open().size()));
        steadyOpen = open;
        notes.add(String.format(Locale.ROOT, "--large: the partners kept their %,d open commitments at that number "
                + "in both measures: 85 %% progress reports, and 15 %% new commitments or outcomes, whichever kept a "
                + "partner's number (the aggregate cache holds 10,000 unless --commitment-arg sets "
                + "partnerships.aggregate-cache.size).", open.values().stream().mapToInt(n -> n).sum()));
        for (long target : new long[] {100_000L, largeEvents}) {
            long t0 = System.nanoTime();
            long before = eventCount();
            grow(target, recorded.get(0), progress.get(0));
            long grown = eventCount() - before;
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (grown > 0) {
                notes.add(String.format(Locale.ROOT, "--large: grew the store by %,d synthetic events (through the "
                        + "hash-chain trigger) in %.0f s (%.0f events/s).", grown, seconds, grown / seconds));
            }
            long size = eventCount();
            // the growth's rows, all new, would otherwise be vacuumed by autovacuum (a pass over the whole
            // table) in the measure that follows: commitment-service's, not baseline (a)'s, which writes
            // into a copy vacuumed the same way
            double vacuumSeconds = vacuum("after growing the store");
            notes.add(String.format(Locale.ROOT, "--large: at %,d events, the store was vacuumed and analyzed "
                    + "before the measure (%.1f s), as baseline (a)'s copy is.", size, vacuumSeconds));
            log("store at %,d events: measuring commands/s and baseline (a)", size);
            warmUp();
            if (statements) {
                asSuperuser(StatementCosts.RESET);
            }
            CpuReading cpuBefore = cpuReading();
            CacheLookups cacheBefore = cacheLookups();
            Run run = closedLoop(durationSeconds);
            String compiling = cpuUsedSince(cpuBefore).compiling();
            noteCacheSince(cacheBefore, String.format(Locale.ROOT, "--large: at %,d events, aggregate cache: ", size));
            if (statements) {
                statementsPerCommand(run.ok(), String.format(Locale.ROOT, "with %,d events stored", size));
            }
            double[] a = measureBaselineA();
            double ratio = run.perSecond() / a[0];
            log("  %,d events: %.0f cmd/s, baseline (a) %.0f rows/s, ratio %.2f; %d errors %s; JIT compilers: %s", size,
                    run.perSecond(), a[0], ratio, run.errors(), run.statuses(), compiling);
            notes.add(String.format(Locale.ROOT, "--large: at %,d events, %d commands acknowledged and %d failed %s in "
                    + "the measure; the services' JIT compiler threads used, of their CPU in it: %s.", size, run.ok(),
                    run.errors(), run.statuses(), compiling));
            table.add(row(String.format(Locale.ROOT, "commands/s with %,d events stored (projection-service stopped)",
                            size), Stats.f(run.perSecond()), "cmd/s", Stats.f(a[0]) + " rows/s (a)",
                    Stats.ratio(run.perSecond(), a[0]), at100k == null ? "" : "ratio ≥ 0.90 × ratio at 100k",
                    at100k == null ? null : ratio >= 0.9 * at100k[0]));
            if (at100k == null) {
                at100k = new double[] {ratio};
            } else {
                notes.add(String.format(Locale.ROOT, "--large: the commands/s ratio to (a) moved from %.2f at ~100k "
                        + "events to %.2f at %,d events (%.0f %% of its value at 100k).", at100k[0], ratio, size,
                        100 * ratio / at100k[0]));
            }
        }
    }

    /** Appends synthetic, valid commitments of 100 events each (1 recorded + 99 progress) until {@code target}. */
    private void grow(long target, Sample recorded, Sample progress) throws SQLException {
        String recordedJson = new String(recorded.payload(), java.nio.charset.StandardCharsets.UTF_8);
        String progressJson = new String(progress.payload(), java.nio.charset.StandardCharsets.UTF_8);
        String recordedId = idOf(recordedJson);
        String progressId = idOf(progressJson);
        int perAggregate = 100;
        int aggregatesPerBatch = 1000;
        String tag = UUID.randomUUID().toString();
        long batch = 0;
        long startCount = eventCount();
        long t0 = System.nanoTime();
        try (Connection c = superuser.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                select gen_random_uuid()::text, a.id, s.seq, 'Commitment', ?,
                    case when s.seq = 0 then ? else ? end, null,
                    convert_to(case when s.seq = 0 then replace(?, ?, a.id) else replace(?, ?, a.id) end, 'UTF8'),
                    ?
                from (select md5(? || g::text)::uuid::text as id from generate_series(?, ?) g) a
                cross join generate_series(0, ?) s(seq)
                order by a.id, s.seq""")) {
            long count;
            while ((count = eventCount()) < target) {
                insert.setString(1, progress.timeStamp());
                insert.setString(2, recorded.payloadType());
                insert.setString(3, progress.payloadType());
                insert.setString(4, recordedJson);
                insert.setString(5, recordedId);
                insert.setString(6, progressJson);
                insert.setString(7, progressId);
                insert.setBytes(8, progress.metaData());
                insert.setString(9, tag);
                long n = Math.max(1, Math.min(aggregatesPerBatch, (target - count + perAggregate - 1) / perAggregate));
                insert.setLong(10, batch * aggregatesPerBatch);
                insert.setLong(11, batch * aggregatesPerBatch + n - 1);
                insert.setInt(12, perAggregate - 1);
                insert.executeUpdate();
                batch++;
                long done = count + n * perAggregate - startCount;
                double rate = done / ((System.nanoTime() - t0) / 1e9);
                log("  grown to %,d events (%.0f events/s, about %.0f s to go)", count + n * perAggregate, rate,
                        (target - count - n * perAggregate) / rate);
            }
        }
        asSuperuser("analyze event_store.domain_event_entry");
    }

    private static String idOf(String json) {
        Matcher m = Pattern.compile("\"commitmentId\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no commitmentId in " + json);
        }
        return m.group(1);
    }

    // ------------------------------------------------------------------ output

    private static String[] row(String what, String value, String unit, String baseline, String ratio, String goal,
                                Boolean met) {
        return new String[] {what, value, unit, baseline, ratio, goal,
                met == null ? "" : met ? "met" : "**missed**"};
    }

    private void writeResults() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark results\n\n");
        out.append(String.format(Locale.ROOT, "%s; `%s`; concurrency %d, %d s measured after %d s "
                        + "warm-up (%s); total run %.0f s.%n%n", ZonedDateTime.now(ZoneId.of("Europe/Oslo")).withNano(0),
                command, concurrency, durationSeconds, warmupSeconds,
                compilersNotAhead ? "the services' JIT compilers at normal priority: renice was refused"
                        : "the services' JIT compilers at nice -10 meanwhile, at normal priority in the measures",
                (System.nanoTime() - started) / 1e9));
        out.append("| measure | value | unit | baseline | ratio | goal | |\n|---|---|---|---|---|---|---|\n");
        for (String[] r : table) {
            out.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        out.append("\n## Machine\n\n");
        for (Map.Entry<String, String> e : machine().entrySet()) {
            out.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        out.append("\n## Notes\n\n");
        for (String n : notes) {
            out.append("- ").append(n).append('\n');
        }
        if (!commitmentArgs.isEmpty() || !projectionArgs.isEmpty()) {
            out.append("- Service options: commitment-service ").append(commitmentArgs)
                    .append(", projection-service ").append(projectionArgs).append('\n');
        }
        out.append("- Baseline (a): single-row INSERT + COMMIT per transaction into `bench.event_copy` (`like "
                + "event_store.domain_event_entry including defaults including indexes`, filled with a copy of the "
                + "store first, no hash-chain trigger), payload and metadata bytes taken from stored events, same "
                + "concurrency, same PostgreSQL, same run.\n");
        out.append("- Baseline (b): one thread reads pages of 1,000 events by JDBC, deserializes each payload with "
                + "`EventJson.newMapper()` into the class named in `payload_type`, and batch-writes the rows the "
                + "projectors write for nearly every event: for a commitment event the commitment's row (inserted, "
                + "then updated with version, latest report and status) and its timeline entry, in copies of "
                + "`projection.commitment_view` and `projection.commitment_entry` (same columns, keys and indexes), "
                + "with who recorded it read from the metadata; for other events one row per aggregate in "
                + "`bench.aggregate_view`. It commits per page with synchronous_commit off as projection-service "
                + "does; run twice like the replay, the second run counted. The narrower baseline writes the one row "
                + "per aggregate for every event.\n");
        out.append("- Services: separate JVMs from their exec jars, `-Xmx512m`" + jvmOptions.stream()
                .map(o -> " `" + o + "`").collect(Collectors.joining()) + ", local profile, PostgreSQL embedded "
                + "with fsync and synchronous_commit on (projection-service turns synchronous_commit off for its own "
                + "read-model commits, which it can rebuild from the event store).\n");
        String text = out.toString();
        System.out.println();
        System.out.println(text);
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, text);
        log("results written to %s", results.toAbsolutePath());
    }

    private Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("memory", procLine("/proc/meminfo", "MemTotal").map(v -> Stats.f(Long.parseLong(v.replaceAll("[^0-9]", ""))
                / 1048576.0) + " GiB").orElse("n/a"));
        m.put("CPU", procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")));
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select version()")) {
            r.next();
            m.put("PostgreSQL", r.getString(1) + " (embedded, fsync on, synchronous_commit on" + postgresSettings.entrySet()
                    .stream().map(e -> ", " + e.getKey() + " " + e.getValue()).collect(Collectors.joining()) + ")");
        } catch (Exception e) {
            m.put("PostgreSQL", "n/a");
        }
        return m;
    }

    private static java.util.Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Service logs next to the results, so they outlive the temporary database. */
    private Path logs() {
        return results.toAbsolutePath().getParent().resolve("logs");
    }

    private static Path execJar(String module) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(module, "target"), "*-exec.jar")) {
            for (Path jar : jars) {
                return jar.toAbsolutePath();
            }
        }
        throw new IllegalStateException("no " + module + "/target/*-exec.jar; build with ./mvnw -DskipTests package");
    }

    private void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%5.1f s] %s%n", (System.nanoTime() - started) / 1e9,
                String.format(Locale.ROOT, format, args));
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temp folder
        }
    }
}
