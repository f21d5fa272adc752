package no.partnerskap.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A JVM's JIT compiler threads (HotSpot's "C1 CompilerThread<i>n</i>" and "C2 CompilerThread<i>n</i>"),
 * from Linux's /proc: how much of a phase's CPU went to compiling rather than to the work measured,
 * and their scheduling priority. On two cores under full load a compiler thread gets about as much
 * CPU as any one of the dozens of request and database threads, so a service keeps compiling, and
 * runs the slower code it profiles with meanwhile, for minutes.
 */
final class CompilerThreads {

    private CompilerThreads() {
    }

    /**
     * CPU time of the JVM's compiler threads, in nanoseconds. A compiler thread that has exited
     * since (HotSpot may stop idle ones) takes its time with it, so read this across a phase of
     * work, not of idleness.
     */
    static OptionalLong cpu(long pid) {
        try {
            return OptionalLong.of(of(pid).stream().mapToLong(t -> CpuTime.of(t).orElse(0)).sum());
        } catch (IOException | UncheckedIOException e) {
            return OptionalLong.empty(); // not on Linux, or the process is gone
        }
    }

    /**
     * Sets the nice value of the JVM's compiler threads (negative: ahead of the request threads;
     * needs the right to, as root has); false if it could not.
     */
    static boolean renice(long pid, int nice) {
        try {
            List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
            of(pid).forEach(thread -> command.add(thread.getFileName().toString()));
            if (command.size() == 4) {
                return false;
            }
            Process renice = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0;
        } catch (IOException | UncheckedIOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The compiler threads' folders under {@code /proc/<pid>/task}. */
    private static List<Path> of(long pid) throws IOException {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            // /proc keeps the first 15 bytes of a thread's name
            return threads.filter(t -> name(t).matches("C[12] CompilerThre.*")).toList();
        }
    }

    private static String name(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the thread has ended
        }
    }
}
