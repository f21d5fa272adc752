package no.partnerskap.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

/** One service as its own operating-system process, started from its executable jar. */
final class Service implements AutoCloseable {

    final String name;
    final int port;
    private final Path jar;
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

    Service(String name, Path jar, List<String> args, Path logDirectory) {
        this.name = name;
        this.jar = jar;
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
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Xlog:gc:file=" + gcLog, "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
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

    private static final Pattern GC_PAUSE = Pattern.compile("Pause.* (\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");

    /**
     * The most heap in use at any time so far, in bytes: what was in use when a collection began,
     * read from the JVM's own GC log (heap only grows between collections). Costs the service nothing.
     */
    OptionalLong peakHeapBytes() {
        long peak = earlierPeakHeap;
        if (gcLog == null) {
            return OptionalLong.empty();
        }
        // the JVM rotates its GC log into name.0, name.1, ... when it grows large
        for (int i = -1; i < 5; i++) {
            Path file = i < 0 ? gcLog : gcLog.resolveSibling(gcLog.getFileName() + "." + i);
            if (!Files.exists(file)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                peak = Math.max(peak, lines.map(GC_PAUSE::matcher).filter(Matcher::find)
                        .mapToLong(m -> Long.parseLong(m.group(1)) << switch (m.group(2)) {
                            case "K" -> 10;
                            case "M" -> 20;
                            default -> 30;
                        }).max().orElse(-1));
            } catch (IOException | UncheckedIOException e) {
                System.err.println("could not read " + file + ": " + e);
            }
        }
        return peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak);
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
