package no.partnerskap.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import no.partnerskap.localpostgres.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class CpuTimeTest {

    @Test
    void reads_the_role_from_a_backends_process_title() {
        assertEquals("commitment_service", CpuTime.roleOf("postgres: commitment_service partnerships 127.0.0.1(56264) idle "));
        assertEquals("", CpuTime.roleOf("postgres: checkpointer "));
        assertEquals("", CpuTime.roleOf("/usr/lib/postgresql/bin/postgres -D /data"));
    }

    @Test
    void shares_postgresqls_cpu_out_by_the_role_it_worked_for() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.startForTests()) {
            try (Connection admin = postgres.superuser("postgres").getConnection(); Statement s = admin.createStatement()) {
                s.execute("create role busy login password 'busy'");
                s.execute("create role idle login password 'idle'");
            }
            try (Connection busy = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "busy", "busy");
                 Connection idle = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "idle", "idle")) {
                Map<String, Long> before = CpuTime.ofPostgres(postgres.dataDirectory(), Set.of("busy", "idle")).orElseThrow();
                try (Statement s = busy.createStatement()) {
                    s.execute("select count(*) from generate_series(1, 5000000)");
                }
                Map<String, Long> after = CpuTime.ofPostgres(postgres.dataDirectory(), Set.of("busy", "idle")).orElseThrow();

                assertTrue(after.get("busy") - before.getOrDefault("busy", 0L) >= 50_000_000L,
                        "the busy role's backend counted its work: " + before + " -> " + after);
                assertEquals(before.get("idle"), after.get("idle"), "the idle role's backend did nothing");
                assertTrue(after.get(CpuTime.POSTGRES_OTHER) > 0, "the postmaster and its helpers: " + after);
            }
        }
    }
}
