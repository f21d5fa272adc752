package no.partnerskap.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from binaries in a Maven artifact: no installation, no Docker.
 * Listens on 127.0.0.1 only, where the {@code postgres} superuser may log in without a password.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    /** The lock file the embedded server holds in its data folder while it runs. */
    static final String LOCK_FILE = "epg-lock";
    /** PostgreSQL's own lock file, which names its main process. */
    private static final String PID_FILE = "postmaster.pid";

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private volatile boolean closing;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server that keeps the user's data: fsync and synchronous commit on, data kept
     * across restarts. A server left running on the folder by a killed JVM is stopped first.
     *
     * @param port a fixed port, or 0 for any free one
     */
    public static LocalPostgres startDurable(Path dataDirectory, int port) {
        return startDurable(dataDirectory, port, Map.of());
    }

    /** The same, with further server settings, e.g. a library to preload for a diagnosis. */
    public static LocalPostgres startDurable(Path dataDirectory, int port, Map<String, String> serverConfig) {
        stopOrphanedServer(dataDirectory);
        return start(dataDirectory, port, false, true, serverConfig);
    }

    /** Starts a throw-away server for tests: fresh folder, no fsync (an acknowledged write may be lost on power loss). */
    public static LocalPostgres startForTests() {
        try {
            return start(Files.createTempDirectory("partnerships-test-pg"), 0, true, false, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalPostgres start(Path dataDirectory, int port, boolean clean, boolean durable,
                                       Map<String, String> serverConfig) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // the owner closes the server, after the services that use it
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200");
            if (durable) {
                // the library's defaults trade durability for speed; a user's data needs both on
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            serverConfig.forEach(builder::setServerConfig);
            if (port != 0) {
                // or the start would wait for whatever answers there, such as another instance's database, and take
                // it for its own
                PortInUse.requireFree(port, "--db-port");
            }
            EmbeddedPostgres server = builder.start();
            requireOwn(server, dataDirectory);
            return new LocalPostgres(server, dataDirectory);
        } catch (PortInUse e) {
            throw e;
        } catch (IOException | IllegalStateException e) {
            throw new NotStarted(dataDirectory, e);
        }
    }

    /** The server did not start: the folder cannot be written, the disk is full, ...; PostgreSQL's log says which. */
    public static final class NotStarted extends UncheckedIOException {
        NotStarted(Path dataDirectory, Exception cause) {
            super("could not start PostgreSQL in " + dataDirectory + ": " + rootOf(cause).getMessage()
                    + " (the database's own lines above say more)", cause instanceof IOException io ? io
                    : new IOException(cause));
        }

        private static Throwable rootOf(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root;
        }
    }

    /** The server answering on the port serves this data folder (not one that took the port meanwhile). */
    private static void requireOwn(EmbeddedPostgres server, Path dataDirectory) throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             ResultSet answer = connection.createStatement().executeQuery("show data_directory")) {
            answer.next();
            if (!Path.of(answer.getString(1)).toRealPath().equals(dataDirectory.toRealPath())) {
                throw new PortInUse(server.getPort(), "--db-port");
            }
        } catch (SQLException e) {
            throw new IOException("could not ask the new server which data folder it serves", e);
        }
    }



    /**
     * A JVM killed with SIGKILL leaves its postmaster running on the data folder, and a new one
     * cannot start there. Stop it, but only if no live process still uses the folder: the
     * embedded server's lock file ({@value #LOCK_FILE}) is held by the JVM that runs it and let go
     * by the system when that JVM dies, so a lock held means another instance is running on this
     * folder, and its database is left alone.
     */
    static void stopOrphanedServer(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        // none, or unreadable: PostgreSQL itself will judge the stale file
        Optional<ProcessHandle> alive = processNamedIn(dataDirectory);
        Optional<String> command = alive.flatMap(p -> p.info().command());
        Optional<Path> serves = alive.flatMap(LocalPostgres::workingDirectory);
        boolean elsewhere = serves.isPresent() && !sameFolder(serves.get(), dataDirectory);
        if (command.isPresent() && (!command.get().endsWith("postgres") || elsewhere)) {
            // after a reboot the pid is another program's, or another PostgreSQL's (one runs in its own data folder):
            // PostgreSQL would refuse the folder as in use, and the start wait a minute for nothing. That process
            // holds nothing here, and is left alone.
            log.warn("{} names pid {}, which is now {}{}: the file is left from a run before a restart; removing it",
                    pidFile, alive.get().pid(), command.get(), elsewhere ? " serving " + serves.get() : ", not a "
                            + "PostgreSQL");
            try {
                Files.delete(pidFile);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the stale " + pidFile, e);
            }
            return;
        }
        Optional<ProcessHandle> running = alive.filter(p -> command.isPresent());
        if (running.isEmpty()) {
            return;
        }
        requireNoOtherUser(dataDirectory, running.get());
        ProcessHandle p = running.get();
        log.warn("A PostgreSQL server (pid {}) from an earlier run still holds {}; stopping it", p.pid(), dataDirectory);
        // a fast shutdown: it ends the sessions still connected (a psql left open, another instance's
        // services), where the default smart shutdown would wait for each of them to leave
        signal(p, "INT");
        try {
            p.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception timeout) {
            // its backends too: one left behind still holds the shared memory a new server needs
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** The folder a process runs in, where the system says (Linux); PostgreSQL runs in its data folder. */
    private static Optional<Path> workingDirectory(ProcessHandle process) {
        try {
            return Optional.of(Path.of("/proc", Long.toString(process.pid()), "cwd").toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean sameFolder(Path realPath, Path folder) {
        try {
            return realPath.equals(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireNoOtherUser(Path dataDirectory, ProcessHandle postmaster) {
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return;
            }
        } catch (OverlappingFileLockException heldHere) {
            // held by this very JVM: in use all the same
        } catch (IOException e) {
            throw new UncheckedIOException("could not check whether " + dataDirectory + " is in use", e);
        }
        throw new DataFolderInUse("The data folder " + dataDirectory + " is in use by another running instance "
                + "(its PostgreSQL has pid " + postmaster.pid() + "). Stop that instance first, or give this one "
                + "another data folder.");
    }

    /** Another running instance has the data folder: that instance is left alone, and this one does not start. */
    public static final class DataFolderInUse extends IllegalStateException {
        DataFolderInUse(String message) {
            super(message);
        }
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy(); // no kill command: a smart shutdown, which waits for connected sessions
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return server.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public DataSource superuser(String database) {
        return server.getDatabase("postgres", database);
    }

    /**
     * Runs {@code onStop} once when the server's main process ends other than by {@link #close()}: killed (by the
     * kernel out of memory, say) it is not started again, and every request would fail until the process that runs
     * it is restarted. Nothing when the server's process cannot be found.
     */
    public void whenStoppedUnexpectedly(Runnable onStop) {
        postmaster().ifPresent(postmaster -> postmaster.onExit().thenRun(() -> {
            if (!closing) {
                onStop.run();
            }
        }));
    }

    /** The server's main process, while it runs. */
    public Optional<ProcessHandle> postmaster() {
        return processNamedIn(dataDirectory);
    }

    /** The live process the folder's lock file names; none when there is no such file, or it names none alive. */
    private static Optional<ProcessHandle> processNamedIn(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve(PID_FILE));
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
