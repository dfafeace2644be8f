package io.salesdw.transforms;

import io.salesdw.transforms.incentives.CommissionCalculator;
import io.salesdw.transforms.incentives.CommissionLine;
import io.salesdw.transforms.incentives.CommissionPayment;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The targets and incentives marts: attainment, target authenticity, commissions and their health.
 */
final class IncentiveMarts {
  static final String COMMISSION = "mart_commission";
  private static final String COMMISSION_PAYMENTS = "mart_commission_payments";

  static final StructType COMMISSION_SCHEMA =
      new StructType()
          .add("payment_no", DataTypes.StringType, false)
          .add("month_key", DataTypes.IntegerType, false)
          .add("opportunity_id", DataTypes.StringType, false)
          .add("rep_id", DataTypes.StringType, false)
          .add("rep_key", DataTypes.StringType, true)
          .add("team_id", DataTypes.StringType, true)
          .add("region_id", DataTypes.StringType, true)
          .add("due_date", DataTypes.DateType, true)
          .add("received_date", DataTypes.DateType, false)
          .add("fiscal_year", DataTypes.IntegerType, false)
          .add("amount", DataTypes.createDecimalType(18, 2), false)
          .add("fiscal_year_collected_before", DataTypes.createDecimalType(18, 2), false)
          .add("base_commission", DataTypes.createDecimalType(18, 2), false)
          .add("tier_amount", DataTypes.createDecimalType(18, 2), false)
          .add("tier_commission", DataTypes.createDecimalType(18, 2), false)
          .add("days_late", DataTypes.IntegerType, true)
          .add("timing_multiplier", DataTypes.createDecimalType(12, 6), false)
          .add("commission_amount", DataTypes.createDecimalType(18, 2), false)
          .add("calculation_path", DataTypes.StringType, false);

  private IncentiveMarts() {}

  static List<GoldTable> tables() {
    return List.of(
        GoldCatalog.sql(
            "mart_target_attainment",
            "one row per target level (rep, team, region), owner and month",
            List.of(
                "gold.fact_target", "gold.fact_opportunity_stage_transition", "gold.fact_payment"),
            true),
        GoldCatalog.sql(
            "mart_target_authenticity",
            "one row per rep and month with activities or measurable quote revisions",
            List.of(
                "gold.fact_activity",
                "gold.fact_chat_message",
                "gold.fact_call",
                "gold.fact_quote"),
            true),
        GoldCatalog.sqlTable(
            COMMISSION,
            "one row per received payment on a deal with an owning rep",
            List.of("gold.fact_payment"),
            true,
            // The configured rules and fiscal calendar are part of every table's fingerprint
            // (GoldBuild appends the whole TransformConfig), so a rule change rebuilds this table.
            GoldContext.sqlText(COMMISSION_PAYMENTS) + "\njava:CommissionCalculator:1",
            IncentiveMarts::commissions),
        GoldCatalog.sql(
            "mart_incentive_health",
            "one row per month with payments received or due",
            List.of("gold.fact_payment", "gold.mart_commission"),
            true));
  }

  /** mart_commission: the commission on each received deal payment, computed in Java. */
  static Dataset<Row> commissions(GoldContext context) {
    List<Row> inputs = context.sql(COMMISSION_PAYMENTS).collectAsList();
    // By identity: the calculator hands back the same payment objects.
    Map<CommissionPayment, Row> byPayment = new IdentityHashMap<>();
    for (Row row : inputs) {
      CommissionPayment payment =
          new CommissionPayment(
              row.getAs("payment_no"),
              row.getAs("rep_id"),
              localDate(row.getAs("received_date")).orElseThrow(),
              localDate(row.getAs("due_date")),
              row.getAs("amount"));
      byPayment.put(payment, row);
    }
    CommissionCalculator calculator =
        new CommissionCalculator(
            context.config().commissionRules(), context.config().fiscalCalendar());
    List<Row> rows = new ArrayList<>(inputs.size());
    for (CommissionLine line : calculator.calculate(byPayment.keySet())) {
      Row input = byPayment.get(line.payment());
      LocalDate received = line.payment().receivedDate();
      rows.add(
          RowFactory.create(
              line.payment().paymentNo(),
              received.getYear() * 100 + received.getMonthValue(),
              input.getAs("opportunity_id"),
              line.payment().repId(),
              input.getAs("rep_key"),
              input.getAs("team_id"),
              input.getAs("region_id"),
              line.payment().dueDate().map(Date::valueOf).orElse(null),
              Date.valueOf(received),
              line.fiscalYear(),
              line.payment().amount(),
              line.collectedBefore(),
              line.baseCommission(),
              line.tierAmount(),
              line.tierCommission(),
              line.daysLate().isPresent() ? Math.toIntExact(line.daysLate().getAsLong()) : null,
              line.timingBand().multiplier(),
              line.commissionAmount(),
              line.calculationPath()));
    }
    return context.spark().createDataFrame(rows, COMMISSION_SCHEMA);
  }

  private static Optional<LocalDate> localDate(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof LocalDate date) {
      return Optional.of(date);
    }
    return Optional.of(((Date) value).toLocalDate());
  }
}
