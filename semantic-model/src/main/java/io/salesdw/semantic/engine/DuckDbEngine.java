package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.DeltaSnapshotFiles;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryLimits;
import io.salesdw.semantic.access.QueryRefusals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.calcite.sql.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine: one in-memory DuckDB database, in this process, reading the lake's Parquet
 * files directly. Each lake table is a view ({@code gold.fact_order}) over the exact data files of
 * the table's current Delta snapshot, resolved by Delta Kernel; a view is re-created only when the
 * table's version changed.
 *
 * <p>Only tables without deletion vectors and without column mapping can be read this way (a
 * Parquet reader would return deleted rows, or see physical column names); others fail with an
 * error that says so. The gold layer is written that way.
 *
 * <p>Timestamps: a Delta {@code timestamp} is an instant. The session's time zone is UTC and the
 * views cast timestamps to {@code TIMESTAMP}, so a timestamp is the instant's UTC date and time,
 * and the results hold it as an {@code Instant}. A plain {@code TIMESTAMP} keeps Calcite's
 * timestamp semantics in plans and literals, and does not depend on the time zone of the machine,
 * the JVM or the Spark session that wrote the data.
 *
 * <p>Thread-safe: queries and refreshes run one at a time, in the order they came. A query under
 * {@link QueryLimits} waits for its turn within its timeout, and is cancelled in DuckDB when the
 * timeout passes or its {@link QueryCancellation} is pressed; the engine then runs the next query.
 */
public final class DuckDbEngine implements SqlEngine {
  private static final Logger LOG = LoggerFactory.getLogger(DuckDbEngine.class);

  private static final Set<String> WIDE_INTEGERS = Set.of("HUGEINT", "UHUGEINT", "UBIGINT");
  // How often a query waiting for its turn looks whether it was cancelled.
  private static final long WAIT_SLICE_NANOS = Duration.ofMillis(25).toNanos();

  private final Lake lake;
  private final Connection connection;
  // The snapshot each view reads: a view is re-created when the table's version changed (or its
  // files did, for a table deleted and written again from version 0).
  private final Map<String, DeltaSnapshotFiles> views = new HashMap<>();
  private final Set<String> schemas = new TreeSet<>();
  // One statement at a time on the connection; fair, so that waiting queries run in turn.
  private final ReentrantLock lock = new ReentrantLock(true);
  private final ScheduledExecutorService watchdog;
  private boolean closed;

  private DuckDbEngine(Lake lake, Connection connection) {
    this.lake = lake;
    this.connection = connection;
    this.watchdog = RunningStatement.watchdog("duckdb");
  }

  /**
   * Starts an in-memory DuckDB that reads the tables of {@code lake}.
   *
   * @throws SalesdwException if DuckDB cannot start
   */
  public static DuckDbEngine open(Lake lake) {
    requireNonNull(lake, "lake is null");
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = connection.createStatement()) {
        // DuckDB takes the machine's zone otherwise; casts between TIMESTAMP WITH TIME ZONE and
        // TIMESTAMP use it.
        statement.execute("SET TimeZone = 'UTC'");
      }
      return new DuckDbEngine(lake, connection);
    } catch (SQLException e) {
      throw EngineErrors.engineStartFailed(e);
    }
  }

  @Override
  public SqlDialect dialect() {
    return DuckDbDialect.INSTANCE;
  }

  @Override
  public Map<String, Long> refresh(Set<String> tableNames) {
    requireNonNull(tableNames, "tableNames is null");
    List<DeltaSnapshotFiles> snapshots = new ArrayList<>();
    for (String table : new TreeSet<>(tableNames)) {
      snapshots.add(lake.snapshotFiles(table));
    }
    return refresh(snapshots);
  }

  @Override
  public Map<String, Long> refresh(Collection<DeltaSnapshotFiles> snapshots) {
    requireNonNull(snapshots, "snapshots is null");
    lock.lock();
    try {
      checkOpen();
      return refreshLocked(snapshots);
    } finally {
      lock.unlock();
    }
  }

  private Map<String, Long> refreshLocked(Collection<DeltaSnapshotFiles> snapshots) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (DeltaSnapshotFiles snapshot : snapshots) {
      String table = snapshot.tableName();
      if (!snapshot.equals(views.get(table))) {
        long start = System.nanoTime();
        createView(snapshot);
        views.put(table, snapshot);
        LOG.debug(
            "DuckDB view of {} now reads version {} ({} files); created in {} ms",
            table,
            snapshot.version(),
            snapshot.files().size(),
            (System.nanoTime() - start) / 1_000_000);
      }
      versions.put(table, snapshot.version());
    }
    return versions;
  }

  private void createView(DeltaSnapshotFiles snapshot) {
    String table = snapshot.tableName();
    if (!snapshot.readableAsPlainParquet()) {
      throw EngineErrors.notPlainParquet(
          table,
          snapshot.version(),
          snapshot.hasDeletionVectors(),
          snapshot.columnMappingMode().name().toLowerCase(Locale.ROOT));
    }
    String createView = DuckDbViewSql.createView(snapshot);
    try (Statement statement = connection.createStatement()) {
      Optional<String> schema = DuckDbViewSql.schema(table);
      if (schema.isPresent() && schemas.add(schema.get())) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + DuckDbViewSql.identifier(schema.get()));
      }
      statement.execute(createView);
    } catch (SQLException e) {
      throw EngineErrors.refreshFailed(table, snapshot.version(), e);
    }
  }

  @Override
  public void load(List<InMemoryTable> tables) {
    requireNonNull(tables, "tables is null");
    lock.lock();
    try {
      checkOpen();
      loadLocked(tables);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes DuckDB hold {@code table} as a view of {@code select}, a query in DuckDB's SQL whose
   * columns are the table's, replacing any view of the same name: the query audit's {@code
   * audit.queries} over the audit's files, read afresh by every query.
   *
   * @throws SalesdwException if DuckDB rejects the view
   */
  public void createView(EngineTable table, String select) {
    requireNonNull(table, "table is null");
    requireNonNull(select, "select is null");
    lock.lock();
    try (Statement statement = connection.createStatement()) {
      checkOpen();
      if (schemas.add(table.schema())) {
        statement.execute(
            "CREATE SCHEMA IF NOT EXISTS " + DuckDbViewSql.identifier(table.schema()));
      }
      statement.execute(
          "CREATE OR REPLACE VIEW "
              + DuckDbViewSql.identifier(table.schema())
              + "."
              + DuckDbViewSql.identifier(table.name())
              + " AS "
              + select);
    } catch (SQLException e) {
      throw EngineErrors.loadFailed(table.schema() + "." + table.name(), e);
    } finally {
      lock.unlock();
    }
  }

  private void loadLocked(List<InMemoryTable> tables) {
    for (InMemoryTable table : tables) {
      String name =
          DuckDbViewSql.identifier(table.schema()) + "." + DuckDbViewSql.identifier(table.name());
      List<String> columns = new ArrayList<>();
      for (InMemoryTable.Column column : table.columns()) {
        columns.add(
            DuckDbViewSql.identifier(column.name())
                + " "
                + column.type().getName()
                + (column.nullable() ? "" : " NOT NULL"));
      }
      try (Statement statement = connection.createStatement()) {
        if (schemas.add(table.schema())) {
          statement.execute(
              "CREATE SCHEMA IF NOT EXISTS " + DuckDbViewSql.identifier(table.schema()));
        }
        statement.execute(
            "CREATE OR REPLACE TABLE " + name + " (" + String.join(", ", columns) + ")");
        if (table.rows().isEmpty()) {
          continue;
        }
        String insert =
            "INSERT INTO "
                + name
                + " VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?"))
                + ")";
        try (PreparedStatement rows = connection.prepareStatement(insert)) {
          for (List<Optional<Object>> row : table.rows()) {
            for (int i = 0; i < row.size(); i++) {
              rows.setObject(i + 1, row.get(i).orElse(null));
            }
            rows.addBatch();
          }
          rows.executeBatch();
        }
      } catch (SQLException e) {
        throw EngineErrors.loadFailed(table.schema() + "." + table.name(), e);
      }
    }
  }

  @Override
  public QueryResult execute(String sql) {
    return execute(sql, QueryLimits.none(), new QueryCancellation());
  }

  @Override
  public QueryResult execute(String sql, QueryLimits limits, QueryCancellation cancellation) {
    requireNonNull(sql, "sql is null");
    requireNonNull(limits, "limits is null");
    requireNonNull(cancellation, "cancellation is null");
    long deadline = RunningStatement.deadline(limits);
    lockWithin(deadline, limits, cancellation);
    try {
      checkOpen();
      return executeLocked(sql, deadline, limits, cancellation);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the engine's turn until the deadline, looking now and then whether the query was
   * cancelled (an interrupt would reach whatever the thread does next, not only this wait).
   */
  private void lockWithin(long deadline, QueryLimits limits, QueryCancellation cancellation) {
    try {
      while (true) {
        if (cancellation.isCancelled()) {
          throw QueryRefusals.cancelled();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw QueryRefusals.timedOut(limits.timeout());
        }
        if (lock.tryLock(Math.min(left, WAIT_SLICE_NANOS), TimeUnit.NANOSECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw QueryRefusals.cancelled();
    }
  }

  private QueryResult executeLocked(
      String sql, long deadline, QueryLimits limits, QueryCancellation cancellation) {
    try (Statement statement = connection.createStatement();
        RunningStatement running =
            RunningStatement.watch(statement, deadline, limits, cancellation, watchdog)) {
      try {
        return read(statement, sql, running);
      } catch (SQLException e) {
        // The watchdog's cancel fails the statement with DuckDB's "Interrupted!".
        running.checkNotStopped();
        throw e;
      }
    } catch (SQLException e) {
      throw EngineErrors.executionFailed(sql, e);
    }
  }

  private static QueryResult read(Statement statement, String sql, RunningStatement running)
      throws SQLException {
    try (ResultSet resultSet = statement.executeQuery(sql)) {
      ResultSetMetaData metadata = resultSet.getMetaData();
      List<ResultColumn> columns = new ArrayList<>();
      for (int i = 1; i <= metadata.getColumnCount(); i++) {
        String typeName = metadata.getColumnTypeName(i);
        // DuckDB sums BIGINTs as a 128-bit HUGEINT, which JDBC knows only as OTHER: an exact
        // number all the same.
        JDBCType type =
            WIDE_INTEGERS.contains(typeName)
                ? JDBCType.DECIMAL
                : jdbcType(metadata.getColumnType(i));
        columns.add(
            new ResultColumn(
                metadata.getColumnLabel(i),
                type,
                typeName,
                metadata.getPrecision(i),
                metadata.getScale(i)));
      }
      List<ResultRow> rows = new ArrayList<>();
      while (resultSet.next()) {
        // DuckDB's JDBC ignores setMaxRows: stop reading at the first row too many.
        running.beforeRow(rows.size());
        List<Optional<Object>> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
          values.add(value(resultSet, i + 1, columns.get(i).type()));
        }
        rows.add(new ResultRow(values));
      }
      return new QueryResult(columns, rows);
    }
  }

  /**
   * Reads a value as a type whose meaning does not depend on the JVM's time zone: DuckDB's own
   * {@code getObject} gives a {@code java.sql.Timestamp}, which shifts a time that falls in the JVM
   * zone's daylight-saving gap.
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
            OffsetDateTime instant = resultSet.getObject(index, OffsetDateTime.class);
            yield instant == null ? null : instant.toInstant();
          }
          case DATE -> resultSet.getObject(index, LocalDate.class);
          case TIME -> resultSet.getObject(index, LocalTime.class);
          case DECIMAL, NUMERIC -> decimal(resultSet.getObject(index));
          default -> resultSet.getObject(index);
        };
    return Optional.ofNullable(value);
  }

  private static BigDecimal decimal(Object value) {
    if (value == null || value instanceof BigDecimal) {
      return (BigDecimal) value;
    } else if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    } else if (value instanceof Number number) {
      return BigDecimal.valueOf(number.longValue());
    }
    throw new IllegalStateException("DuckDB returned a " + value.getClass() + " for a number");
  }

  private static JDBCType jdbcType(int type) {
    try {
      return JDBCType.valueOf(type);
    } catch (IllegalArgumentException e) {
      return JDBCType.OTHER;
    }
  }

  /** Whether a query or refresh holds the engine now: for tests, to act while one runs. */
  boolean busy() {
    return lock.isLocked();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the DuckDB engine is closed");
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      views.clear();
      watchdog.shutdownNow();
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing an in-memory database frees memory only; nothing is lost if it fails.
        LOG.warn("Closing the in-memory DuckDB failed", e);
      }
    } finally {
      lock.unlock();
    }
  }
}
