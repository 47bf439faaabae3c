package org.portal.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a test run a database of its own on a real PostgreSQL server and drops it afterwards, so runs
 * never see each other's rows and leave nothing behind. Flyway builds the schema when Quarkus starts.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public Map<String, String> start() {
        database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + database);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", TestEnvironment.pgUser(),
                "quarkus.datasource.password", TestEnvironment.pgPassword());
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static String jdbcUrl(String name) {
        return "jdbc:postgresql://" + TestEnvironment.pgHost() + ":" + TestEnvironment.pgPort() + "/" + name;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), TestEnvironment.pgUser(),
                TestEnvironment.pgPassword()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + TestEnvironment.pgHost() + ":" + TestEnvironment.pgPort()
                    + " is needed for the tests (user " + TestEnvironment.pgUser()
                    + ", CREATEDB); start it with deploy/local/infra.sh or set PORTAL_TEST_PG_*: " + e.getMessage(), e);
        }
    }
}
