package no.partnerskap.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * CPU time used by a process (user + system), from Linux's /proc, so that a phase's CPU can be
 * shared out between the services, PostgreSQL and the load generator on the same cores.
 */
final class CpuTime {

    /** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every common architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuTime() {
    }

    /** CPU time of one process and its threads, in nanoseconds. */
    static OptionalLong of(long pid) {
        return of(Path.of("/proc", Long.toString(pid)));
    }

    /** CPU time of a process or of one thread ({@code /proc/<pid>/task/<tid>}), in nanoseconds. */
    static OptionalLong of(Path proc) {
        OptionalLong ticks = ticks(proc, false);
        return ticks.isPresent() ? OptionalLong.of(ticks.getAsLong() * NANOS_PER_TICK) : OptionalLong.empty();
    }

    /**
     * CPU time of a PostgreSQL server shared out by whom it worked for, in nanoseconds: each client
     * backend under its role's name (its process title reads "postgres: role database host state"),
     * every other process (postmaster, WAL writer, checkpointer, autovacuum, and the backends it has
     * reaped) under {@link #POSTGRES_OTHER}.
     */
    static Optional<Map<String, Long>> ofPostgres(Path dataDirectory, Set<String> roles) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            OptionalLong own = ticks(postmaster, true);
            if (own.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Long> byRole = new TreeMap<>(Map.of(POSTGRES_OTHER, own.getAsLong() * NANOS_PER_TICK));
            ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants).forEach(child -> {
                String role = roleOf(title(child.pid()));
                byRole.merge(roles.contains(role) ? role : POSTGRES_OTHER,
                        ticks(child.pid(), false).orElse(0) * NANOS_PER_TICK, Long::sum);
            });
            return Optional.of(byRole);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static final String POSTGRES_OTHER = "other";

    /** The role a PostgreSQL process title names ("postgres: role database ..."), or "" for none. */
    static String roleOf(String title) {
        String[] words = title.trim().split("\\s+");
        return words.length >= 3 && words[0].equals("postgres:") ? words[1] : "";
    }

    private static String title(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** CPU time of this JVM, in nanoseconds. */
    static long ofThisProcess() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static OptionalLong ticks(long pid, boolean withReapedChildren) {
        return ticks(Path.of("/proc", Long.toString(pid)), withReapedChildren);
    }

    /** From the stat file of a process or of one thread. */
    private static OptionalLong ticks(Path proc, boolean withReapedChildren) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // the command name in parentheses may hold spaces; the fields after it are plain numbers
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // after the name: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withReapedChildren) {
                t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return OptionalLong.of(t);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
