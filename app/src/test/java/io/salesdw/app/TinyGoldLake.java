package io.salesdw.app;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A gold zone of one table, {@code gold/fact_order}, written without Spark (the Parquet file by
 * DuckDB, the Delta log by hand, as the semantic-model module's tests do), and a semantic model of
 * it: for the tests of the commands that read the lake through the semantic layer.
 */
final class TinyGoldLake {
  /** One row of {@code gold/fact_order}. */
  record Order(String orderNo, String region, Optional<BigDecimal> amount, LocalDate orderDate) {}

  static final List<Order> ORDERS =
      List.of(
          order("SO-1", "East", "100.50", "2024-01-05"),
          order("SO-2", "East", "200.25", "2024-01-20"),
          order("SO-3", "West", "50.00", "2024-01-31"),
          order("SO-4", "West", "300.00", "2024-02-01"),
          order("SO-5", "East", null, "2024-02-29"));

  /** The semantic model of the table; {@code %s} is where revenue's tests go. */
  static final String MODEL =
      """
      semantic-models:
        - name: orders
          table: gold/fact_order
          description: One row per order.
          default-time-dimension: order_date
          entities:
            - {name: order, type: primary, expr: order_no}
          dimensions:
            - {name: order_date, type: time, description: The day the order was placed.}
            - {name: region, type: categorical, description: The sales region.}
          measures:
            - {name: order_amount, agg: sum, expr: amount}
            - {name: order_lines, agg: count, expr: order_no}
      metrics:
        - name: revenue
          type: simple
          measure: order_amount
          label: Revenue
          owner: finance
          unit: CNY
          certification: certified
          version: 2
          description: {en: Order value., zh: 订单金额。}
      %s
        - name: order_count
          type: simple
          measure: order_lines
          label: Orders
          owner: sales-ops
          unit: count
          description: {en: Order lines., zh: 订单行数。}
        - name: average_order_value
          type: ratio
          numerator: revenue
          denominator: order_count
          label: Average order value
          owner: finance
          unit: CNY
          description: {en: Revenue per order line., zh: 平均订单金额。}
      """;

  private TinyGoldLake() {}

  /** Writes the lake under {@code root}: {@code root/gold/fact_order}, version 0. */
  static void write(Path root) {
    Path table = root.resolve("gold/fact_order");
    Path file = table.resolve("part-0.parquet");
    List<String> values = new ArrayList<>();
    for (Order order : ORDERS) {
      values.add(
          String.format(
              "('%s', '%s', CAST(%s AS DECIMAL(12,2)), DATE '%s')",
              order.orderNo(),
              order.region(),
              order.amount().map(BigDecimal::toPlainString).orElse("NULL"),
              order.orderDate()));
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      Files.createDirectories(table.resolve("_delta_log"));
      statement.execute(
          "COPY (SELECT * FROM (VALUES "
              + String.join(", ", values)
              + ") AS t(order_no, region, amount, order_date)) TO '"
              + file.toString().replace("'", "''")
              + "' (FORMAT parquet)");
      String schema =
          "{\"type\":\"struct\",\"fields\":["
              + field("order_no", "string")
              + ","
              + field("region", "string")
              + ","
              + field("amount", "decimal(12,2)")
              + ","
              + field("order_date", "date")
              + "]}";
      String log =
          String.join(
              "\n",
              "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}",
              "{\"metaData\":{\"id\":\"5f2c1f8e-0000-4000-8000-000000000001\","
                  + "\"format\":{\"provider\":\"parquet\",\"options\":{}},\"schemaString\":\""
                  + schema.replace("\"", "\\\"")
                  + "\",\"partitionColumns\":[],\"configuration\":{},"
                  + "\"createdTime\":1700000000000}}",
              "{\"add\":{\"path\":\"part-0.parquet\",\"partitionValues\":{},\"size\":"
                  + Files.size(file)
                  + ",\"modificationTime\":1700000000000,\"dataChange\":true,"
                  + "\"stats\":\"{\\\"numRecords\\\":"
                  + ORDERS.size()
                  + "}\"}}");
      Files.writeString(table.resolve("_delta_log/00000000000000000000.json"), log + "\n", UTF_8);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the model, with revenue's {@code tests:} block (or none), as {@code orders.yaml}. */
  static Path writeModel(Path directory, String revenueTests) {
    String tests =
        revenueTests.lines().map(line -> "    " + line).reduce("", (a, b) -> a + b + "\n");
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("orders.yaml"), MODEL.formatted(tests), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return directory;
  }

  private static String field(String name, String type) {
    return String.format(
        "{\"name\":\"%s\",\"type\":\"%s\",\"nullable\":true,\"metadata\":{}}", name, type);
  }

  private static Order order(String orderNo, String region, String amount, String day) {
    return new Order(
        orderNo, region, Optional.ofNullable(amount).map(BigDecimal::new), LocalDate.parse(day));
  }
}
