package no.partnerskap.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import no.partnerskap.localpostgres.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCostsTest {

    @Test
    void counts_each_roles_statements_per_command_and_leaves_out_other_roles(@TempDir Path data) throws Exception {
        try (LocalPostgres postgres = LocalPostgres.startDurable(data, 0, StatementCosts.SERVER_CONFIG)) {
            try (Connection admin = postgres.superuser("postgres").getConnection(); Statement s = admin.createStatement()) {
                s.execute(StatementCosts.CREATE_EXTENSION);
                s.execute("create role writer login password 'writer'");
                s.execute("create table notes (id int)");
                s.execute("grant insert on notes to writer");
                s.execute(StatementCosts.RESET);
                s.execute("select count(*) from pg_class"); // the superuser's own: not listed
            }
            try (Connection writer = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "writer", "writer");
                 PreparedStatement insert = writer.prepareStatement("insert into notes (id) values (?)")) {
                for (int i = 0; i < 40; i++) {
                    insert.setInt(1, i);
                    insert.executeUpdate();
                }
            }
            try (Connection admin = postgres.superuser("postgres").getConnection()) {
                List<String> lines = StatementCosts.perCommand(admin, List.of("writer"), 20);

                // the costliest first; the driver's own SET at connecting may follow
                assertTrue(lines.get(0).matches("writer: 2\\.000 calls, [0-9.]+ ms per command: "
                        + "insert into notes \\(id\\) values \\(\\$1\\)"), lines.toString());
                assertTrue(lines.stream().allMatch(line -> line.startsWith("writer: ")), lines.toString());
            }
        }
    }
}
