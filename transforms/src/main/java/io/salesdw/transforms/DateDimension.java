package io.salesdw.transforms;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * dim_date: one row per day from the first of January of the earliest year the lake has an order,
 * lead or opportunity in to the last day of the year after the latest, with calendar and fiscal
 * attributes. Computed in Java from the {@link FiscalCalendar}, so the fiscal rules live in one
 * tested place.
 */
final class DateDimension {
  static final StructType SCHEMA =
      new StructType()
          .add("date_key", DataTypes.IntegerType, false)
          .add("date", DataTypes.DateType, false)
          .add("year", DataTypes.IntegerType, false)
          .add("quarter", DataTypes.IntegerType, false)
          .add("month", DataTypes.IntegerType, false)
          .add("month_key", DataTypes.IntegerType, false)
          .add("month_start", DataTypes.DateType, false)
          .add("day_of_month", DataTypes.IntegerType, false)
          .add("day_of_week", DataTypes.IntegerType, false)
          .add("is_weekend", DataTypes.BooleanType, false)
          .add("week_start", DataTypes.DateType, false)
          .add("fiscal_year", DataTypes.IntegerType, false)
          .add("fiscal_year_start", DataTypes.DateType, false)
          .add("fiscal_quarter", DataTypes.IntegerType, false)
          .add("fiscal_month", DataTypes.IntegerType, false);

  private DateDimension() {}

  static List<Row> rows(LocalDate first, LocalDate last, FiscalCalendar calendar) {
    List<Row> rows = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      rows.add(
          RowFactory.create(
              d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth(),
              Date.valueOf(d),
              d.getYear(),
              (d.getMonthValue() - 1) / 3 + 1,
              d.getMonthValue(),
              d.getYear() * 100 + d.getMonthValue(),
              Date.valueOf(d.withDayOfMonth(1)),
              d.getDayOfMonth(),
              d.getDayOfWeek().getValue(),
              d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY,
              Date.valueOf(calendar.weekStart(d)),
              calendar.fiscalYear(d),
              Date.valueOf(calendar.fiscalYearStart(d)),
              calendar.fiscalQuarter(d),
              calendar.fiscalMonth(d)));
    }
    return rows;
  }

  static Dataset<Row> build(GoldContext context) {
    Row range =
        context
            .spark()
            .sql(
                "SELECT least((SELECT min(order_date) FROM silver_erp_orders),"
                    + " (SELECT min(to_date(created_at)) FROM silver_crm_leads),"
                    + " (SELECT min(to_date(created_at)) FROM silver_crm_opportunities)),"
                    + " greatest((SELECT max(order_date) FROM silver_erp_orders),"
                    + " (SELECT max(to_date(updated_at)) FROM silver_crm_opportunities))")
            .head();
    LocalDate first = range.isNullAt(0) ? context.asOf() : range.getDate(0).toLocalDate();
    LocalDate latest = range.isNullAt(1) ? context.asOf() : range.getDate(1).toLocalDate();
    LocalDate last = LocalDate.of(Math.max(latest.getYear(), context.asOf().getYear()) + 1, 12, 31);
    return context
        .spark()
        .createDataFrame(
            rows(LocalDate.of(first.getYear(), 1, 1), last, context.config().fiscalCalendar()),
            SCHEMA);
  }
}
