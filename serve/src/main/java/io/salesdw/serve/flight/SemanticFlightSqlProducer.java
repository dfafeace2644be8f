package io.salesdw.serve.flight;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.engine.TableColumn;
import io.salesdw.serve.SemanticService;
import io.salesdw.serve.ServedCatalog;
import io.salesdw.serve.ServedTable;
import io.salesdw.serve.flight.FlightAuthenticator.Caller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.NoOpFlightSqlProducer;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flight SQL over the semantic service: statements and prepared statements (the layer takes no
 * parameters), SqlInfo, and the catalog metadata JDBC's {@code DatabaseMetaData} asks for. The
 * layer answers a query whole, so a query runs when its {@code FlightInfo} is asked for (and a
 * prepared statement's first run when it is prepared, which is how its result schema is known); the
 * rows wait for the client's {@code DoGet}. A client that goes away while its query runs cancels
 * it; {@code CancelFlightInfo} cancels a running query and drops waiting rows.
 */
final class SemanticFlightSqlProducer extends NoOpFlightSqlProducer {
  static final String ENDPOINT = "flight-sql";

  private static final Logger LOG = LoggerFactory.getLogger(SemanticFlightSqlProducer.class);
  private static final long CANCEL_POLL_MILLIS = 50;

  private final SemanticService service;
  private final FlightAuthenticator authenticator;
  private final BufferAllocator allocator;
  private final ExecutorService executor;
  private final SqlInfoBuilder sqlInfo;
  private final Map<ByteString, Statement> statements = new ConcurrentHashMap<>();

  /** A prepared or ad-hoc statement of one user, with its current run. */
  private static final class Statement {
    final String user;
    final String sql;
    QueryCancellation cancellation = new QueryCancellation();
    Optional<SemanticAnswer> waiting = Optional.empty();

    Statement(String user, String sql) {
      this.user = user;
      this.sql = sql;
    }

    synchronized Optional<SemanticAnswer> takeWaiting() {
      Optional<SemanticAnswer> answer = waiting;
      waiting = Optional.empty();
      return answer;
    }

    synchronized void cancel() {
      cancellation.cancel();
      waiting = Optional.empty();
    }
  }

  SemanticFlightSqlProducer(
      SemanticService service,
      FlightAuthenticator authenticator,
      BufferAllocator allocator,
      ExecutorService executor) {
    this.service = requireNonNull(service, "service is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.allocator = requireNonNull(allocator, "allocator is null");
    this.executor = requireNonNull(executor, "executor is null");
    this.sqlInfo =
        new SqlInfoBuilder()
            .withFlightSqlServerName("salesdw")
            .withFlightSqlServerVersion(version())
            .withFlightSqlServerArrowVersion(Schema.class.getPackage().getImplementationVersion())
            .withFlightSqlServerReadOnly(true)
            .withFlightSqlServerSql(true)
            .withFlightSqlServerSubstrait(false)
            .withFlightSqlServerTransaction(
                FlightSql.SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE)
            .withFlightSqlServerCancel(true)
            .withSqlIdentifierQuoteChar("\"")
            .withSqlIdentifierCase(
                FlightSql.SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE)
            .withSqlQuotedIdentifierCase(
                FlightSql.SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE);
  }

  // ------------------------------------------------------------------ statements

  @Override
  public FlightInfo getFlightInfoStatement(
      FlightSql.CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
    Caller caller = caller(context);
    Statement statement = new Statement(caller.principal().user(), command.getQuery());
    SemanticAnswer answer = run(statement, caller, context);
    ByteString handle = newHandle();
    statement.waiting = Optional.of(answer);
    statements.put(handle, statement);
    Ticket ticket =
        new Ticket(
            Any.pack(FlightSql.TicketStatementQuery.newBuilder().setStatementHandle(handle).build())
                .toByteArray());
    return info(answer, descriptor, ticket);
  }

  @Override
  public SchemaResult getSchemaStatement(
      FlightSql.CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
    Caller caller = caller(context);
    SemanticAnswer answer =
        run(new Statement(caller.principal().user(), command.getQuery()), caller, context);
    return new SchemaResult(ArrowResults.schema(answer.result().columns()));
  }

  @Override
  public void getStreamStatement(
      FlightSql.TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
    Caller caller = caller(context);
    Statement statement = statements.remove(ticket.getStatementHandle());
    if (statement == null || !statement.user.equals(caller.principal().user())) {
      listener.error(FlightErrors.noSuchStatement());
      return;
    }
    Optional<SemanticAnswer> answer = statement.takeWaiting();
    if (answer.isEmpty()) {
      listener.error(FlightErrors.noSuchStatement());
      return;
    }
    send(answer.get(), listener);
  }

  // ------------------------------------------------------------------ prepared statements

  @Override
  public void createPreparedStatement(
      FlightSql.ActionCreatePreparedStatementRequest request,
      CallContext context,
      StreamListener<Result> listener) {
    try {
      Caller caller = caller(context);
      Statement statement = new Statement(caller.principal().user(), request.getQuery());
      SemanticAnswer answer = run(statement, caller, context);
      statement.waiting = Optional.of(answer);
      ByteString handle = newHandle();
      statements.put(handle, statement);
      Schema schema = ArrowResults.schema(answer.result().columns());
      FlightSql.ActionCreatePreparedStatementResult result =
          FlightSql.ActionCreatePreparedStatementResult.newBuilder()
              .setPreparedStatementHandle(handle)
              .setDatasetSchema(ByteString.copyFrom(schema.serializeAsMessage()))
              .setParameterSchema(ByteString.copyFrom(new Schema(List.of()).serializeAsMessage()))
              .build();
      listener.onNext(new Result(Any.pack(result).toByteArray()));
      listener.onCompleted();
    } catch (RuntimeException e) {
      listener.onError(FlightErrors.of(e));
    }
  }

  @Override
  public void closePreparedStatement(
      FlightSql.ActionClosePreparedStatementRequest request,
      CallContext context,
      StreamListener<Result> listener) {
    Caller caller = caller(context);
    ByteString handle = request.getPreparedStatementHandle();
    Statement statement = statements.get(handle);
    if (statement != null && statement.user.equals(caller.principal().user())) {
      statements.remove(handle);
      statement.cancel();
    }
    listener.onCompleted();
  }

  @Override
  public FlightInfo getFlightInfoPreparedStatement(
      FlightSql.CommandPreparedStatementQuery command,
      CallContext context,
      FlightDescriptor descriptor) {
    Caller caller = caller(context);
    Statement statement = prepared(command, caller);
    SemanticAnswer answer;
    synchronized (statement) {
      answer = statement.waiting.orElse(null);
    }
    if (answer == null) {
      answer = run(statement, caller, context);
      synchronized (statement) {
        statement.waiting = Optional.of(answer);
      }
    }
    return info(answer, descriptor, new Ticket(Any.pack(command).toByteArray()));
  }

  @Override
  public SchemaResult getSchemaPreparedStatement(
      FlightSql.CommandPreparedStatementQuery command,
      CallContext context,
      FlightDescriptor descriptor) {
    Caller caller = caller(context);
    Statement statement = prepared(command, caller);
    Optional<SemanticAnswer> answer;
    synchronized (statement) {
      answer = statement.waiting;
    }
    return new SchemaResult(
        ArrowResults.schema(
            answer.orElseGet(() -> run(statement, caller, context)).result().columns()));
  }

  @Override
  public void getStreamPreparedStatement(
      FlightSql.CommandPreparedStatementQuery command,
      CallContext context,
      ServerStreamListener listener) {
    try {
      Caller caller = caller(context);
      Statement statement = prepared(command, caller);
      SemanticAnswer answer =
          statement.takeWaiting().orElseGet(() -> run(statement, caller, context));
      send(answer, listener);
    } catch (RuntimeException e) {
      listener.error(FlightErrors.of(e));
    }
  }

  @Override
  public Runnable acceptPutPreparedStatementQuery(
      FlightSql.CommandPreparedStatementQuery command,
      CallContext context,
      FlightStream flightStream,
      StreamListener<PutResult> ackStream) {
    // Clients bind parameters this way; the layer's queries take none, so there is nothing to
    // bind: acknowledge, so that a client binding an empty parameter set goes on.
    return () -> {
      while (flightStream.next()) {
        if (flightStream.getRoot().getRowCount() > 0
            && !flightStream.getRoot().getSchema().getFields().isEmpty()) {
          ackStream.onError(
              CallStatus.INVALID_ARGUMENT
                  .withDescription("the semantic layer's queries take no parameters")
                  .toRuntimeException());
          return;
        }
      }
      ackStream.onCompleted();
    };
  }

  @Override
  public Runnable acceptPutStatement(
      FlightSql.CommandStatementUpdate command,
      CallContext context,
      FlightStream flightStream,
      StreamListener<PutResult> ackStream) {
    return () -> ackStream.onError(FlightErrors.readOnly());
  }

  @Override
  public Runnable acceptPutPreparedStatementUpdate(
      FlightSql.CommandPreparedStatementUpdate command,
      CallContext context,
      FlightStream flightStream,
      StreamListener<PutResult> ackStream) {
    return () -> ackStream.onError(FlightErrors.readOnly());
  }

  @Override
  public void cancelFlightInfo(
      CancelFlightInfoRequest request, CallContext context, StreamListener<CancelStatus> listener) {
    Caller caller = caller(context);
    CancelStatus status = CancelStatus.NOT_CANCELLABLE;
    for (FlightEndpoint endpoint : request.getInfo().getEndpoints()) {
      Optional<ByteString> handle = handleOf(endpoint.getTicket());
      Statement statement = handle.map(statements::get).orElse(null);
      if (statement != null && statement.user.equals(caller.principal().user())) {
        statement.cancel();
        status = CancelStatus.CANCELLED;
      }
    }
    listener.onNext(status);
    listener.onCompleted();
  }

  // ------------------------------------------------------------------ metadata

  @Override
  public FlightInfo getFlightInfoSqlInfo(
      FlightSql.CommandGetSqlInfo request, CallContext context, FlightDescriptor descriptor) {
    caller(context);
    return metadataInfo(request, descriptor, Schemas.GET_SQL_INFO_SCHEMA);
  }

  @Override
  public void getStreamSqlInfo(
      FlightSql.CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
    caller(context);
    sqlInfo.send(command.getInfoList(), listener);
  }

  @Override
  public FlightInfo getFlightInfoCatalogs(
      FlightSql.CommandGetCatalogs request, CallContext context, FlightDescriptor descriptor) {
    caller(context);
    return metadataInfo(request, descriptor, Schemas.GET_CATALOGS_SCHEMA);
  }

  @Override
  public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
    caller(context);
    // The layer has schemas but no catalogs.
    sendStrings(Schemas.GET_CATALOGS_SCHEMA, List.of(), listener);
  }

  @Override
  public FlightInfo getFlightInfoSchemas(
      FlightSql.CommandGetDbSchemas request, CallContext context, FlightDescriptor descriptor) {
    caller(context);
    return metadataInfo(request, descriptor, Schemas.GET_SCHEMAS_SCHEMA);
  }

  @Override
  public void getStreamSchemas(
      FlightSql.CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
    Caller caller = caller(context);
    Predicate<String> matches =
        like(command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null);
    List<String[]> rows = new ArrayList<>();
    service.catalog(caller.principal()).tables().stream()
        .map(ServedTable::schema)
        .flatMap(Optional::stream)
        .distinct()
        .sorted()
        .filter(matches)
        .forEach(schema -> rows.add(new String[] {null, schema}));
    sendStrings(Schemas.GET_SCHEMAS_SCHEMA, rows, listener);
  }

  @Override
  public FlightInfo getFlightInfoTables(
      FlightSql.CommandGetTables request, CallContext context, FlightDescriptor descriptor) {
    caller(context);
    Schema schema =
        request.getIncludeSchema()
            ? Schemas.GET_TABLES_SCHEMA
            : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
    return metadataInfo(request, descriptor, schema);
  }

  @Override
  public void getStreamTables(
      FlightSql.CommandGetTables command, CallContext context, ServerStreamListener listener) {
    Caller caller = caller(context);
    Predicate<String> schemaMatches =
        like(command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null);
    Predicate<String> tableMatches =
        like(command.hasTableNameFilterPattern() ? command.getTableNameFilterPattern() : null);
    List<String> types = command.getTableTypesList();
    List<ServedTable> tables = new ArrayList<>();
    ServedCatalog catalog = service.catalog(caller.principal());
    for (ServedTable table : catalog.tables()) {
      // A pattern for the schema leaves out the tables in no schema (the metrics view) unless it
      // matches everything, as JDBC's getTables does.
      boolean schemaOk = table.schema().map(schemaMatches::test).orElse(schemaMatches.test(""));
      if (schemaOk
          && tableMatches.test(table.name())
          && (types.isEmpty() || types.contains(table.type()))) {
        tables.add(table);
      }
    }
    Schema schema =
        command.getIncludeSchema()
            ? Schemas.GET_TABLES_SCHEMA
            : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      root.allocateNew();
      VarCharVector schemaNames = (VarCharVector) root.getVector("db_schema_name");
      VarCharVector tableNames = (VarCharVector) root.getVector("table_name");
      VarCharVector tableTypes = (VarCharVector) root.getVector("table_type");
      VarCharVector catalogNames = (VarCharVector) root.getVector("catalog_name");
      VarBinaryVector tableSchemas =
          command.getIncludeSchema() ? (VarBinaryVector) root.getVector("table_schema") : null;
      for (int i = 0; i < tables.size(); i++) {
        ServedTable table = tables.get(i);
        catalogNames.setNull(i);
        setString(schemaNames, i, table.schema().orElse(null));
        setString(tableNames, i, table.name());
        setString(tableTypes, i, table.type());
        if (tableSchemas != null) {
          tableSchemas.setSafe(i, tableSchema(table).serializeAsMessage());
        }
      }
      root.setRowCount(tables.size());
      listener.start(root);
      listener.putNext();
      listener.completed();
    }
  }

  @Override
  public FlightInfo getFlightInfoTableTypes(
      FlightSql.CommandGetTableTypes request, CallContext context, FlightDescriptor descriptor) {
    caller(context);
    return metadataInfo(request, descriptor, Schemas.GET_TABLE_TYPES_SCHEMA);
  }

  @Override
  public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
    caller(context);
    sendStrings(
        Schemas.GET_TABLE_TYPES_SCHEMA,
        List.of(new String[] {"TABLE"}, new String[] {"VIEW"}),
        listener);
  }

  @Override
  public void close() {
    statements.values().forEach(Statement::cancel);
    statements.clear();
  }

  // ------------------------------------------------------------------ helpers

  private Caller caller(CallContext context) {
    String identity = context.peerIdentity();
    if (identity == null || identity.isEmpty()) {
      throw FlightErrors.noCredentials();
    }
    return authenticator.caller(identity);
  }

  private Statement prepared(FlightSql.CommandPreparedStatementQuery command, Caller caller) {
    Statement statement = statements.get(command.getPreparedStatementHandle());
    if (statement == null || !statement.user.equals(caller.principal().user())) {
      throw FlightErrors.noSuchStatement();
    }
    return statement;
  }

  /**
   * Runs a statement's query on the executor, while this call's thread watches for the client going
   * away, which cancels it.
   */
  private SemanticAnswer run(Statement statement, Caller caller, CallContext context) {
    QueryCancellation cancellation = new QueryCancellation();
    synchronized (statement) {
      statement.cancellation = cancellation;
      statement.waiting = Optional.empty();
    }
    Future<SemanticAnswer> running =
        executor.submit(
            () ->
                service.execute(
                    caller.principal(), statement.sql, ENDPOINT, caller.client(), cancellation));
    try {
      while (true) {
        try {
          return running.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          if (context.isCancelled() && !cancellation.isCancelled()) {
            LOG.info("Client {} went away: cancelling its query", caller.client());
            cancellation.cancel();
          }
        }
      }
    } catch (ExecutionException e) {
      throw FlightErrors.of(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancellation.cancel();
      throw CallStatus.CANCELLED.withDescription("the server is stopping").toRuntimeException();
    }
  }

  private void send(SemanticAnswer answer, ServerStreamListener listener) {
    Schema schema = ArrowResults.schema(answer.result().columns());
    if (!ArrowResults.send(answer.result(), schema, allocator, listener)) {
      LOG.info("The client went away while its rows were sent");
    }
  }

  private static FlightInfo info(
      SemanticAnswer answer, FlightDescriptor descriptor, Ticket ticket) {
    return new FlightInfo(
        ArrowResults.schema(answer.result().columns()),
        descriptor,
        List.of(new FlightEndpoint(ticket)),
        -1,
        answer.result().rows().size());
  }

  private static FlightInfo metadataInfo(
      Message request, FlightDescriptor descriptor, Schema schema) {
    return new FlightInfo(
        schema,
        descriptor,
        List.of(new FlightEndpoint(new Ticket(Any.pack(request).toByteArray()))),
        -1,
        -1);
  }

  private static Schema tableSchema(ServedTable table) {
    List<Field> fields = new ArrayList<>();
    for (TableColumn column : table.columns()) {
      fields.add(
          ArrowResults.field(
              column.column(), column.nullable(), table.schema(), Optional.of(table.name())));
    }
    return new Schema(fields);
  }

  private void sendStrings(Schema schema, List<String[]> rows, ServerStreamListener listener) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      root.allocateNew();
      for (int column = 0; column < schema.getFields().size(); column++) {
        VarCharVector vector = (VarCharVector) root.getVector(column);
        for (int row = 0; row < rows.size(); row++) {
          setString(vector, row, rows.get(row)[column]);
        }
        vector.setValueCount(rows.size());
      }
      root.setRowCount(rows.size());
      listener.start(root);
      listener.putNext();
      listener.completed();
    }
  }

  private static void setString(VarCharVector vector, int row, String value) {
    if (value == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A SQL LIKE pattern ({@code %}, {@code _}, {@code \} escapes) as a test; null matches all. */
  static Predicate<String> like(String pattern) {
    if (pattern == null || pattern.equals("%")) {
      return name -> true;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    Pattern compiled = Pattern.compile(regex.toString(), Pattern.DOTALL);
    return name -> compiled.matcher(name).matches();
  }

  private static Optional<ByteString> handleOf(Ticket ticket) {
    try {
      Any any = Any.parseFrom(ticket.getBytes());
      if (any.is(FlightSql.TicketStatementQuery.class)) {
        return Optional.of(any.unpack(FlightSql.TicketStatementQuery.class).getStatementHandle());
      }
      if (any.is(FlightSql.CommandPreparedStatementQuery.class)) {
        return Optional.of(
            any.unpack(FlightSql.CommandPreparedStatementQuery.class).getPreparedStatementHandle());
      }
    } catch (InvalidProtocolBufferException e) {
      LOG.debug("A ticket to cancel is not one of this server's", e);
    }
    return Optional.empty();
  }

  private static ByteString newHandle() {
    return ByteString.copyFrom(UUID.randomUUID().toString(), StandardCharsets.UTF_8);
  }

  private static String version() {
    String version = SemanticFlightSqlProducer.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version.toLowerCase(Locale.ROOT);
  }
}
