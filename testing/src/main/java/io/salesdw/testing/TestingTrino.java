package io.salesdw.testing;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A throwaway single-node Trino on loopback for one test class, with a Delta Lake catalog ({@code
 * delta_lake}) that can read any local lake, started and stopped by the project's own {@code
 * scripts/trino} (which installs the server from Maven Central when it is absent, and finds a JDK
 * 24+). Starting fails, never skips, when Trino cannot be had: the failure names the script's
 * message. {@code start} returns once the node has answered a real query.
 *
 * <pre>{@code
 * try (TestingTrino trino = TestingTrino.start()) {
 *   TrinoLakeRegistration.register(lake, trino.jdbcUrl(), trino.user(), "gold", false);
 * }
 * }</pre>
 */
public final class TestingTrino implements AutoCloseable {
  /** The script, relative to the repository root. */
  public static final String SCRIPT = "scripts/trino";

  // The first start downloads and unpacks the 800 MB server; later ones take 15-30 s.
  private static final long SCRIPT_TIMEOUT_MINUTES = 20;

  private final ProjectScript script;
  private final Path directory;
  private final String jdbcUrl;
  private final String user;
  private boolean closed;

  private TestingTrino(ProjectScript script, Path directory, Properties connection) {
    this.script = script;
    this.directory = directory;
    this.jdbcUrl = ProjectScript.property(connection, "jdbc_url", SCRIPT);
    this.user = ProjectScript.property(connection, "user", SCRIPT);
  }

  /**
   * Starts a new node with {@code scripts/trino start}, found by walking up from the working
   * directory.
   *
   * @throws IllegalStateException when the script is not found or fails (its output is included)
   */
  public static TestingTrino start() {
    ProjectScript script = ProjectScript.find(SCRIPT, SCRIPT_TIMEOUT_MINUTES);
    Path directory = ProjectScript.freshDirectory("salesdw-trino");
    return new TestingTrino(script, directory, script.start(directory));
  }

  /** {@code jdbc:trino://127.0.0.1:<port>/delta_lake}. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** The user the node's clients sign in as (no password: the node is on loopback only). */
  public String user() {
    return user;
  }

  /** A new connection to the Delta Lake catalog; the caller closes it. */
  public Connection connect() throws SQLException {
    requireNonNull(jdbcUrl);
    Properties properties = new Properties();
    properties.setProperty("user", user);
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  /** Stops the node and removes its files ({@code scripts/trino stop}). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    script.stop(directory);
  }
}
