package io.salesdw.testing;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A throwaway PostgreSQL on loopback for one test class, started and stopped by the project's own
 * {@code scripts/postgres} (which installs PostgreSQL when it is absent). Starting fails, never
 * skips, when PostgreSQL cannot be had: the failure names the script's message.
 *
 * <pre>{@code
 * try (TestingPostgres postgres = TestingPostgres.start()) {
 *   postgres.load(Path.of("out/erp/erp.sql"));
 *   long orders = postgres.queryLong("SELECT count(*) FROM orders");
 * }
 * }</pre>
 */
public final class TestingPostgres implements AutoCloseable {
  /** The script, relative to the repository root. */
  public static final String SCRIPT = "scripts/postgres";

  private static final long SCRIPT_TIMEOUT_MINUTES = 10;

  private final ProjectScript script;
  private final Path directory;
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String database;
  private final Path binDirectory;
  private boolean closed;

  private TestingPostgres(ProjectScript script, Path directory, Properties connection) {
    this.script = script;
    this.directory = directory;
    this.host = property(connection, "host");
    this.port = Integer.parseInt(property(connection, "port"));
    this.user = property(connection, "user");
    this.password = property(connection, "password");
    this.database = property(connection, "database");
    this.binDirectory = Path.of(property(connection, "bin_dir"));
  }

  /**
   * Starts a new cluster with {@code scripts/postgres start}, found by walking up from the working
   * directory.
   *
   * @throws IllegalStateException when the script is not found or fails (its output is included)
   */
  public static TestingPostgres start() {
    ProjectScript script = ProjectScript.find(SCRIPT, SCRIPT_TIMEOUT_MINUTES);
    Path directory = ProjectScript.freshDirectory("salesdw-postgres");
    return new TestingPostgres(script, directory, script.start(directory));
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/postgres}, without credentials. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The superuser; over TCP it signs in with {@link #password()} (scram-sha-256). */
  public String user() {
    return user;
  }

  /** The superuser's password, random per cluster. */
  public String password() {
    return password;
  }

  public String database() {
    return database;
  }

  /** A new connection as {@link #user()}; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }

  /**
   * Runs a SQL file with {@code psql -v ON_ERROR_STOP=1 -f}, over TCP on loopback.
   *
   * @throws IllegalStateException when psql fails (its output is included)
   */
  public void load(Path sqlFile) {
    requireNonNull(sqlFile, "sqlFile is null");
    ProjectScript.command(
        List.of(
            binDirectory.resolve("psql").toString(),
            "-X",
            "-q",
            "-h",
            host,
            "-p",
            Integer.toString(port),
            "-U",
            user,
            "-d",
            database,
            "-v",
            "ON_ERROR_STOP=1",
            "-f",
            sqlFile.toAbsolutePath().toString()),
        Map.of("PGPASSWORD", password),
        SCRIPT_TIMEOUT_MINUTES);
  }

  /** Executes statements (separated by semicolons) in one JDBC call, auto-committed. */
  public void execute(String sql) {
    requireNonNull(sql, "sql is null");
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /** The rows of a query, each value as JDBC's {@code getObject} gives it. */
  public List<List<Object>> query(String sql) {
    requireNonNull(sql, "sql is null");
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /** The single number a query such as {@code SELECT count(*) FROM orders} returns. */
  public long queryLong(String sql) {
    List<List<Object>> rows = query(sql);
    if (rows.size() != 1 || rows.get(0).size() != 1 || !(rows.get(0).get(0) instanceof Number)) {
      throw new IllegalStateException("expected one number from " + sql + ", got " + rows);
    }
    return ((Number) rows.get(0).get(0)).longValue();
  }

  /** Stops the cluster and removes its files ({@code scripts/postgres stop}). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    script.stop(directory);
  }

  private static String property(Properties connection, String key) {
    return ProjectScript.property(connection, key, SCRIPT);
  }
}
