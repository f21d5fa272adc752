package no.partnerskap.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiskStallsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void a_request_in_flight_with_nothing_completing_is_a_stall_from_the_last_completion() {
        DiskStalls.Detector disk = new DiskStalls.Detector();
        disk.observe(at(0), 100, 1);
        disk.observe(at(5), 101, 1);
        for (long t = 10; t < 800; t += 5) {
            disk.observe(at(t), 101, 1);
        }
        disk.observe(at(805), 140, 0);

        assertEquals(List.of(new DiskStalls.Stall(at(5), 800)), disk.longestFirst());
    }

    @Test
    void a_busy_disk_that_keeps_completing_or_an_idle_one_has_no_stall() {
        DiskStalls.Detector disk = new DiskStalls.Detector();
        long completed = 0;
        for (long t = 0; t < 500; t += 5) {
            disk.observe(at(t), completed += 3, 4);
        }
        for (long t = 500; t < 1000; t += 5) {
            disk.observe(at(t), completed, 0);
        }
        disk.observe(at(1000), completed + 1, 0);

        assertEquals(List.of(), disk.longestFirst());
    }

    @Test
    void stalls_shorter_than_the_threshold_are_not_counted_and_the_rest_come_longest_first() {
        DiskStalls.Detector disk = new DiskStalls.Detector();
        disk.observe(at(0), 1, 1);
        disk.observe(at(15), 2, 1);
        disk.observe(at(60), 3, 1);
        disk.observe(at(200), 4, 1);

        assertEquals(List.of(new DiskStalls.Stall(at(60), 140), new DiskStalls.Stall(at(15), 45)),
                disk.longestFirst());
    }

    @Test
    void finds_the_disk_a_folder_is_on_where_linux_tells() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/diskstats")), "Linux only");
        Path folder = Files.createTempDirectory("disk-stalls");
        Optional<DiskStalls> watched = DiskStalls.watch(folder);
        // a folder on tmpfs or overlay has no block device of its own: then there is nothing to watch
        String source = Files.getFileStore(folder).name();
        assumeTrue(source.startsWith("/dev/"), "on a block device");
        try (DiskStalls disk = watched.orElseThrow()) {
            assertTrue(source.endsWith(disk.device()), source + " is not on " + disk.device());
        } finally {
            Files.delete(folder);
        }
    }
}
