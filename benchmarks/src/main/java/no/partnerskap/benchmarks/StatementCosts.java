package no.partnerskap.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each statement cost PostgreSQL per command, from pg_stat_statements (benchmark option
 * {@code --statements}). Its times are wall-clock time in the planner and executor: on cores
 * shared with the load they include waiting for a CPU, and they leave out the protocol, the
 * commits and the WAL, which PostgreSQL's CPU per command holds as well. A trigger's statements
 * are counted on their own and within the statement that fired it.
 */
final class StatementCosts {

    /** Server settings for a PostgreSQL that counts statements, nested ones and planning included. */
    static final Map<String, String> SERVER_CONFIG = Map.of("shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.track", "all", "pg_stat_statements.track_planning", "on");
    static final String CREATE_EXTENSION = "create extension if not exists pg_stat_statements";
    static final String RESET = "select pg_stat_statements_reset()";

    private StatementCosts() {
    }

    /**
     * The 20 costliest statements of the given roles in the current database since the last reset,
     * each as "role: calls and milliseconds per command: the statement's first 160 characters".
     */
    static List<String> perCommand(Connection c, List<String> roles, long commands) throws SQLException {
        double n = Math.max(1, commands);
        List<String> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select r.rolname, s.toplevel, s.calls, s.total_exec_time + s.total_plan_time as ms, s.query
                from pg_stat_statements s join pg_roles r on r.oid = s.userid
                where s.dbid = (select oid from pg_database where datname = current_database())
                  and r.rolname = any (?)
                order by ms desc limit 20""")) {
            s.setArray(1, c.createArrayOf("text", roles.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String query = r.getString(5).replaceAll("\\s+", " ");
                    lines.add(String.format(Locale.ROOT, "%s%s: %.3f calls, %.3f ms per command: %s", r.getString(1),
                            r.getBoolean(2) ? "" : " (nested)", r.getLong(3) / n, r.getDouble(4) / n,
                            query.substring(0, Math.min(160, query.length()))));
                }
            }
        }
        return lines;
    }
}
