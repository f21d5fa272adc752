package no.partnerskap.localpostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What an administrator does once per installation, before the services run their own Flyway
 * migrations: the database, one login role per service, and the schema each service owns.
 * The projection role gets no write access to the event store; commitment-service's
 * migrations grant it SELECT on the event tables only. docker/postgres/init-roles.sh does the
 * same for docker-compose.
 */
public final class DatabaseBootstrap {

    public static final String DATABASE = "partnerships";
    public static final String COMMITMENT_ROLE = "commitment_service";
    public static final String PROJECTION_ROLE = "projection_service";
    public static final String EVENT_STORE_SCHEMA = "event_store";
    public static final String PROJECTION_SCHEMA = "projection";

    private DatabaseBootstrap() {
    }

    /**
     * @param server     superuser connection to the server's {@code postgres} database
     * @param database   superuser connection factory for the application database
     */
    public static void apply(DataSource server, java.util.function.Function<String, DataSource> database,
                             String databaseName, String commitmentPassword, String projectionPassword) {
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            createRole(c, COMMITMENT_ROLE, commitmentPassword);
            createRole(c, PROJECTION_ROLE, projectionPassword);
            if (!exists(c, "select 1 from pg_database where datname = ?", databaseName)) {
                s.execute("create database " + quote(databaseName));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create roles and database", e);
        }
        try (Connection c = database.apply(databaseName).getConnection(); Statement s = c.createStatement()) {
            s.execute("revoke create on schema public from public");
            s.execute("create schema if not exists " + EVENT_STORE_SCHEMA + " authorization " + COMMITMENT_ROLE);
            s.execute("create schema if not exists " + PROJECTION_SCHEMA + " authorization " + PROJECTION_ROLE);
            s.execute("grant usage on schema " + EVENT_STORE_SCHEMA + " to " + PROJECTION_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schemas", e);
        }
    }

    private static void createRole(Connection c, String role, String password) throws SQLException {
        try (Statement s = c.createStatement()) {
            String verb = exists(c, "select 1 from pg_roles where rolname = ?", role) ? "alter" : "create";
            s.execute(verb + " role " + role + " login password " + literal(password));
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    private static String quote(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain identifier: " + identifier);
        }
        return identifier;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
