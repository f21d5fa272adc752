package no.partnerskap.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

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
     * CPU time of a PostgreSQL server: the postmaster, the backends it has reaped and the ones
     * still running, in nanoseconds.
     */
    static OptionalLong ofPostgres(Path dataDirectory) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            OptionalLong own = ticks(postmaster, true);
            if (own.isEmpty()) {
                return OptionalLong.empty();
            }
            long total = own.getAsLong() + ProcessHandle.of(postmaster).stream()
                    .flatMap(ProcessHandle::descendants)
                    .mapToLong(child -> ticks(child.pid(), false).orElse(0)).sum();
            return OptionalLong.of(total * NANOS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
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
