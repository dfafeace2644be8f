package io.salesdw.serve.avatica;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.engine.QueryResult;
import io.salesdw.semantic.engine.ResultColumn;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.engine.TableColumn;
import io.salesdw.semantic.jdbc.JdbcColumnType;
import io.salesdw.serve.SemanticService;
import io.salesdw.serve.ServedTable;
import java.lang.reflect.Field;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * Avatica's {@link org.apache.calcite.avatica.Meta} on the server side, over the {@link
 * SemanticService}: each call runs as the request's {@link AvaticaCaller}, on a connection only
 * that user may use. Queries go to {@link SemanticService#execute} (policy, limits and audit are
 * the service's); their rows are kept until fetched to the end, the statement runs again or is
 * closed, and are served in frames of the size the client asks for. The catalog is {@link
 * SemanticService#catalog} of the caller.
 *
 * <p>Unlike the embedded driver's {@code SemanticMeta}, this Meta has no client connection of its
 * own ({@link MetaImpl}'s is null): statement handles and metadata result sets are made here.
 * Closing a statement or a connection while its query runs presses the query's {@link
 * QueryCancellation}: Avatica's protocol has no cancel request of its own.
 */
final class ServedMeta extends MetaImpl {
  /** The endpoint's name in the audit and in the service's query context. */
  static final String ENDPOINT = "avatica";

  private final SemanticService service;
  private final CurrentCaller currentCaller;
  private final Map<String, OpenConnection> connections = new ConcurrentHashMap<>();

  /** A connection: who opened it, its properties, and its statements by id. */
  private static final class OpenConnection {
    final String user;
    final ConnectionPropertiesImpl properties = new ConnectionPropertiesImpl();
    final AtomicInteger nextStatementId = new AtomicInteger();
    final Map<Integer, ServedStatement> statements = new ConcurrentHashMap<>();

    OpenConnection(String user) {
      this.user = user;
    }
  }

  /** A statement: its prepared SQL, the query running for it, and the rows not yet fetched. */
  private static final class ServedStatement {
    private Optional<String> preparedSql = Optional.empty();
    private long maxRowCount;
    private Optional<QueryCancellation> running = Optional.empty();
    private Optional<List<Object>> rows = Optional.empty();

    synchronized void prepare(String sql, long maxRows) {
      preparedSql = Optional.of(sql);
      maxRowCount = maxRows;
    }

    synchronized Optional<String> preparedSql() {
      return preparedSql;
    }

    synchronized long maxRowCount() {
      return maxRowCount;
    }

    /** Starts a run: the previous rows go, and a new cancel button is kept for close. */
    synchronized QueryCancellation start() {
      rows = Optional.empty();
      QueryCancellation cancellation = new QueryCancellation();
      running = Optional.of(cancellation);
      return cancellation;
    }

    synchronized void finish(QueryCancellation cancellation, Optional<List<Object>> result) {
      if (running.equals(Optional.of(cancellation))) {
        running = Optional.empty();
        rows = result;
      }
    }

    synchronized Optional<List<Object>> rows() {
      return rows;
    }

    synchronized void fetchedToTheEnd() {
      rows = Optional.empty();
    }

    /** Cancels the running query, if any, and drops the rows. */
    synchronized void close() {
      running.ifPresent(QueryCancellation::cancel);
      running = Optional.empty();
      rows = Optional.empty();
    }
  }

  ServedMeta(SemanticService service, CurrentCaller currentCaller) {
    super(null);
    this.service = requireNonNull(service, "service is null");
    this.currentCaller = requireNonNull(currentCaller, "currentCaller is null");
  }

  // ------------------------------------------------------------------ connections

  /**
   * Opens a connection for the caller. Re-opening one's own connection is harmless; a connection id
   * another user opened is refused.
   */
  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    // The info map may hold the JDBC user and password: it is read for nothing and never logged.
    AvaticaCaller caller = caller();
    OpenConnection connection =
        connections.computeIfAbsent(ch.id, id -> new OpenConnection(caller.user()));
    if (!connection.user.equals(caller.user())) {
      throw AvaticaErrors.notYourConnection(ch.id, caller.user());
    }
  }

  /** Closes the connection: its running queries are cancelled and its rows dropped. */
  @Override
  public void closeConnection(ConnectionHandle ch) {
    OpenConnection connection = connection(ch.id);
    connections.remove(ch.id);
    connection.statements.values().forEach(ServedStatement::close);
    connection.statements.clear();
  }

  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties props) {
    OpenConnection connection = connection(ch.id);
    synchronized (connection.properties) {
      connection.properties.merge(props);
      connection.properties.setDirty(false);
      return connection.properties;
    }
  }

  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    connection(ch.id);
    return Map.of(
        DatabaseProperty.GET_DATABASE_PRODUCT_NAME, "salesdw",
        DatabaseProperty.GET_DRIVER_NAME, "salesdw Avatica endpoint");
  }

  /** Nothing to commit: the layer only reads. */
  @Override
  public void commit(ConnectionHandle ch) {
    connection(ch.id);
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    connection(ch.id);
  }

  // ------------------------------------------------------------------ statements

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    OpenConnection connection = connection(ch.id);
    int id = connection.nextStatementId.getAndIncrement();
    connection.statements.put(id, new ServedStatement());
    return new StatementHandle(ch.id, id, null);
  }

  /**
   * Keeps the query for {@link #execute}. The service plans a query only when it runs it, so the
   * handle's signature has no columns yet; the result set of each execution describes them.
   */
  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    StatementHandle handle = createStatement(ch);
    statement(handle).prepare(sql, maxRowCount);
    handle.signature = signature(sql, List.of());
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
  public ExecuteResult prepareAndExecute(
      StatementHandle h,
      String sql,
      long maxRowCount,
      int maxRowsInFirstFrame,
      PrepareCallback callback)
      throws NoSuchStatementException {
    ServedStatement statement = statement(h);
    statement.prepare(sql, maxRowCount);
    return run(h, statement, sql, maxRowCount, maxRowsInFirstFrame);
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult execute(
      StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
      throws NoSuchStatementException {
    return execute(h, parameterValues, AvaticaUtils.toSaturatedInt(maxRowCount));
  }

  /** Runs a prepared statement again: the service reads the lake's current snapshots each time. */
  @Override
  public ExecuteResult execute(
      StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    ServedStatement statement = statement(h);
    String sql =
        statement
            .preparedSql()
            .orElseThrow(() -> AvaticaErrors.noSuchStatement(h.connectionId, h.id));
    if (parameterValues != null && !parameterValues.isEmpty()) {
      throw AvaticaErrors.parametersNotSupported(sql);
    }
    return run(h, statement, sql, statement.maxRowCount(), maxRowsInFirstFrame);
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    ServedStatement statement = statement(h);
    List<Object> rows = statement.rows().orElseThrow(() -> new MissingResultsException(h));
    Frame frame = frame(rows, offset, fetchMaxRowCount);
    if (frame.done) {
      statement.fetchedToTheEnd();
    }
    return frame;
  }

  @Override
  public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
    // Rows are kept until fetched to the end: a client that lost its place fetches on.
    return statement(sh).rows().isPresent();
  }

  /** Closes the statement: its running query, if any, is cancelled. */
  @Override
  public void closeStatement(StatementHandle h) {
    OpenConnection connection = connection(h.connectionId);
    ServedStatement statement = connection.statements.remove(h.id);
    if (statement != null) {
      statement.close();
    }
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands) {
    connection(h.connectionId);
    throw AvaticaErrors.readOnly();
  }

  @Override
  public ExecuteBatchResult executeBatch(
      StatementHandle h, List<List<TypedValue>> parameterValues) {
    connection(h.connectionId);
    throw AvaticaErrors.readOnly();
  }

  private ExecuteResult run(
      StatementHandle h,
      ServedStatement statement,
      String sql,
      long maxRowCount,
      int maxRowsInFirstFrame) {
    AvaticaCaller caller = caller();
    QueryCancellation cancellation = statement.start();
    QueryResult result;
    try {
      result =
          service
              .execute(caller.principal(), sql, ENDPOINT, caller.client(), cancellation)
              .result();
    } catch (SalesdwException e) {
      statement.finish(cancellation, Optional.empty());
      throw AvaticaErrors.of(e);
    }
    List<Object> rows = rows(result, maxRowCount);
    statement.finish(cancellation, Optional.of(rows));
    Frame first = frame(rows, 0, maxRowsInFirstFrame);
    if (first.done) {
      statement.fetchedToTheEnd();
    }
    return new ExecuteResult(
        List.of(
            MetaResultSet.create(
                h.connectionId, h.id, false, signature(sql, result.columns()), first)));
  }

  private static List<Object> rows(QueryResult result, long maxRowCount) {
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
        values[i] = row.value(i).map(types.get(i)::value).orElse(null);
      }
      rows.add(values);
    }
    return rows;
  }

  private static Frame frame(List<Object> rows, long offset, int size) {
    int from = (int) Math.min(offset, rows.size());
    int to = size > 0 ? (int) Math.min((long) from + size, rows.size()) : rows.size();
    return new Frame(offset, to == rows.size(), new ArrayList<>(rows.subList(from, to)));
  }

  private static Signature signature(String sql, List<ResultColumn> columns) {
    List<ColumnMetaData> described = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      described.add(JdbcColumnType.of(columns.get(i).type()).columnMetaData(i, columns.get(i)));
    }
    return Signature.create(described, sql, List.of(), CursorFactory.ARRAY, StatementType.SELECT);
  }

  // ------------------------------------------------------------------ catalog

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    connection(ch.id);
    return rows(ch, List.of(), MetaCatalog.class, CalciteMetaImpl.CATALOG_COLUMNS);
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    connection(ch.id);
    Predicate1<String> matches = LikePattern.matcher(schemaPattern.s);
    TreeSet<String> names = new TreeSet<>();
    for (ServedTable table : catalog()) {
      table.schema().filter(matches::apply).ifPresent(names::add);
    }
    List<MetaSchema> schemas = names.stream().map(name -> new MetaSchema(null, name)).toList();
    return rows(ch, schemas, MetaSchema.class, CalciteMetaImpl.SCHEMA_COLUMNS);
  }

  @Override
  public MetaResultSet getTables(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      List<String> typeList) {
    connection(ch.id);
    List<MetaTable> tables = new ArrayList<>();
    for (ServedTable table : matching(schemaPattern, tableNamePattern)) {
      if (typeList == null || typeList.contains(table.type())) {
        tables.add(new MetaTable(null, table.schema().orElse(null), table.name(), table.type()));
      }
    }
    return rows(ch, tables, MetaTable.class, CalciteMetaImpl.TABLE_COLUMNS);
  }

  @Override
  public MetaResultSet getColumns(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      Pat columnNamePattern) {
    connection(ch.id);
    Predicate1<String> columnMatches = LikePattern.matcher(columnNamePattern.s);
    List<MetaColumn> columns = new ArrayList<>();
    for (ServedTable table : matching(schemaPattern, tableNamePattern)) {
      List<TableColumn> tableColumns = table.columns();
      for (int i = 0; i < tableColumns.size(); i++) {
        if (columnMatches.apply(tableColumns.get(i).name())) {
          columns.add(column(table, i, tableColumns.get(i)));
        }
      }
    }
    return rows(ch, columns, MetaColumn.class, CalciteMetaImpl.COLUMN_COLUMNS);
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    connection(ch.id);
    return rows(
        ch,
        List.of(new MetaTableType("TABLE"), new MetaTableType("VIEW")),
        MetaTableType.class,
        CalciteMetaImpl.TABLE_TYPE_COLUMNS);
  }

  /** No type list yet: result sets describe their own columns. */
  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    connection(ch.id);
    return rows(ch, List.of(), MetaTypeInfo.class, CalciteMetaImpl.TYPE_INFO_COLUMNS);
  }

  /** Every metadata call makes its result set with its connection's handle, never this. */
  @Override
  protected MetaResultSet createResultSet(
      Map<String, Object> internalParameters,
      List<ColumnMetaData> columns,
      CursorFactory cursorFactory,
      Frame firstFrame) {
    throw new UnsupportedOperationException(
        "the served Meta has no client connection; a metadata call must be overridden");
  }

  private List<ServedTable> catalog() {
    try {
      return service.catalog(caller().principal()).tables();
    } catch (SalesdwException e) {
      throw AvaticaErrors.of(e);
    }
  }

  private List<ServedTable> matching(Pat schemaPattern, Pat tableNamePattern) {
    Predicate1<String> tableMatches = LikePattern.matcher(tableNamePattern.s);
    List<ServedTable> tables = new ArrayList<>();
    for (ServedTable table : catalog()) {
      if (tableMatches.apply(table.name()) && schemaMatches(schemaPattern, table.schema())) {
        tables.add(table);
      }
    }
    return tables;
  }

  // JDBC: a null pattern does not filter by schema; "" asks for objects in no schema.
  private static boolean schemaMatches(Pat schemaPattern, Optional<String> schema) {
    if (schemaPattern.s == null) {
      return true;
    }
    if (schema.isEmpty()) {
      return schemaPattern.s.isEmpty() || schemaPattern.s.equals("%");
    }
    return LikePattern.matcher(schemaPattern.s).apply(schema.get());
  }

  private static MetaColumn column(ServedTable table, int index, TableColumn column) {
    String schema = table.schema().orElse(null);
    int nullable =
        column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls;
    String isNullable = column.nullable() ? "YES" : "NO";
    if (column.column().type() == JDBCType.OTHER) {
      // A metrics-view column whose type could not be found without running a query.
      return new MetaColumn(
          null,
          schema,
          table.name(),
          column.name(),
          Types.OTHER,
          "OTHER",
          null,
          null,
          null,
          nullable,
          null,
          index + 1,
          isNullable,
          "NO",
          "NO");
    }
    JdbcColumnType type = JdbcColumnType.of(column.column().type());
    ColumnMetaData described = type.columnMetaData(index, column.column(), nullable);
    boolean decimal = type == JdbcColumnType.DECIMAL;
    return new MetaColumn(
        null,
        schema,
        table.name(),
        column.name(),
        type.typeId(),
        type.name(),
        described.precision == 0 ? null : described.precision,
        decimal ? described.scale : null,
        decimal ? 10 : null,
        nullable,
        type == JdbcColumnType.VARCHAR && described.precision > 0 ? described.precision : null,
        index + 1,
        isNullable,
        "NO",
        "NO");
  }

  /**
   * A metadata result set of the given rows, one column per JDBC name, read from the row's field of
   * that name in camel case; sent whole in its first frame.
   */
  private <E> MetaResultSet rows(
      ConnectionHandle ch, List<E> rows, Class<E> rowClass, List<String> names) {
    List<ColumnMetaData> columns = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    for (String name : names) {
      Field field = field(rowClass, AvaticaUtils.toCamelCase(name));
      columns.add(columnMetaData(name, columns.size(), field.getType(), true));
      fields.add(field);
    }
    List<Object> values = new ArrayList<>();
    for (E row : rows) {
      Object[] value = new Object[fields.size()];
      for (int i = 0; i < value.length; i++) {
        value[i] = read(fields.get(i), row);
      }
      values.add(value);
    }
    StatementHandle handle = createStatement(ch);
    Signature signature =
        Signature.create(columns, "", List.of(), CursorFactory.ARRAY, StatementType.SELECT);
    return MetaResultSet.create(ch.id, handle.id, true, signature, new Frame(0, true, values));
  }

  private static Field field(Class<?> rowClass, String name) {
    try {
      return rowClass.getField(name);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(rowClass + " has no field " + name, e);
    }
  }

  private static Object read(Field field, Object row) {
    try {
      return field.get(row);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }

  // ------------------------------------------------------------------ callers

  private AvaticaCaller caller() {
    return currentCaller
        .get()
        .orElseThrow(
            () ->
                new IllegalStateException("an Avatica call ran outside an authenticated request"));
  }

  /** The connection, if the caller opened it. */
  private OpenConnection connection(String connectionId) {
    AvaticaCaller caller = caller();
    OpenConnection connection = connections.get(connectionId);
    if (connection == null) {
      throw AvaticaErrors.noSuchConnection(connectionId);
    }
    if (!connection.user.equals(caller.user())) {
      throw AvaticaErrors.notYourConnection(connectionId, caller.user());
    }
    return connection;
  }

  private ServedStatement statement(StatementHandle h) {
    ServedStatement statement = connection(h.connectionId).statements.get(h.id);
    if (statement == null) {
      throw AvaticaErrors.noSuchStatement(h.connectionId, h.id);
    }
    return statement;
  }
}
