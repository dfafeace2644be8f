package io.salesdw.semantic.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.jdbc.OrdersLake.Order;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver through {@code DriverManager}, on a lake and a model written by {@link OrdersLake}:
 * every expected value is computed here from the fixture's rows. The tests' JVM runs in New York's
 * zone, so a timestamp read in the wrong zone would show.
 */
class TestSalesdwDriver {
  private static final String ORDERS_IN_ORDER =
      "SELECT order_no, customer_id, amount, is_paid, order_date, paid_at FROM gold.fact_order"
          + " ORDER BY order_no";

  @TempDir Path lake;
  @TempDir Path model;

  private String url;
  private Connection connection;

  @BeforeEach
  void openConnection() throws SQLException {
    OrdersLake.write(lake);
    OrdersLake.writeModel(model);
    url = "jdbc:salesdw:lake=" + lake + ";model=" + model;
    connection = DriverManager.getConnection(url);
  }

  @AfterEach
  void closeConnection() throws SQLException {
    connection.close();
  }

  @Test
  void theDriverIsRegisteredForItsUrls() throws SQLException {
    assertThat(DriverManager.getDriver(url)).isInstanceOf(SalesdwDriver.class);
    assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("salesdw");
  }

  @Test
  void aMetricQueryReturnsTheModelsNumbers() throws SQLException {
    Map<Optional<String>, Optional<BigDecimal>> expected = new HashMap<>();
    for (Order order : OrdersLake.version0()) {
      // SUM ignores NULLs, and is NULL over none.
      expected.merge(order.region(), order.amount(), OrdersLake_sum());
    }

    Map<Optional<String>, Optional<BigDecimal>> actual = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT region_name, MEASURE(revenue) AS revenue FROM metrics"
                    + " GROUP BY region_name")) {
      ResultSetMetaData columns = rows.getMetaData();
      assertThat(columns.getColumnCount()).isEqualTo(2);
      assertThat(columns.getColumnLabel(1)).isEqualTo("region_name");
      assertThat(columns.getColumnType(1)).isEqualTo(Types.VARCHAR);
      assertThat(columns.getColumnLabel(2)).isEqualTo("revenue");
      assertThat(columns.getColumnType(2)).isEqualTo(Types.DECIMAL);
      assertThat(columns.getScale(2)).isEqualTo(2);
      while (rows.next()) {
        String region = rows.getString(1);
        Optional<String> regionValue = rows.wasNull() ? Optional.empty() : Optional.of(region);
        BigDecimal revenue = rows.getBigDecimal(2);
        actual.put(regionValue, rows.wasNull() ? Optional.empty() : Optional.of(revenue));
      }
    }

    assertThat(actual).isEqualTo(expected);
    // The fixture has a NULL region whose orders have no amount: NULL on both sides.
    assertThat(actual).containsEntry(Optional.empty(), Optional.empty());
  }

  @Test
  void aPlainQueryReadsEachColumnWithItsJdbcType() throws SQLException {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    List<List<Object>> expected = new ArrayList<>();
    for (Order order : OrdersLake.version0()) {
      expected.add(
          List.of(
              order.orderNo(),
              order.customerId(),
              order.amount(),
              order.paid(),
              order.orderDate(),
              order.paidAt(),
              order.paidAt().map(instant -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC))));
    }

    List<List<Object>> actual = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(ORDERS_IN_ORDER)) {
      ResultSetMetaData columns = rows.getMetaData();
      assertThat(List.of(1, 2, 3, 4, 5, 6).stream().map(i -> columnType(columns, i)))
          .containsExactly(
              Types.VARCHAR,
              Types.BIGINT,
              Types.DECIMAL,
              Types.BOOLEAN,
              Types.DATE,
              Types.TIMESTAMP);
      assertThat(columns.getPrecision(3)).isEqualTo(12);
      assertThat(columns.getScale(3)).isEqualTo(2);
      while (rows.next()) {
        String orderNo = rows.getString(1);
        long customerId = rows.getLong(2);
        Optional<Long> customer = rows.wasNull() ? Optional.empty() : Optional.of(customerId);
        Optional<BigDecimal> amount = Optional.ofNullable(rows.getBigDecimal(3));
        boolean paid = rows.getBoolean(4);
        Optional<Boolean> isPaid = rows.wasNull() ? Optional.empty() : Optional.of(paid);
        LocalDate orderDate = rows.getDate(5).toLocalDate();
        // A TIMESTAMP holds the instant's UTC wall clock: with a UTC calendar it is the instant,
        // without one it is that wall clock in the JVM's zone, as JDBC reads any TIMESTAMP.
        Optional<Instant> paidAt =
            Optional.ofNullable(rows.getTimestamp(6, utc)).map(Timestamp::toInstant);
        Optional<LocalDateTime> wallClock =
            Optional.ofNullable(rows.getTimestamp(6)).map(Timestamp::toLocalDateTime);
        actual.add(List.of(orderNo, customer, amount, isPaid, orderDate, paidAt, wallClock));
      }
    }

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void aPreparedStatementRunsAgainOnTheTablesCurrentSnapshot() throws SQLException {
    try (PreparedStatement totals =
        connection.prepareStatement(
            "SELECT count(*) AS orders, sum(amount) AS amount FROM gold.fact_order")) {
      // Described before it runs, from the validated plan.
      assertThat(totals.getMetaData().getColumnType(1)).isEqualTo(Types.BIGINT);
      assertThat(totals.getMetaData().getColumnType(2)).isEqualTo(Types.DECIMAL);

      assertThat(totals(totals)).isEqualTo(expectedTotals(OrdersLake.version0()));

      OrdersLake.append(lake);

      assertThat(totals(totals)).isEqualTo(expectedTotals(OrdersLake.version1()));
    }
  }

  @Test
  void rowsComeInFramesOfTheFetchSizeAndUpToMaxRows() throws SQLException {
    List<String> expected = OrdersLake.version0().stream().map(Order::orderNo).sorted().toList();
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT order_no FROM gold.fact_order ORDER BY order_no")) {
      statement.setFetchSize(2);
      assertThat(orderNumbers(statement.executeQuery())).isEqualTo(expected);
    }
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(3);
      assertThat(
              orderNumbers(
                  statement.executeQuery("SELECT order_no FROM gold.fact_order ORDER BY order_no")))
          .isEqualTo(expected.subList(0, 3));
    }
  }

  @Test
  void theCatalogListsTheGoldTablesAndTheMetricsView() throws SQLException {
    DatabaseMetaData catalog = connection.getMetaData();

    List<List<String>> tables = new ArrayList<>();
    try (ResultSet rows = catalog.getTables(null, null, "%", null)) {
      while (rows.next()) {
        tables.add(
            java.util.Arrays.asList(
                rows.getString("TABLE_SCHEM"),
                rows.getString("TABLE_NAME"),
                rows.getString("TABLE_TYPE")));
      }
    }
    assertThat(tables)
        .containsExactlyInAnyOrder(
            java.util.Arrays.asList("gold", "dim_region", "TABLE"),
            java.util.Arrays.asList("gold", "fact_order", "TABLE"),
            java.util.Arrays.asList(null, "metrics", "VIEW"));

    try (ResultSet rows = catalog.getSchemas()) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString("TABLE_SCHEM")).isEqualTo("gold");
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void theColumnsOfATableAreItsDeltaSchema() throws SQLException {
    // Delta type → JDBC type, precision and scale, as the README's catalog section maps them.
    Map<String, List<Integer>> jdbcTypes =
        Map.of(
            "string", List.of(Types.VARCHAR),
            "long", List.of(Types.BIGINT),
            "decimal(12,2)", List.of(Types.DECIMAL, 12, 2),
            "boolean", List.of(Types.BOOLEAN),
            "date", List.of(Types.DATE),
            "timestamp", List.of(Types.TIMESTAMP));
    List<List<Object>> expected = new ArrayList<>();
    for (int i = 0; i < OrdersLake.ORDER_COLUMNS.size(); i++) {
      OrdersLake.Column column = OrdersLake.ORDER_COLUMNS.get(i);
      List<Integer> type = jdbcTypes.get(column.deltaType());
      expected.add(
          List.of(
              column.name(),
              type.get(0),
              type.size() > 1 ? Optional.of(type.get(1)) : Optional.empty(),
              type.size() > 1 ? Optional.of(type.get(2)) : Optional.empty(),
              column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
              i + 1));
    }

    List<List<Object>> actual = new ArrayList<>();
    try (ResultSet rows = connection.getMetaData().getColumns(null, "gold", "fact_order", "%")) {
      while (rows.next()) {
        int dataType = rows.getInt("DATA_TYPE");
        Optional<Integer> size = Optional.of(rows.getInt("COLUMN_SIZE"));
        Optional<Integer> digits = Optional.of(rows.getInt("DECIMAL_DIGITS"));
        boolean noDigits = rows.wasNull();
        actual.add(
            List.of(
                rows.getString("COLUMN_NAME"),
                dataType,
                dataType == Types.DECIMAL ? size : Optional.empty(),
                noDigits ? Optional.empty() : digits,
                rows.getInt("NULLABLE"),
                rows.getInt("ORDINAL_POSITION")));
      }
    }

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void theMetricsViewHasTheModelsDimensionsAndMetrics() throws SQLException {
    Map<String, Integer> columns = new HashMap<>();
    try (ResultSet rows = connection.getMetaData().getColumns(null, null, "metrics", "%")) {
      while (rows.next()) {
        columns.put(rows.getString("COLUMN_NAME"), rows.getInt("DATA_TYPE"));
      }
    }

    // order_date is a date column; region a string; revenue sums a decimal; order_count counts.
    assertThat(columns)
        .isEqualTo(
            Map.of(
                "order_date", Types.DATE,
                "region_name", Types.VARCHAR,
                "revenue", Types.DECIMAL,
                "order_count", Types.BIGINT));
  }

  @Test
  void aBadQueryFailsWithTheLayersMessageAndSqlState() throws SQLException {
    String misspelt = "SELECT region_name, MEASURE(revenu) FROM metrics GROUP BY region_name";
    try (Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery(misspelt))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo(JdbcErrors.USER_ERROR_STATE))
          .hasMessageStartingWith("There is no metric 'revenu' (did you mean 'revenue'?)");
      assertThatThrownBy(() -> statement.executeQuery("SELECT amout FROM gold.fact_order"))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo(JdbcErrors.USER_ERROR_STATE))
          .hasMessageStartingWith("The query is not valid at line 1, column 8:")
          .hasMessageContaining("Column 'amout' not found")
          .hasMessageEndingWith("Did you mean 'amount'?");
    }
    // Preparing validates: the same error, before anything runs.
    assertThatThrownBy(() -> connection.prepareStatement(misspelt))
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo(JdbcErrors.USER_ERROR_STATE))
        .hasMessageStartingWith("There is no metric 'revenu' (did you mean 'revenue'?)");
  }

  @Test
  void parametersAreRefusedButAQuestionMarkInTextIsNot() throws SQLException {
    String withParameter = "SELECT amount FROM gold.fact_order WHERE order_no = ?";
    assertThatThrownBy(() -> connection.prepareStatement(withParameter))
        .isInstanceOf(SQLException.class)
        .hasMessage(
            "The query has a '?' parameter, which the salesdw driver does not bind yet: "
                + withParameter
                + ". Write the value into the SQL as a literal.");

    long ordersNotNamedQuestionMark =
        OrdersLake.version0().stream().filter(order -> !order.orderNo().equals("?")).count();
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM gold.fact_order WHERE order_no <> '?' -- any?");
        ResultSet rows = statement.executeQuery()) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(ordersNotNamedQuestionMark);
    }
  }

  @Test
  void aMissingLakeFailsTheConnectionNamingIt() {
    Path missing = lake.resolve("no-such-lake");
    assertThatThrownBy(
            () -> DriverManager.getConnection("jdbc:salesdw:lake=" + missing + ";model=" + model))
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo(JdbcErrors.CONNECTION_FAILED_STATE))
        .hasMessageContaining("The lake root '" + missing + "' does not exist");
  }

  @Test
  void aUrlWithoutALakeOrWithAnUnknownPropertyFailsNamingThem() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:salesdw:mdoel=" + model))
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo(JdbcErrors.CONNECTION_FAILED_STATE))
        .hasMessageStartingWith(
            "The salesdw connection's properties are not valid: unknown property [mdoel]; no"
                + " 'lake'.");
  }

  @Test
  void closingTheConnectionClosesTheEngine() throws SQLException {
    SemanticLayer layer = connection.unwrap(SalesdwConnection.class).semanticMeta().layer();
    PreparedStatement statement = connection.prepareStatement(ORDERS_IN_ORDER);
    DatabaseMetaData catalog = connection.getMetaData();

    connection.close();

    assertThatThrownBy(() -> layer.query(ORDERS_IN_ORDER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the DuckDB engine is closed");
    assertThatThrownBy(statement::executeQuery)
        .isInstanceOf(SQLException.class)
        .hasMessage(JdbcErrors.connectionClosed().getMessage());
    assertThatThrownBy(() -> catalog.getTables(null, null, "%", null))
        .hasMessageContaining("The salesdw connection is closed");
  }

  private static java.util.function.BinaryOperator<Optional<BigDecimal>> OrdersLake_sum() {
    return (a, b) ->
        a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(a.orElseThrow().add(b.orElseThrow()));
  }

  private static List<Object> totals(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      assertThat(rows.next()).isTrue();
      List<Object> totals = List.of(rows.getLong(1), rows.getBigDecimal(2));
      assertThat(rows.next()).isFalse();
      return totals;
    }
  }

  private static List<Object> expectedTotals(List<Order> orders) {
    BigDecimal sum =
        orders.stream()
            .flatMap(order -> order.amount().stream())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return List.of((long) orders.size(), sum);
  }

  private static List<String> orderNumbers(ResultSet rows) throws SQLException {
    try (rows) {
      List<String> numbers = new ArrayList<>();
      while (rows.next()) {
        numbers.add(rows.getString(1));
      }
      return numbers;
    }
  }

  private static int columnType(ResultSetMetaData columns, int index) {
    try {
      return columns.getColumnType(index);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
