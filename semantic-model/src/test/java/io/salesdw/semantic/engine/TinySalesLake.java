package io.salesdw.semantic.engine;

import static io.salesdw.semantic.engine.HandWrittenDeltaTable.field;
import static io.salesdw.semantic.engine.HandWrittenDeltaTable.metadata;
import static io.salesdw.semantic.engine.HandWrittenDeltaTable.protocol;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny gold zone written without Spark, whose every row the tests know: {@code gold/fact_order},
 * partitioned by {@code month_key} in Spark's directory layout, with NULLs, decimals, dates and
 * timestamps (one in New York's daylight-saving gap, where the tests' JVM zone would shift it).
 */
final class TinySalesLake {
  /** One row of {@code gold/fact_order}. */
  record Order(
      String orderNo,
      Optional<Long> customerId,
      Optional<BigDecimal> amount,
      Optional<Boolean> paid,
      LocalDate orderDate,
      Optional<Instant> paidAt,
      int monthKey) {}

  static final String FACT_ORDER = "gold/fact_order";

  static final List<String> ORDER_FIELDS =
      List.of(
          field("order_no", "string", false),
          field("customer_id", "long", true),
          field("amount", "decimal(12,2)", true),
          field("is_paid", "boolean", true),
          field("order_date", "date", true),
          field("paid_at", "timestamp", true),
          field("month_key", "integer", true));

  /** Version 0: two files of January, one of February. */
  static final List<Order> JANUARY_FIRST =
      List.of(
          order("SO-1", 10L, "100.50", true, "2024-01-05", "2024-01-05T10:00:00Z", 202401),
          order("SO-2", 11L, "200.25", false, "2024-01-20", null, 202401));

  static final List<Order> JANUARY_SECOND =
      List.of(order("SO-3", null, "50.00", null, "2024-01-31", "2024-01-31T23:30:00Z", 202401));

  static final List<Order> FEBRUARY =
      List.of(
          order("SO-4", 10L, "300.00", true, "2024-02-01", "2024-02-02T08:15:30.123456Z", 202402),
          order("SO-5", 12L, null, false, "2024-02-29", null, 202402));

  /** Version 1 removes the first January file and adds these. */
  static final List<Order> JANUARY_REWRITTEN =
      List.of(order("SO-6", 13L, "75.25", true, "2024-01-11", "2024-01-12T00:00:00Z", 202401));

  // 2024-03-10 02:30 does not exist in America/New_York (the clocks jump from 02:00 to 03:00).
  static final List<Order> MARCH =
      List.of(
          order("SO-7", 10L, "10.10", true, "2024-03-09", "2024-03-10T02:30:00Z", 202403),
          order("SO-8", 14L, "20.20", true, "2024-03-10", "2024-03-10T02:59:59.999999Z", 202403));

  private TinySalesLake() {}

  /** Writes version 0 of {@code gold/fact_order}. */
  static HandWrittenDeltaTable writeOrders(Path lake) {
    HandWrittenDeltaTable table = new HandWrittenDeltaTable(lake, FACT_ORDER);
    write(table, "month_key=202401/part-0.parquet", JANUARY_FIRST);
    write(table, "month_key=202401/part-1.parquet", JANUARY_SECOND);
    write(table, "month_key=202402/part-0.parquet", FEBRUARY);
    table.commit(
        0,
        protocol(),
        metadata(ORDER_FIELDS, List.of("month_key"), Map.of()),
        table.add("month_key=202401/part-0.parquet", month(202401), JANUARY_FIRST.size()),
        table.add("month_key=202401/part-1.parquet", month(202401), JANUARY_SECOND.size()),
        table.add("month_key=202402/part-0.parquet", month(202402), FEBRUARY.size()));
    return table;
  }

  /** Writes version 1: the first January file replaced, March added. */
  static void rewriteJanuaryAndAddMarch(HandWrittenDeltaTable table) {
    write(table, "month_key=202401/part-2.parquet", JANUARY_REWRITTEN);
    write(table, "month_key=202403/part-0.parquet", MARCH);
    table.commit(
        1,
        HandWrittenDeltaTable.remove("month_key=202401/part-0.parquet"),
        table.add("month_key=202401/part-2.parquet", month(202401), JANUARY_REWRITTEN.size()),
        table.add("month_key=202403/part-0.parquet", month(202403), MARCH.size()));
  }

  static List<Order> version0() {
    List<Order> rows = new ArrayList<>(JANUARY_FIRST);
    rows.addAll(JANUARY_SECOND);
    rows.addAll(FEBRUARY);
    return rows;
  }

  static List<Order> version1() {
    List<Order> rows = new ArrayList<>(JANUARY_SECOND);
    rows.addAll(FEBRUARY);
    rows.addAll(JANUARY_REWRITTEN);
    rows.addAll(MARCH);
    return rows;
  }

  static Map<String, Optional<String>> month(int monthKey) {
    return Map.of("month_key", Optional.of(Integer.toString(monthKey)));
  }

  /** Writes the rows, less the partition column, which Delta keeps in the log. */
  static void write(HandWrittenDeltaTable table, String relativePath, List<Order> rows) {
    List<String> values = new ArrayList<>();
    for (Order row : rows) {
      values.add(
          String.format(
              "('%s', CAST(%s AS BIGINT), CAST(%s AS DECIMAL(12,2)), CAST(%s AS BOOLEAN),"
                  + " DATE '%s', CAST(%s AS TIMESTAMPTZ))",
              row.orderNo(),
              row.customerId().map(String::valueOf).orElse("NULL"),
              row.amount().map(amount -> "'" + amount.toPlainString() + "'").orElse("NULL"),
              row.paid().map(String::valueOf).orElse("NULL"),
              row.orderDate(),
              row.paidAt().map(instant -> "'" + instant + "'").orElse("NULL")));
    }
    table.writeParquet(
        relativePath,
        "SELECT * FROM (VALUES "
            + String.join(", ", values)
            + ") AS t(order_no, customer_id, amount, is_paid, order_date, paid_at)");
  }

  private static Order order(
      String orderNo,
      Long customerId,
      String amount,
      Boolean paid,
      String orderDate,
      String paidAt,
      int monthKey) {
    return new Order(
        orderNo,
        Optional.ofNullable(customerId),
        Optional.ofNullable(amount).map(BigDecimal::new),
        Optional.ofNullable(paid),
        LocalDate.parse(orderDate),
        Optional.ofNullable(paidAt).map(Instant::parse),
        monthKey);
  }
}
