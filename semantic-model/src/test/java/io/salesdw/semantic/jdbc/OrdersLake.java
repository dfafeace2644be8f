package io.salesdw.semantic.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A gold zone written without Spark, whose every row the tests know: {@code gold/fact_order}
 * (Parquet by DuckDB, the Delta log by hand, as the engine tests' {@code HandWrittenDeltaTable}
 * does), an empty {@code gold/dim_region}, and a model over them.
 */
final class OrdersLake {
  /** One row of {@code gold/fact_order}. */
  record Order(
      String orderNo,
      Optional<String> region,
      Optional<Long> customerId,
      Optional<BigDecimal> amount,
      Optional<Boolean> paid,
      LocalDate orderDate,
      Optional<Instant> paidAt) {}

  /** A column of {@code gold/fact_order}: its Delta type, and whether it may be NULL. */
  record Column(String name, String deltaType, boolean nullable) {}

  static final List<Column> ORDER_COLUMNS =
      List.of(
          new Column("order_no", "string", false),
          new Column("region", "string", true),
          new Column("customer_id", "long", true),
          new Column("amount", "decimal(12,2)", true),
          new Column("is_paid", "boolean", true),
          new Column("order_date", "date", true),
          new Column("paid_at", "timestamp", true));

  /** Version 0, one file. */
  static final List<Order> FIRST =
      List.of(
          order("SO-1", "East", 10L, "100.50", true, "2024-01-05", "2024-01-05T10:00:00Z"),
          order("SO-2", "East", 11L, "200.25", false, "2024-01-20", null),
          order("SO-3", "West", null, "50.00", null, "2024-01-31", "2024-01-31T23:30:00.250Z"),
          order("SO-4", "West", 10L, "300.00", true, "2024-02-01", "2024-02-02T08:15:30.123Z"),
          order("SO-5", null, 12L, null, false, "2024-02-29", null));

  /** Version 1 adds a second file. */
  static final List<Order> SECOND =
      List.of(order("SO-6", "East", 13L, "75.25", true, "2024-03-09", "2024-03-12T09:00:00Z"));

  static final String MODEL =
      """
      semantic-models:
        - name: orders
          table: gold/fact_order
          description: One row per order.
          default-time-dimension: order_date
          entities:
            - {name: sales_order, type: primary, expr: order_no}
          dimensions:
            - {name: order_date, type: time, description: "The day the order was placed."}
            - {name: region_name, type: categorical, expr: region, description: "The sales region."}
          measures:
            - {name: order_amount, agg: sum, expr: amount, description: "Order value."}
            - {name: order_lines, agg: count, expr: order_no, description: "Orders."}

      metrics:
        - name: revenue
          type: simple
          measure: order_amount
          label: Revenue
          owner: finance
          description: {en: "Value of orders placed.", zh: "订单金额。"}
          unit: CNY
          format: "#,##0.00"
          certification: certified
          version: 1

        - name: order_count
          type: simple
          measure: order_lines
          label: Orders
          owner: sales-ops
          description: {en: "Number of orders.", zh: "订单数。"}
          unit: count
          format: "#,##0"
          certification: certified
          version: 1

      fiscal-calendar:
        first-month: 1
        week-start: monday
      """;

  private OrdersLake() {}

  /** Writes version 0 of {@code gold/fact_order} and an empty {@code gold/dim_region}. */
  static void write(Path lake) {
    Path orders = lake.resolve("gold/fact_order");
    writeParquet(orders.resolve("part-0.parquet"), FIRST);
    commit(orders, 0, protocol(), metadata(ORDER_COLUMNS), add(orders, "part-0.parquet", FIRST));
    commit(
        lake.resolve("gold/dim_region"),
        0,
        protocol(),
        metadata(
            List.of(new Column("region", "string", false), new Column("manager", "string", true))));
  }

  /** Writes version 1 of {@code gold/fact_order}: {@link #SECOND} in a second file. */
  static void append(Path lake) {
    Path orders = lake.resolve("gold/fact_order");
    writeParquet(orders.resolve("part-1.parquet"), SECOND);
    commit(orders, 1, add(orders, "part-1.parquet", SECOND));
  }

  static List<Order> version0() {
    return FIRST;
  }

  static List<Order> version1() {
    List<Order> all = new ArrayList<>(FIRST);
    all.addAll(SECOND);
    return all;
  }

  /** Writes {@link #MODEL} into {@code directory}. */
  static Path writeModel(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("orders.yaml"), MODEL, UTF_8);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeParquet(Path file, List<Order> rows) {
    List<String> values = new ArrayList<>();
    for (Order row : rows) {
      values.add(
          String.format(
              Locale.ROOT,
              "('%s', %s, CAST(%s AS BIGINT), CAST(%s AS DECIMAL(12,2)), CAST(%s AS BOOLEAN),"
                  + " DATE '%s', CAST(%s AS TIMESTAMPTZ))",
              row.orderNo(),
              row.region().map(region -> "'" + region + "'").orElse("CAST(NULL AS VARCHAR)"),
              row.customerId().map(String::valueOf).orElse("NULL"),
              row.amount().map(amount -> "'" + amount.toPlainString() + "'").orElse("NULL"),
              row.paid().map(String::valueOf).orElse("NULL"),
              row.orderDate(),
              row.paidAt().map(instant -> "'" + instant + "'").orElse("NULL")));
    }
    String query =
        "SELECT * FROM (VALUES "
            + String.join(", ", values)
            + ") AS t(order_no, region, customer_id, amount, is_paid, order_date, paid_at)";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      Files.createDirectories(file.getParent());
      statement.execute(
          "COPY (" + query + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot write " + file, e);
    }
  }

  private static void commit(Path table, long version, String... actions) {
    Path log = table.resolve("_delta_log");
    try {
      Files.createDirectories(log);
      Files.writeString(
          log.resolve(String.format(Locale.ROOT, "%020d.json", version)),
          String.join("\n", actions) + "\n",
          UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String protocol() {
    return "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}";
  }

  private static String metadata(List<Column> columns) {
    List<String> fields = new ArrayList<>();
    for (Column column : columns) {
      fields.add(
          String.format(
              "{\"name\":\"%s\",\"type\":\"%s\",\"nullable\":%s,\"metadata\":{}}",
              column.name(), column.deltaType(), column.nullable()));
    }
    // schemaString is a JSON string inside the action: its quotes are escaped once more.
    String schema =
        ("{\"type\":\"struct\",\"fields\":[" + String.join(",", fields) + "]}")
            .replace("\"", "\\\"");
    return String.format(
        "{\"metaData\":{\"id\":\"%s\",\"format\":{\"provider\":\"parquet\",\"options\":{}},"
            + "\"schemaString\":\"%s\",\"partitionColumns\":[],\"configuration\":{},"
            + "\"createdTime\":1700000000000}}",
        UUID.nameUUIDFromBytes(schema.getBytes(UTF_8)), schema);
  }

  private static String add(Path table, String file, List<Order> rows) {
    try {
      return String.format(
          "{\"add\":{\"path\":\"%s\",\"partitionValues\":{},\"size\":%d,"
              + "\"modificationTime\":1700000000000,\"dataChange\":true,"
              + "\"stats\":\"{\\\"numRecords\\\":%d}\"}}",
          file, Files.size(table.resolve(file)), rows.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Order order(
      String orderNo,
      String region,
      Long customerId,
      String amount,
      Boolean paid,
      String orderDate,
      String paidAt) {
    return new Order(
        orderNo,
        Optional.ofNullable(region),
        Optional.ofNullable(customerId),
        Optional.ofNullable(amount).map(BigDecimal::new),
        Optional.ofNullable(paid),
        LocalDate.parse(orderDate),
        Optional.ofNullable(paidAt).map(Instant::parse));
  }
}
