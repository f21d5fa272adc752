package no.partnerskap.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One service as its own operating-system process, started from its executable jar. */
final class Service implements AutoCloseable {

    final String name;
    final int port;
    private final Path jar;
    private final List<String> jvmOptions;
    private final List<String> args;
    private final List<String> extraArgs = new ArrayList<>();
    private final Path log;
    private final Path logDirectory;
    /** This run's GC log: each start of the service writes its own, so a restart keeps the earlier one. */
    private Path gcLog;
    private int starts;
    private Process process;
    /** The peak before a restart, whose GC log is the earlier run's. */
    private long earlierPeakHeap = -1;
    private long earlierPeakRssKb = -1;

    Service(String name, Path jar, List<String> jvmOptions, List<String> args, Path logDirectory) {
        this.name = name;
        this.jar = jar;
        this.jvmOptions = jvmOptions;
        this.args = args;
        this.port = freePort();
        this.log = logDirectory.resolve(name + ".log");
        this.logDirectory = logDirectory;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Service start() throws InterruptedException {
        earlierPeakHeap = peakHeapBytes().orElse(-1);
        earlierPeakRssKb = peakRssKb().orElse(-1L);
        starts++;
        gcLog = logDirectory.resolve(starts == 1 ? name + "-gc.log" : name + "-gc-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", gcLogOption(gcLog)));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(args);
        command.addAll(extraArgs);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Http http = new Http(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.get("/actuator/health", null).body().contains("\"UP\"")) {
                    return this;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not come up in 180 s; see " + log);
    }

    /** Stops the process and starts it again on the same port, with these options added. */
    Service restartWith(List<String> options) throws InterruptedException {
        long rss = peakRssKb().orElse(-1L);
        close();
        extraArgs.clear();
        extraArgs.addAll(options);
        start();
        earlierPeakRssKb = Math.max(earlierPeakRssKb, rss);
        return this;
    }

    /** Peak resident memory (VmHWM) in kB, over this and earlier runs of the service. */
    Optional<Long> peakRssKb() {
        long now = process == null ? -1 : procStatusKb("VmHWM").orElse(-1L);
        long peak = Math.max(now, earlierPeakRssKb);
        return peak < 0 ? Optional.empty() : Optional.of(peak);
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The JVM's pid: the process itself, or its java child when started through a wrapper. */
    long jvmPid() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .map(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    /** A line of /proc/PID/status in kB, e.g. VmHWM (peak RSS) or VmRSS. */
    Optional<Long> procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(jvmPid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not on Linux, or gone
        }
        return Optional.empty();
    }

    /**
     * The most heap in use at any time so far, in bytes: what was in use when a collection began,
     * read from the JVM's own GC log (heap only grows between collections). Costs the service nothing.
     */
    OptionalLong peakHeapBytes() {
        long peak = Math.max(earlierPeakHeap, pauses().mapToLong(GcPause::heapBeforeBytes).max().orElse(-1));
        return peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak);
    }

    /** The JVM's GC log, each line with its wall-clock time, so that a pause can be placed in a measured phase. */
    static String gcLogOption(Path file) {
        return "-Xlog:gc:file=" + file + ":utctime,uptime,level,tags";
    }

    /** The collections of this run of the service that ended between {@code from} and {@code to}. */
    List<GcPause> gcPauses(Instant from, Instant to) {
        return pauses().filter(p -> !p.end().isBefore(from) && p.end().isBefore(to)).toList();
    }

    private Stream<GcPause> pauses() {
        return gcLogLines().stream().map(GcPause::parse).flatMap(Optional::stream);
    }

    /**
     * One stop-the-world pause: when it ended (the log line's time), how long it took, and how much
     * heap was in use when it began.
     */
    record GcPause(Instant end, double millis, long heapBeforeBytes) {

        private static final Pattern LINE = Pattern.compile(
                "^\\[([^\\]]+)\\].* Pause .* (\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\) (\\d+(?:\\.\\d+)?)ms$");
        private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

        static Optional<GcPause> parse(String line) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                return Optional.empty();
            }
            long heapBefore = Long.parseLong(m.group(2)) << switch (m.group(3)) {
                case "K" -> 10;
                case "M" -> 20;
                default -> 30;
            };
            try {
                return Optional.of(new GcPause(OffsetDateTime.parse(m.group(1), UTC_TIME).toInstant(),
                        Double.parseDouble(m.group(4)), heapBefore));
            } catch (DateTimeParseException notDecorated) {
                return Optional.empty();
            }
        }
    }

    /** This run's GC log, the files the JVM rotated it into (name.0, name.1, ...) first. */
    private List<String> gcLogLines() {
        List<String> lines = new ArrayList<>();
        if (gcLog == null) {
            return lines;
        }
        for (int i = 4; i >= -1; i--) {
            Path file = i < 0 ? gcLog : gcLog.resolveSibling(gcLog.getFileName() + "." + i);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                lines.addAll(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                System.err.println("could not read " + file + ": " + e);
            }
        }
        return lines;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
