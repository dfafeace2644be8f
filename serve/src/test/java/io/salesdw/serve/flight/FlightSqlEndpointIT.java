package io.salesdw.serve.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.TinyGoldLake;
import io.salesdw.semantic.access.Principal;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.model.SemanticManifestLoader;
import io.salesdw.serve.GovernedSemanticService;
import io.salesdw.serve.PasswordHash;
import io.salesdw.serve.SemanticService;
import io.salesdw.serve.ServeConfig;
import io.salesdw.serve.ServeTls;
import io.salesdw.serve.ServedCatalog;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flight SQL endpoint through the real Arrow Flight SQL JDBC driver, over {@link TinyGoldLake}
 * and the shipped model, as an executive (role filtering is the layer's, tested there).
 */
class FlightSqlEndpointIT {
  private static final String PASSWORD = "correct horse 电池";
  private static final String TOKEN = PasswordHash.newToken();
  private static final int MAX_ROWS = 5;

  @TempDir static Path directory;

  private static GovernedSemanticService service;
  private static RecordingService recording;
  private static FlightSqlEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    Path lake = directory.resolve("lake");
    TinyGoldLake.write(lake);
    String yaml =
        String.join(
            "\n",
            "flight-sql: {port: 0}",
            "limits: {max-rows: " + MAX_ROWS + "}",
            "audit: {dir: audit}",
            "users:",
            "  - name: ceo",
            "    role: executive",
            "    password-hash: \"" + PasswordHash.ofPassword(PASSWORD).encoded() + "\"",
            "  - name: robot",
            "    role: executive",
            "    token-hash: \"" + PasswordHash.ofToken(TOKEN).encoded() + "\"",
            "");
    ServeConfig config = ServeConfig.parse(yaml, "serve.yaml", directory, name -> null);
    service = GovernedSemanticService.open(lake, SemanticManifestLoader.loadShipped(), config);
    recording = new RecordingService(service);
    endpoint = FlightSqlEndpoint.start(recording, "127.0.0.1", 0, Optional.empty());
  }

  @AfterAll
  static void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void answersAMetricQuery() throws Exception {
    // TinyGoldLake's twelve orders: 100 + 200 + 50 + 300 + 80 + 40 (2023)
    // + 150 + 250 + 60 + 400 + 120 + 90 (2024).
    BigDecimal expected = new BigDecimal("770.00").add(new BigDecimal("1070.00")); // 1840.00
    try (Connection connection = connect("user=ceo&password=" + encode(PASSWORD));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MEASURE(revenue) FROM metrics")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getBigDecimal(1)).isEqualByComparingTo(expected);
      assertThat(rows.next()).isFalse();
      ResultSetMetaData metadata = rows.getMetaData();
      assertThat(metadata.getColumnCount()).isEqualTo(1);
      assertThat(metadata.getColumnType(1)).isEqualTo(java.sql.Types.DECIMAL);
      assertThat(metadata.getScale(1)).isEqualTo(2);
      assertThat(metadata.getPrecision(1)).isGreaterThanOrEqualTo(6);
    }
  }

  @Test
  void answersAGoldTableQueryWithItsTypes() throws Exception {
    try (Connection connection = connect("user=ceo&password=" + encode(PASSWORD));
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT order_no, order_date, amount, month_key FROM gold.fact_order"
                    + " WHERE rep_id = 'REP0001' ORDER BY order_no")) {
      List<String> seen = new ArrayList<>();
      while (rows.next()) {
        seen.add(
            rows.getString(1)
                + " "
                + rows.getObject(2, java.time.LocalDate.class)
                + " "
                + rows.getBigDecimal(3).toPlainString()
                + " "
                + rows.getInt(4));
      }
      // REP0001's orders in TinyGoldLake.ORDERS.
      assertThat(seen)
          .containsExactly(
              "SO-01 2023-01-10 100.00 202301",
              "SO-04 2023-04-03 300.00 202304",
              "SO-07 2024-01-05 150.00 202401",
              "SO-10 2024-04-15 400.00 202404");
    }
  }

  @Test
  void sendsEachResultTypeAsJdbcReadsIt() throws Exception {
    try (Connection connection = connect("user=ceo&password=" + encode(PASSWORD));
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT order_no, order_date, amount, month_key, CAST(month_key AS BIGINT) AS big,"
                    + " CAST(amount AS DOUBLE) AS dbl, amount > 50 AS is_large,"
                    + " CAST(order_date AS TIMESTAMP) AS ordered_at, product_line_code,"
                    + " unified_customer_id"
                    + " FROM gold.fact_order WHERE order_no IN ('SO-09', 'SO-12')"
                    + " ORDER BY order_no")) {
      ResultSetMetaData metadata = rows.getMetaData();
      assertThat(metadata.getColumnType(1)).isEqualTo(java.sql.Types.VARCHAR);
      assertThat(metadata.getColumnType(2)).isEqualTo(java.sql.Types.DATE);
      assertThat(metadata.getColumnType(3)).isEqualTo(java.sql.Types.DECIMAL);
      // gold's decimal(16,2).
      assertThat(metadata.getPrecision(3)).isEqualTo(16);
      assertThat(metadata.getScale(3)).isEqualTo(2);
      assertThat(metadata.getColumnType(4)).isEqualTo(java.sql.Types.INTEGER);
      assertThat(metadata.getColumnType(5)).isEqualTo(java.sql.Types.BIGINT);
      assertThat(metadata.getColumnType(6)).isEqualTo(java.sql.Types.DOUBLE);
      assertThat(metadata.getColumnType(7)).isEqualTo(java.sql.Types.BOOLEAN);
      assertThat(metadata.getColumnType(8)).isEqualTo(java.sql.Types.TIMESTAMP);

      // SO-09: 2024-02-29, C003, REP0003, PL01, 60.00.
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("SO-09");
      // The driver's getDate is midnight UTC whatever the client's zone (Arrow's date is days
      // since the epoch in UTC): read the day as a LocalDate.
      assertThat(rows.getObject(2, java.time.LocalDate.class))
          .isEqualTo(java.time.LocalDate.of(2024, 2, 29));
      assertThat(rows.getBigDecimal(3)).isEqualByComparingTo("60.00");
      assertThat(rows.getInt(4)).isEqualTo(202402);
      assertThat(rows.getLong(5)).isEqualTo(202402L);
      assertThat(rows.getDouble(6)).isEqualTo(60.0);
      assertThat(rows.getBoolean(7)).isTrue();
      // Midnight of the order's day as its UTC wall clock, whatever the client's zone (New York
      // in tests).
      assertThat(rows.getObject(8, java.time.LocalDateTime.class))
          .isEqualTo(java.time.LocalDateTime.of(2024, 2, 29, 0, 0));
      assertThat(rows.getObject(8, java.time.LocalDateTime.class))
          .isEqualTo(java.time.LocalDateTime.of(2024, 2, 29, 0, 0));
      assertThat(rows.getString(9)).isEqualTo("PL01");
      // SO-12: no product line, 90.00.
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("SO-12");
      assertThat(rows.getBoolean(7)).isTrue();
      assertThat(rows.getString(9)).isNull();
      assertThat(rows.wasNull()).isTrue();
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void logsInWithAToken() throws Exception {
    try (Connection connection = connect("token=" + TOKEN);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM gold.fact_order")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(12);
    }
  }

  @Test
  void showsTheCatalogToDatabaseMetaData() throws Exception {
    try (Connection connection = connect("user=ceo&password=" + encode(PASSWORD))) {
      DatabaseMetaData metadata = connection.getMetaData();
      assertThat(metadata.getDatabaseProductName()).isEqualTo("salesdw");

      List<String> schemas = new ArrayList<>();
      try (ResultSet rows = metadata.getSchemas()) {
        while (rows.next()) {
          schemas.add(rows.getString("TABLE_SCHEM"));
        }
      }
      assertThat(schemas).contains("gold", "semantic", "catalog");

      List<String> tables = new ArrayList<>();
      try (ResultSet rows = metadata.getTables(null, null, "%", null)) {
        while (rows.next()) {
          tables.add(
              rows.getString("TABLE_SCHEM")
                  + "."
                  + rows.getString("TABLE_NAME")
                  + " "
                  + rows.getString("TABLE_TYPE"));
        }
      }
      assertThat(tables)
          .contains(
              "gold.fact_order TABLE",
              "gold.dim_rep TABLE",
              "null.metrics VIEW",
              "semantic.orders VIEW",
              "catalog.metrics TABLE");

      List<String> orderColumns = new ArrayList<>();
      try (ResultSet rows = metadata.getColumns(null, "gold", "fact_order", "%")) {
        while (rows.next()) {
          orderColumns.add(rows.getString("COLUMN_NAME") + " " + rows.getInt("DATA_TYPE"));
        }
      }
      // TinyGoldLake.ORDER_COLUMNS, with the JDBC type of each Delta type.
      assertThat(orderColumns)
          .containsExactly(
              "order_no " + java.sql.Types.VARCHAR,
              "month_key " + java.sql.Types.INTEGER,
              "order_date " + java.sql.Types.DATE,
              "unified_customer_id " + java.sql.Types.VARCHAR,
              "rep_id " + java.sql.Types.VARCHAR,
              "product_line_code " + java.sql.Types.VARCHAR,
              "amount " + java.sql.Types.DECIMAL,
              "gross_margin " + java.sql.Types.DECIMAL);

      List<String> metricsColumns = new ArrayList<>();
      try (ResultSet rows = metadata.getColumns(null, null, "metrics", "%")) {
        while (rows.next()) {
          metricsColumns.add(rows.getString("COLUMN_NAME"));
        }
      }
      assertThat(metricsColumns).contains("revenue", "order_date", "payment_method");
    }
  }

  @Test
  void refusesAWrongPassword() {
    assertThatThrownBy(() -> connect("user=ceo&password=wrong").close())
        .isInstanceOf(SQLException.class)
        .hasStackTraceContaining("log-in refused: wrong user name, password or token");
  }

  @Test
  void refusesAClientWithoutCredentialsWithAClearMessage() {
    assertThatThrownBy(
            () -> {
              try (Connection connection = connect("");
                  Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT 1").close();
              }
            })
        .isInstanceOf(SQLException.class)
        .hasStackTraceContaining("this server requires a log-in");
  }

  @Test
  void refusesAQueryOverTheRowLimit() throws Exception {
    try (Connection connection = connect("user=ceo&password=" + encode(PASSWORD));
        Statement statement = connection.createStatement()) {
      // 12 orders, more than the 5 allowed.
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM gold.fact_order").close())
          .isInstanceOf(SQLException.class)
          .hasStackTraceContaining("the query returns more than the 5 rows allowed");
      // A query within the limit still runs on the same connection.
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT order_no FROM gold.fact_order ORDER BY order_no LIMIT 2")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("SO-01");
      }
    }
  }

  @Test
  void refusesAnInvalidQueryWithTheLayersMessage() throws Exception {
    try (Connection connection = connect("user=ceo&password=" + encode(PASSWORD));
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM gold.no_such_table").close())
          .isInstanceOf(SQLException.class)
          .hasStackTraceContaining("no_such_table");
    }
  }

  @Test
  void servesTls() throws Exception {
    Path keyStore = directory.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "salesdw",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                "store-secret",
                "-keypass",
                "store-secret",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2")
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue())
        .as(
            new String(
                keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isZero();
    assertThat(Files.size(keyStore)).isPositive();

    try (FlightSqlEndpoint tls =
        FlightSqlEndpoint.start(
            service, "127.0.0.1", 0, Optional.of(new ServeTls(keyStore, "store-secret")))) {
      String url =
          "jdbc:arrow-flight-sql://127.0.0.1:"
              + tls.port()
              + "?useEncryption=true&disableCertificateVerification=true&user=ceo&password="
              + encode(PASSWORD);
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM gold.fact_order")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(12);
      }
      // The TLS port does not speak plain TCP.
      String plain =
          "jdbc:arrow-flight-sql://127.0.0.1:"
              + tls.port()
              + "?useEncryption=false&user=ceo&password="
              + encode(PASSWORD);
      assertThatThrownBy(
              () -> {
                try (Connection connection = DriverManager.getConnection(plain);
                    Statement statement = connection.createStatement()) {
                  statement.executeQuery("SELECT 1").close();
                }
              })
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void givesTheServiceTheEndpointAndTheClientsAddress() throws Exception {
    String sql = "SELECT COUNT(*) AS orders_of_rep3 FROM gold.fact_order WHERE rep_id = 'REP0003'";
    try (Connection connection = connect("user=ceo&password=" + encode(PASSWORD));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      // SO-02, SO-05, SO-09 and SO-12.
      assertThat(rows.getLong(1)).isEqualTo(4);
    }
    RecordingService.Call call = recording.lastCall(sql).orElseThrow();
    assertThat(call.endpoint()).isEqualTo("flight-sql");
    assertThat(call.client()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(call.principal().user()).isEqualTo("ceo");
  }

  @Test
  // Flight's client and stream declare close() throws InterruptedException.
  @SuppressWarnings("try")
  void servesAdHocStatementsAndCancelsTheirWaitingRows() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        FlightClient client =
            FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", endpoint.port()))
                .build()) {
      CallOption login = client.authenticateBasicToken("ceo", PASSWORD).orElseThrow();
      FlightSqlClient sql = new FlightSqlClient(client);

      String twoOrders = "SELECT order_no FROM gold.fact_order ORDER BY order_no LIMIT 2";
      FlightInfo info = sql.execute(twoOrders, login);
      List<String> orders = new ArrayList<>();
      try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), login)) {
        while (stream.next()) {
          VarCharVector vector = (VarCharVector) stream.getRoot().getVector(0);
          for (int i = 0; i < stream.getRoot().getRowCount(); i++) {
            orders.add(new String(vector.get(i), StandardCharsets.UTF_8));
          }
        }
      }
      assertThat(orders).containsExactly("SO-01", "SO-02");

      String cancelled = "SELECT order_no FROM gold.fact_order ORDER BY order_no DESC LIMIT 1";
      FlightInfo toCancel = sql.execute(cancelled, login);
      assertThat(sql.cancelFlightInfo(new CancelFlightInfoRequest(toCancel), login).getStatus())
          .isEqualTo(CancelStatus.CANCELLED);
      assertThat(recording.lastCall(cancelled).orElseThrow().cancellation().isCancelled()).isTrue();
      assertThatThrownBy(
              () -> {
                try (FlightStream stream =
                    sql.getStream(toCancel.getEndpoints().get(0).getTicket(), login)) {
                  stream.next();
                }
              })
          .isInstanceOf(FlightRuntimeException.class)
          .hasMessageContaining("no such statement");
    }
  }

  /** The service the endpoint serves, recording what each query was given. */
  private static final class RecordingService implements SemanticService {
    record Call(
        Principal principal,
        String sql,
        String endpoint,
        String client,
        QueryCancellation cancellation) {}

    private final SemanticService delegate;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    RecordingService(SemanticService delegate) {
      this.delegate = delegate;
    }

    Optional<Call> lastCall(String sql) {
      Call last = null;
      for (Call call : calls) {
        if (call.sql().equals(sql)) {
          last = call;
        }
      }
      return Optional.ofNullable(last);
    }

    @Override
    public Principal logIn(String user, String password, String client) {
      return delegate.logIn(user, password, client);
    }

    @Override
    public Principal logInWithToken(String token, String client) {
      return delegate.logInWithToken(token, client);
    }

    @Override
    public SemanticAnswer execute(
        Principal principal,
        String sql,
        String endpoint,
        String client,
        QueryCancellation cancellation) {
      calls.add(new Call(principal, sql, endpoint, client, cancellation));
      return delegate.execute(principal, sql, endpoint, client, cancellation);
    }

    @Override
    public ServedCatalog catalog(Principal principal) {
      return delegate.catalog(principal);
    }
  }

  private static Connection connect(String credentials) throws SQLException {
    String url =
        "jdbc:arrow-flight-sql://127.0.0.1:"
            + endpoint.port()
            + "?useEncryption=false"
            + (credentials.isEmpty() ? "" : "&" + credentials);
    return DriverManager.getConnection(url);
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
