package no.partnerskap.localpostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The data folder and the port of a running instance are its own: a second start there leaves them alone. */
class LocalPostgresTest {

    /** Before, the second server could not listen, and the start took the first one's database for its own. */
    @Test
    void a_start_on_a_port_in_use_is_refused_and_uses_nothing_there() throws Exception {
        Path first = Files.createTempDirectory("partnerships-local-pg");
        Path second = Files.createTempDirectory("partnerships-local-pg");
        try (LocalPostgres running = LocalPostgres.startDurable(first, 0)) {
            assertThatThrownBy(() -> LocalPostgres.startDurable(second, running.port()))
                    .isInstanceOf(PortInUse.class)
                    .hasMessageContaining("Port " + running.port()).hasMessageContaining("--db-port");
            try (Connection connection = running.superuser("postgres").getConnection();
                 ResultSet answer = connection.createStatement().executeQuery("show data_directory")) {
                assertThat(answer.next()).isTrue();
                assertThat(Path.of(answer.getString(1)).toRealPath()).isEqualTo(first.toRealPath());
            }
        }
    }

    @Test
    void a_second_start_on_a_folder_in_use_is_refused_and_the_running_server_keeps_serving() throws Exception {
        Path folder = Files.createTempDirectory("partnerships-local-pg");
        try (LocalPostgres running = LocalPostgres.startDurable(folder, 0)) {
            assertThatThrownBy(() -> LocalPostgres.startDurable(folder, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another running instance");
            try (Connection connection = running.superuser("postgres").getConnection();
                 ResultSet answer = connection.createStatement().executeQuery("select 1")) {
                assertThat(answer.next()).isTrue();
                assertThat(answer.getInt(1)).isEqualTo(1);
            }
        }
    }

    /** After a reboot the lock file's pid is another program's: the file is stale, that program is left alone. */
    @Test
    void a_lock_file_naming_a_program_that_is_no_postgresql_is_removed_and_the_program_left_running()
            throws Exception {
        Path folder = Files.createTempDirectory("stale-pid");
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(folder.resolve("postmaster.pid"), other.pid() + "\n" + folder + "\n1700000000\n45432\n");
            LocalPostgres.stopOrphanedServer(folder);
            assertThat(folder.resolve("postmaster.pid")).doesNotExist();
            assertThat(other.isAlive()).isTrue();
        } finally {
            other.destroy();
        }
    }

    /** A server killed (out of memory, say) is not started again: whoever runs it is told, and a close is no such stop. */
    @Test
    void a_server_that_stops_unexpectedly_is_reported_and_one_closed_is_not() throws Exception {
        Path folder = Files.createTempDirectory("watched");
        CountDownLatch killed = new CountDownLatch(1);
        LocalPostgres server = LocalPostgres.startDurable(folder.resolve("postgres"), 0);
        try {
            server.whenStoppedUnexpectedly(killed::countDown);
            ProcessHandle postmaster = server.postmaster().orElseThrow();
            postmaster.destroyForcibly();
            assertThat(killed.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.close();
        }
        CountDownLatch closed = new CountDownLatch(1);
        LocalPostgres again = LocalPostgres.startDurable(folder.resolve("postgres"), 0);
        again.whenStoppedUnexpectedly(closed::countDown);
        ProcessHandle postmaster = again.postmaster().orElseThrow();
        again.close();
        postmaster.onExit().get(20, TimeUnit.SECONDS);
        assertThat(closed.await(2, TimeUnit.SECONDS)).isFalse();
    }

    /** A start that cannot be made says so in a line naming the folder and the reason, for the launcher to print. */
    @Test
    void a_start_that_cannot_be_made_says_where_and_why() throws Exception {
        Path notAFolder = Files.createTempFile("not-a-folder", ".txt");
        assertThatThrownBy(() -> LocalPostgres.startDurable(notAFolder, 0))
                .isInstanceOf(LocalPostgres.NotStarted.class)
                .hasMessageStartingWith("could not start PostgreSQL in " + notAFolder + ": ");
    }

    /** A lock file naming another folder's PostgreSQL (its pid, reused after a reboot) leaves that server running. */
    @Test
    void a_lock_file_naming_another_folders_postgresql_is_removed_and_that_server_left_running() throws Exception {
        Path folder = Files.createTempDirectory("other");
        LocalPostgres other = LocalPostgres.startDurable(folder.resolve("theirs"), 0);
        try {
            Path mine = Files.createDirectories(folder.resolve("mine"));
            long theirs = other.postmaster().orElseThrow().pid();
            Files.writeString(mine.resolve("postmaster.pid"), theirs + "\n" + mine + "\n1700000000\n45432\n");
            LocalPostgres.stopOrphanedServer(mine);
            assertThat(mine.resolve("postmaster.pid")).doesNotExist();
            assertThat(other.postmaster()).isPresent();
            try (Connection connection = other.superuser("postgres").getConnection();
                 ResultSet answer = connection.createStatement().executeQuery("select 1")) {
                assertThat(answer.next()).isTrue();
            }
        } finally {
            other.close();
        }
    }
}
