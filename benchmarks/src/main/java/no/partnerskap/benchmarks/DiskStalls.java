package no.partnerskap.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Watches the disk that holds PostgreSQL's data for stalls: spans in which a request (a write, a
 * flush) stayed in flight and none completed, from Linux's /proc/diskstats read every 5 ms. Every
 * commit waits for its WAL to reach the disk, so a stall holds every writer whatever the services
 * do; the run sets the stalls beside its slowest writes.
 */
final class DiskStalls implements AutoCloseable {

    /** A span of at least {@link #SHORTEST} in which the disk completed nothing it had been given. */
    record Stall(Instant start, long millis) {
    }

    static final long SHORTEST = 20;

    private static final Path DISKSTATS = Path.of("/proc/diskstats");

    private final String device;
    private final Detector detector = new Detector();
    private final Thread thread;

    private DiskStalls(String device) {
        this.device = device;
        this.thread = new Thread(this::watch, "disk-stalls");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching the disk holding {@code path}; empty where /proc/diskstats cannot tell (not Linux, tmpfs). */
    static Optional<DiskStalls> watch(Path path) {
        try {
            long dev = (Long) Files.getAttribute(path, "unix:dev");
            // glibc's gnu_dev_major and gnu_dev_minor
            long major = ((dev >> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
            long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
            return line(f -> Long.parseLong(f[0]) == major && Long.parseLong(f[1]) == minor)
                    .map(f -> new DiskStalls(f[2]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no device to watch here
        }
    }

    /** The fields of the first line of /proc/diskstats that {@code matches}: major, minor, name, counters. */
    private static Optional<String[]> line(Predicate<String[]> matches) throws IOException {
        for (String line : Files.readAllLines(DISKSTATS)) {
            String[] f = line.trim().split("\\s+");
            if (matches.test(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    String device() {
        return device;
    }

    private void watch() {
        try {
            while (true) {
                counters().ifPresent(now -> detector.observe(Instant.now(), now[0], now[1]));
                Thread.sleep(5);
            }
        } catch (InterruptedException closed) {
            // done
        }
    }

    /** Turns successive readings of the disk's counters into stalls. */
    static final class Detector {
        private final List<Stall> stalls = new ArrayList<>();
        private long lastCompleted = -1;
        private Instant lastProgress;

        synchronized void observe(Instant at, long completed, long inFlight) {
            if (lastCompleted < 0) {
                lastCompleted = completed;
                lastProgress = at;
            } else if (completed != lastCompleted || inFlight == 0) {
                long stalled = Duration.between(lastProgress, at).toMillis();
                if (completed != lastCompleted && stalled >= SHORTEST) {
                    stalls.add(new Stall(lastProgress, stalled));
                }
                lastCompleted = completed;
                lastProgress = at;
            }
        }

        /** The stalls seen so far, longest first. */
        synchronized List<Stall> longestFirst() {
            return stalls.stream().sorted(Comparator.comparingLong(Stall::millis).reversed()).toList();
        }
    }

    /** Requests completed (reads, writes, discards, flushes) and requests in flight; empty if unreadable. */
    private Optional<long[]> counters() {
        try {
            return line(f -> f[2].equals(device)).map(f -> {
                long completed = Long.parseLong(f[3]) + Long.parseLong(f[7]);
                if (f.length > 14) {
                    completed += Long.parseLong(f[14]);
                }
                if (f.length > 18) {
                    completed += Long.parseLong(f[18]);
                }
                return new long[] {completed, Long.parseLong(f[11])};
            });
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a torn read; the next one will do
        }
    }

    /** The stalls seen so far, longest first. */
    List<Stall> longestFirst() {
        return detector.longestFirst();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
