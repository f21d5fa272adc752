package no.partnerskap.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class CompilerThreadsTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void reads_the_cpu_this_jvms_compilers_used() {
        // the test JVM has compiled its way through Maven's and JUnit's start-up by now
        long nanos = CompilerThreads.cpu(SELF).orElseThrow();
        assertTrue(nanos > 0, "compiler CPU " + nanos + " ns");
        assertTrue(nanos < CpuTime.of(SELF).orElseThrow(), "a part of the process's CPU");
    }

    @Test
    void renices_the_compiler_threads_and_no_other() throws IOException {
        // a lower priority needs no privilege; going back to 0 may be refused, which does this JVM no harm
        assertTrue(CompilerThreads.renice(SELF, 5));
        try {
            List<Path> threads = threads();
            List<Path> compilers = threads.stream().filter(t -> name(t).matches("C[12] CompilerThre.*")).toList();
            assertFalse(compilers.isEmpty());
            int others = nice(Path.of("/proc", Long.toString(SELF)));
            for (Path thread : threads) {
                if (Files.exists(thread)) { // threads may end meanwhile
                    assertEquals(compilers.contains(thread) ? 5 : others, nice(thread), name(thread));
                }
            }
        } finally {
            CompilerThreads.renice(SELF, 0);
        }
    }

    @Test
    void a_process_that_is_gone_has_no_compilers() {
        assertTrue(CompilerThreads.cpu(Long.MAX_VALUE).isEmpty());
        assertFalse(CompilerThreads.renice(Long.MAX_VALUE, 0));
    }

    private static List<Path> threads() throws IOException {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(SELF), "task"))) {
            return threads.toList();
        }
    }

    private static String name(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static int nice(Path thread) throws IOException {
        String stat = Files.readString(thread.resolve("stat"));
        // after the name: state(0) ... priority(15) nice(16)
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
