package no.partnerskap.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcPauseTest {

    /** Run in a JVM of its own: one full collection, nothing else. */
    public static void main(String[] args) {
        System.gc();
    }

    @Test
    void readsThePausesAJvmLogsWithTheirWallClockTime(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("gc.log");
        Instant before = Instant.now();
        Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                Service.gcLogOption(log), "-cp", System.getProperty("java.class.path"), GcPauseTest.class.getName())
                .inheritIO().start();
        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS));
        Instant after = Instant.now();

        List<String> lines = Files.readAllLines(log);
        List<Service.GcPause> pauses = lines.stream().map(Service.GcPause::parse).flatMap(Optional::stream).toList();

        assertEquals(1, pauses.size(), String.join("\n", lines));
        Service.GcPause pause = pauses.get(0);
        // the log's times have milliseconds; the interval's ends are rounded outwards to match
        assertFalse(pause.end().isBefore(before.minusMillis(1)), pause + " before the JVM started at " + before);
        assertFalse(pause.end().isAfter(after.plusMillis(1)), pause + " after the JVM ended at " + after);
        assertTrue(pause.millis() > 0 && pause.millis() < 10_000, pause.toString());
    }

    @Test
    void leavesOutWhatIsNoPause() {
        assertEquals(Optional.empty(), Service.GcPause.parse("[2026-11-28T15:15:41.769+0000][0.025s][info][gc] Using G1"));
        assertEquals(Optional.empty(), Service.GcPause.parse("[0.704s][info][gc] GC(0) Pause Young (Normal) "
                + "(G1 Evacuation Pause) 6M->3M(64M) 8.825ms"));
        assertEquals(Optional.of(new Service.GcPause(Instant.parse("2026-11-28T15:15:42.448Z"), 8.825, 6L << 20)),
                Service.GcPause.parse("[2026-11-28T15:15:42.448+0000][0.704s][info][gc] GC(0) Pause Young (Normal) "
                        + "(G1 Evacuation Pause) 6M->3M(64M) 8.825ms"));
    }
}
