package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryLimits;
import io.salesdw.semantic.access.QueryRefusals;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.calcite.sql.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scale-out engine: a Trino cluster reading the lake's Delta tables through its Delta Lake
 * connector, reached over Trino JDBC. The lake's tables must be registered in the catalog under
 * their zone as schema ({@code gold/fact_order} is {@code delta_lake.gold.fact_order}); {@link
 * TrinoLakeRegistration} does that.
 *
 * <p>Trino resolves each table's snapshot itself, when the query starts: it reads the current
 * version, which is the one the layer validated against unless a commit landed in between. The
 * versions {@link #refresh} returns are the lake's latest, read at that moment.
 *
 * <p>Timestamps: Trino reads a Delta {@code timestamp} as {@code timestamp(3) with time zone};
 * results hold it as an {@code Instant}, as the in-process engine does, but to the millisecond.
 *
 * <p>Thread-safe: each query has its own statement on the shared connection, as Trino JDBC allows.
 */
public final class TrinoEngine implements SqlEngine {
  private static final Logger LOG = LoggerFactory.getLogger(TrinoEngine.class);

  private final Lake lake;
  private final String url;
  private final String catalog;
  private final Connection connection;
  // Tables known to be registered: checked once, then trusted (a table unregistered later fails
  // in Trino with its own "does not exist" error).
  private final Set<String> registered = new TreeSet<>();
  private final ScheduledExecutorService watchdog;
  private volatile boolean closed;

  private TrinoEngine(Lake lake, String url, String catalog, Connection connection) {
    this.lake = lake;
    this.url = url;
    this.catalog = catalog;
    this.connection = connection;
    this.watchdog = RunningStatement.watchdog("trino");
  }

  /**
   * Connects to Trino at {@code url} ({@code jdbc:trino://host:port/catalog}, the catalog being the
   * Delta Lake one the lake is registered in) as {@code user}.
   *
   * @throws SalesdwException if the URL names no catalog or Trino cannot be reached
   */
  public static TrinoEngine connect(Lake lake, String url, String user) {
    requireNonNull(lake, "lake is null");
    requireNonNull(url, "url is null");
    requireNonNull(user, "user is null");
    TrinoJdbcUrl parsed = TrinoJdbcUrl.parse(url);
    Properties properties = new Properties();
    properties.setProperty("user", user);
    try {
      Connection connection = DriverManager.getConnection(parsed.url(), properties);
      try (Statement statement = connection.createStatement();
          ResultSet resultSet = statement.executeQuery("SELECT 1")) {
        resultSet.next();
      }
      return new TrinoEngine(lake, parsed.url(), parsed.catalog(), connection);
    } catch (SQLException e) {
      throw TrinoErrors.cannotConnect(url, e);
    }
  }

  /** The JDBC URL this engine reads through. */
  public String url() {
    return url;
  }

  /** The Delta Lake catalog the lake's tables are registered in. */
  public String catalog() {
    return catalog;
  }

  @Override
  public SqlDialect dialect() {
    return TrinoDialect.INSTANCE;
  }

  @Override
  public Map<String, Long> refresh(Set<String> tableNames) {
    requireNonNull(tableNames, "tableNames is null");
    checkOpen();
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String table : new TreeSet<>(tableNames)) {
      checkRegistered(table);
      versions.put(table, lake.latestVersion(table));
    }
    return versions;
  }

  private void checkRegistered(String table) {
    synchronized (registered) {
      if (registered.contains(table)) {
        return;
      }
      registered.addAll(TrinoLakeRegistration.registeredTables(connection, catalog));
      if (!registered.contains(table)) {
        throw TrinoErrors.notRegistered(catalog, table, lake.root().toString());
      }
    }
  }

  @Override
  public QueryResult execute(String sql) {
    return execute(sql, QueryLimits.none(), new QueryCancellation());
  }

  /**
   * Runs a query within its limits. Trino runs queries side by side, so the timeout is the query's
   * own; on a timeout or a cancel the statement is cancelled, which cancels the query in Trino.
   */
  @Override
  public QueryResult execute(String sql, QueryLimits limits, QueryCancellation cancellation) {
    requireNonNull(sql, "sql is null");
    requireNonNull(limits, "limits is null");
    requireNonNull(cancellation, "cancellation is null");
    long deadline = RunningStatement.deadline(limits);
    checkOpen();
    if (cancellation.isCancelled()) {
      throw QueryRefusals.cancelled();
    }
    try (Statement statement = connection.createStatement();
        RunningStatement running =
            RunningStatement.watch(statement, deadline, limits, cancellation, watchdog)) {
      if (limits.maxRows() < Long.MAX_VALUE) {
        // One row more than allowed tells a result too large; Trino stops sending there.
        statement.setLargeMaxRows(limits.maxRows() + 1);
      }
      try {
        return read(statement, sql, running);
      } catch (SQLException e) {
        running.checkNotStopped();
        throw e;
      }
    } catch (SQLException e) {
      throw TrinoErrors.executionFailed(sql, e);
    }
  }

  private static QueryResult read(Statement statement, String sql, RunningStatement running)
      throws SQLException {
    long start = System.nanoTime();
    try (ResultSet resultSet = statement.executeQuery(sql)) {
      ResultSetMetaData metadata = resultSet.getMetaData();
      List<ResultColumn> columns = new ArrayList<>();
      for (int i = 1; i <= metadata.getColumnCount(); i++) {
        columns.add(
            new ResultColumn(
                metadata.getColumnLabel(i),
                jdbcType(metadata.getColumnType(i)),
                metadata.getColumnTypeName(i),
                metadata.getPrecision(i),
                metadata.getScale(i)));
      }
      List<ResultRow> rows = new ArrayList<>();
      while (resultSet.next()) {
        running.beforeRow(rows.size());
        List<Optional<Object>> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
          values.add(value(resultSet, i + 1, columns.get(i).type()));
        }
        rows.add(new ResultRow(values));
      }
      LOG.debug("Trino answered in {} ms", (System.nanoTime() - start) / 1_000_000);
      return new QueryResult(columns, rows);
    }
  }

  /**
   * Reads a value as a type whose meaning does not depend on the JVM's time zone, like the
   * in-process engine: Trino JDBC's own {@code getObject} gives {@code java.sql} types.
   */
  private static Optional<Object> value(ResultSet resultSet, int index, JDBCType type)
      throws SQLException {
    Object value =
        switch (type) {
          case TIMESTAMP -> {
            LocalDateTime utc = resultSet.getObject(index, LocalDateTime.class);
            yield utc == null ? null : utc.toInstant(ZoneOffset.UTC);
          }
          case TIMESTAMP_WITH_TIMEZONE -> {
            ZonedDateTime instant = resultSet.getObject(index, ZonedDateTime.class);
            yield instant == null ? null : instant.toInstant();
          }
          case DATE -> resultSet.getObject(index, LocalDate.class);
          case TIME -> resultSet.getObject(index, LocalTime.class);
          default -> resultSet.getObject(index);
        };
    return Optional.ofNullable(value);
  }

  private static JDBCType jdbcType(int type) {
    try {
      return JDBCType.valueOf(type);
    } catch (IllegalArgumentException e) {
      return JDBCType.OTHER;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the Trino engine is closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    watchdog.shutdownNow();
    try {
      connection.close();
    } catch (SQLException e) {
      // A Trino JDBC connection holds no server-side state between queries; nothing is lost.
      LOG.warn("Closing the Trino connection to {} failed", url, e);
    }
  }
}
