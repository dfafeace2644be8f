package io.salesdw.semantic.jdbc;

import io.salesdw.lake.Lake;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.compile.SemanticQueryRewriter;
import io.salesdw.semantic.engine.QueryResult;
import io.salesdw.semantic.engine.ResultColumn;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.engine.TableColumn;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.lang.reflect.Field;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * Avatica's {@link org.apache.calcite.avatica.Meta} over one {@link SemanticLayer}: what the JDBC
 * objects of a salesdw connection call to prepare and run queries, fetch their rows and describe
 * the catalog. {@link #openConnection} opens the layer from the connection's properties ({@code
 * lake}, {@code model}); {@link #closeConnection} closes it, and its engine.
 *
 * <p>The layer reads a result whole; the Meta keeps it until the statement runs again or is closed,
 * and serves it in frames of the size the client asks for. Queries take no {@code ?} parameters: a
 * statement with one is refused at prepare. The catalog is the lake's gold zone (schema {@code
 * gold}, one {@code TABLE} per Delta table) and the model's {@code metrics} view ({@code VIEW}, in
 * no schema), whose columns are the model's dimensions and metrics. Calls are serialised: the layer
 * is not thread-safe.
 */
public final class SemanticMeta extends MetaImpl {
  /** {@code TABLE_TYPE} of a gold table. */
  static final String TABLE = "TABLE";

  /** {@code TABLE_TYPE} of the {@code metrics} view. */
  static final String VIEW = "VIEW";

  private final Map<Integer, PreparedQuery> prepared = new ConcurrentHashMap<>();
  private final Map<Integer, List<Object>> results = new ConcurrentHashMap<>();
  private Optional<SemanticLayer> layer = Optional.empty();
  private boolean closed;

  /** A statement prepared: its SQL, and the most rows it may return (0 or less for all). */
  private record PreparedQuery(String sql, long maxRowCount) {}

  public SemanticMeta(AvaticaConnection connection) {
    super(connection);
  }

  /**
   * Opens the semantic layer: the lake at {@code lake}, the model in the directory {@code model}
   * (the shipped sales model if absent).
   *
   * @throws io.salesdw.contracts.SalesdwException if a property is unknown or missing, or the lake
   *     or the model cannot be opened, with the layer's message
   */
  @Override
  public synchronized void openConnection(ConnectionHandle ch, Map<String, String> info) {
    if (closed) {
      throw JdbcErrors.connectionClosed();
    }
    if (layer.isPresent()) {
      return;
    }
    JdbcConnectionConfig config = JdbcConnectionConfig.from(info);
    Lake lake = Lake.open(config.lake());
    SemanticManifest manifest =
        config
            .model()
            .map(SemanticManifestLoader::load)
            .orElseGet(SemanticManifestLoader::loadShipped);
    layer = Optional.of(SemanticLayer.embedded(lake, manifest));
  }

  /** Closes the layer and its engine; the Meta answers nothing after. */
  @Override
  public synchronized void closeConnection(ConnectionHandle ch) {
    closed = true;
    prepared.clear();
    results.clear();
    layer.ifPresent(SemanticLayer::close);
  }

  /** The connection's layer. */
  synchronized SemanticLayer layer() {
    if (closed) {
      throw JdbcErrors.connectionClosed();
    }
    return layer.orElseThrow(JdbcErrors::connectionNotOpen);
  }

  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    return Map.of(
        DatabaseProperty.GET_DATABASE_PRODUCT_NAME,
        "salesdw",
        DatabaseProperty.GET_DATABASE_PRODUCT_VERSION,
        SalesdwDriver.VERSION,
        DatabaseProperty.GET_DRIVER_NAME,
        "salesdw JDBC driver",
        DatabaseProperty.GET_DRIVER_VERSION,
        SalesdwDriver.VERSION);
  }

  /**
   * Rewrites, validates and plans the query; its columns are the validated ones.
   *
   * @throws io.salesdw.contracts.SalesdwException for an invalid query or a {@code ?} parameter
   */
  @Override
  public synchronized StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    rejectParameters(sql);
    List<ResultColumn> columns = layer().plan(sql).planned().columns();
    StatementHandle handle = createStatement(ch);
    handle.signature = signature(sql, columns);
    prepared.put(handle.id, new PreparedQuery(sql, maxRowCount));
    return handle;
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult prepareAndExecute(
      StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
      throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override
  public synchronized ExecuteResult prepareAndExecute(
      StatementHandle h,
      String sql,
      long maxRowCount,
      int maxRowsInFirstFrame,
      PrepareCallback callback)
      throws NoSuchStatementException {
    rejectParameters(sql);
    QueryResult result = layer().query(sql).result();
    Signature signature = signature(sql, result.columns());
    Frame first = keep(h, result, maxRowCount, maxRowsInFirstFrame);
    try {
      synchronized (callback.getMonitor()) {
        callback.clear();
        callback.assign(signature, first, -1);
      }
      callback.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("Avatica could not open the result set of: " + sql, e);
    }
    return new ExecuteResult(
        List.of(MetaResultSet.create(h.connectionId, h.id, false, signature, first)));
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult execute(
      StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
      throws NoSuchStatementException {
    return execute(h, parameterValues, AvaticaUtils.toSaturatedInt(maxRowCount));
  }

  /** Runs a prepared statement again: the layer reads the lake's current snapshots each time. */
  @Override
  public synchronized ExecuteResult execute(
      StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    // First: a statement kept after its connection closed is told so, not that it is unknown.
    SemanticLayer semanticLayer = layer();
    PreparedQuery query = prepared.get(h.id);
    if (query == null) {
      throw new NoSuchStatementException(h);
    }
    if (parameterValues != null && !parameterValues.isEmpty()) {
      throw JdbcErrors.parametersNotSupported(query.sql());
    }
    QueryResult result = semanticLayer.query(query.sql()).result();
    Signature signature = signature(query.sql(), result.columns());
    Frame first = keep(h, result, query.maxRowCount(), maxRowsInFirstFrame);
    return new ExecuteResult(
        List.of(MetaResultSet.create(h.connectionId, h.id, false, signature, first)));
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    List<Object> rows = results.get(h.id);
    if (rows == null) {
      if (prepared.containsKey(h.id)) {
        throw new MissingResultsException(h);
      }
      throw new NoSuchStatementException(h);
    }
    return frame(rows, offset, fetchMaxRowCount);
  }

  @Override
  public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
    // The rows are kept until the statement runs again: a client that lost its place fetches on.
    return results.containsKey(sh.id);
  }

  @Override
  public void closeStatement(StatementHandle h) {
    prepared.remove(h.id);
    results.remove(h.id);
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands) {
    throw JdbcErrors.batchesNotSupported();
  }

  @Override
  public ExecuteBatchResult executeBatch(
      StatementHandle h, List<List<TypedValue>> parameterValues) {
    throw JdbcErrors.batchesNotSupported();
  }

  /** Nothing to commit: the layer only reads, each query from the tables' current snapshots. */
  @Override
  public void commit(ConnectionHandle ch) {}

  @Override
  public void rollback(ConnectionHandle ch) {}

  @Override
  public MetaResultSet getTables(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      List<String> typeList) {
    Predicate1<String> tableMatches = LikePattern.matcher(tableNamePattern.s);
    List<MetaTable> tables = new ArrayList<>();
    if (typeList == null || typeList.contains(TABLE)) {
      for (Map.Entry<String, SortedSet<String>> schema : matchingSchemas(schemaPattern)) {
        for (String table : schema.getValue()) {
          if (tableMatches.apply(table)) {
            tables.add(new MetaTable(null, schema.getKey(), table, TABLE));
          }
        }
      }
    }
    if ((typeList == null || typeList.contains(VIEW))
        && matchesNoSchema(schemaPattern)
        && tableMatches.apply(SemanticQueryRewriter.METRICS_VIEW)) {
      tables.add(new MetaTable(null, null, SemanticQueryRewriter.METRICS_VIEW, VIEW));
    }
    return rows(tables, MetaTable.class, CalciteMetaImpl.TABLE_COLUMNS);
  }

  @Override
  public MetaResultSet getColumns(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      Pat columnNamePattern) {
    Predicate1<String> tableMatches = LikePattern.matcher(tableNamePattern.s);
    Predicate1<String> columnMatches = LikePattern.matcher(columnNamePattern.s);
    List<MetaColumn> columns = new ArrayList<>();
    SemanticLayer semanticLayer = layer();
    for (Map.Entry<String, SortedSet<String>> schema : matchingSchemas(schemaPattern)) {
      for (String table : schema.getValue()) {
        if (tableMatches.apply(table)) {
          List<TableColumn> tableColumns =
              semanticLayer.tableColumns(schema.getKey(), table).orElse(List.of());
          addColumns(columns, schema.getKey(), table, tableColumns, columnMatches);
        }
      }
    }
    if (matchesNoSchema(schemaPattern) && tableMatches.apply(SemanticQueryRewriter.METRICS_VIEW)) {
      addColumns(
          columns,
          null,
          SemanticQueryRewriter.METRICS_VIEW,
          MetricsViewColumns.of(semanticLayer),
          columnMatches);
    }
    return rows(columns, MetaColumn.class, CalciteMetaImpl.COLUMN_COLUMNS);
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    List<MetaSchema> schemas = new ArrayList<>();
    for (Map.Entry<String, SortedSet<String>> schema : matchingSchemas(schemaPattern)) {
      schemas.add(new MetaSchema(null, schema.getKey()));
    }
    return rows(schemas, MetaSchema.class, CalciteMetaImpl.SCHEMA_COLUMNS);
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return rows(
        List.of(new MetaTableType(TABLE), new MetaTableType(VIEW)),
        MetaTableType.class,
        CalciteMetaImpl.TABLE_TYPE_COLUMNS);
  }

  private List<Map.Entry<String, SortedSet<String>>> matchingSchemas(Pat schemaPattern) {
    Predicate1<String> matches = LikePattern.matcher(schemaPattern.s);
    return layer().tableNames().entrySet().stream()
        .filter(schema -> matches.apply(schema.getKey()))
        .toList();
  }

  // JDBC: a null pattern does not filter by schema; "" asks for objects in no schema.
  private static boolean matchesNoSchema(Pat schemaPattern) {
    return schemaPattern.s == null || schemaPattern.s.isEmpty() || schemaPattern.s.equals("%");
  }

  private static void addColumns(
      List<MetaColumn> columns,
      String schema,
      String table,
      List<TableColumn> tableColumns,
      Predicate1<String> columnMatches) {
    for (int i = 0; i < tableColumns.size(); i++) {
      TableColumn column = tableColumns.get(i);
      if (!columnMatches.apply(column.name())) {
        continue;
      }
      int nullable =
          column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls;
      String isNullable = column.nullable() ? "YES" : "NO";
      if (column.column().type() == JDBCType.OTHER) {
        // A metrics-view column whose type could not be found without running a query.
        columns.add(
            new MetaColumn(
                null,
                schema,
                table,
                column.name(),
                Types.OTHER,
                "OTHER",
                null,
                null,
                null,
                nullable,
                null,
                i + 1,
                isNullable,
                "NO",
                "NO"));
        continue;
      }
      JdbcColumnType type = JdbcColumnType.of(column.column().type());
      ColumnMetaData described = type.columnMetaData(i, column.column(), nullable);
      columns.add(
          new MetaColumn(
              null,
              schema,
              table,
              column.name(),
              type.typeId(),
              type.name(),
              described.precision == 0 ? null : described.precision,
              type == JdbcColumnType.DECIMAL ? described.scale : null,
              type == JdbcColumnType.DECIMAL ? 10 : null,
              nullable,
              type == JdbcColumnType.VARCHAR && described.precision > 0
                  ? described.precision
                  : null,
              i + 1,
              isNullable,
              "NO",
              "NO"));
    }
  }

  /** A metadata result set of the given rows, one column per name, read from the row's field. */
  private <E> MetaResultSet rows(List<E> rows, Class<E> rowClass, List<String> names) {
    List<ColumnMetaData> columns = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    List<String> fieldNames = new ArrayList<>();
    for (String name : names) {
      String fieldName = AvaticaUtils.toCamelCase(name);
      Field field;
      try {
        field = rowClass.getField(fieldName);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(rowClass + " has no field " + fieldName, e);
      }
      columns.add(columnMetaData(name, columns.size(), field.getType(), true));
      fields.add(field);
      fieldNames.add(fieldName);
    }
    return createResultSet(
        Map.of(),
        columns,
        CursorFactory.record(rowClass, fields, fieldNames),
        new Frame(0, true, List.copyOf(rows)));
  }

  private static Signature signature(String sql, List<ResultColumn> columns) {
    List<ColumnMetaData> described = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      described.add(JdbcColumnType.of(columns.get(i).type()).columnMetaData(i, columns.get(i)));
    }
    return Signature.create(described, sql, List.of(), CursorFactory.ARRAY, StatementType.SELECT);
  }

  /** Keeps a statement's rows, as Avatica reads them, and returns their first frame. */
  private Frame keep(StatementHandle h, QueryResult result, long maxRowCount, int firstFrameSize) {
    List<JdbcColumnType> types =
        result.columns().stream().map(column -> JdbcColumnType.of(column.type())).toList();
    long limit = maxRowCount > 0 ? maxRowCount : Long.MAX_VALUE;
    List<Object> rows = new ArrayList<>();
    for (ResultRow row : result.rows()) {
      if (rows.size() >= limit) {
        break;
      }
      Object[] values = new Object[types.size()];
      for (int i = 0; i < values.length; i++) {
        JdbcColumnType type = types.get(i);
        values[i] = row.value(i).map(type::value).orElse(null);
      }
      rows.add(values);
    }
    results.put(h.id, rows);
    return frame(rows, 0, firstFrameSize);
  }

  private static Frame frame(List<Object> rows, long offset, int size) {
    int from = (int) Math.min(offset, rows.size());
    int to = size > 0 ? (int) Math.min((long) from + size, rows.size()) : rows.size();
    return new Frame(offset, to == rows.size(), new ArrayList<>(rows.subList(from, to)));
  }

  private static void rejectParameters(String sql) {
    if (ParameterMarkers.present(sql)) {
      throw JdbcErrors.parametersNotSupported(sql);
    }
  }
}
