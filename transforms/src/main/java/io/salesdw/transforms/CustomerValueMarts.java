package io.salesdw.transforms;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.transforms.ltv.model.BgNbdModel;
import io.salesdw.transforms.ltv.model.BgNbdParameters;
import io.salesdw.transforms.ltv.model.CalibrationHoldoutSplit;
import io.salesdw.transforms.ltv.model.CustomerLifetimeValue;
import io.salesdw.transforms.ltv.model.CustomerTransaction;
import io.salesdw.transforms.ltv.model.CustomerTransactionSummary;
import io.salesdw.transforms.ltv.model.GammaGammaModel;
import io.salesdw.transforms.ltv.model.GammaGammaParameters;
import io.salesdw.transforms.ltv.model.HoldoutScore;
import io.salesdw.transforms.ltv.model.HoldoutValidation;
import io.salesdw.transforms.ltv.model.PeriodUnit;
import io.salesdw.transforms.ltv.model.TransactionSummaries;
import io.salesdw.transforms.text.SalesSignal;
import io.salesdw.transforms.text.SignalLexicon;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The customer-value marts. Purchase occasions are ERP contracts (a contract is one buying
 * decision, however many orders deliver it), per unified customer. A BG/NBD purchase model and a
 * Gamma-Gamma spend model, in months, are fitted on every customer's history up to the as-of date
 * and give each customer's probability of being alive, expected purchases and a three-year
 * predicted value (discounted {@value #MONTHLY_DISCOUNT_RATE} a month); the same models fitted on
 * the history up to {@value #HOLDOUT_MONTHS} months before the as-of date are scored on those held
 * out months against a naive baseline (mart_ltv_model).
 */
final class CustomerValueMarts {
  static final int HOLDOUT_MONTHS = 12;
  static final int HORIZON_MONTHS = 36;
  static final double MONTHLY_DISCOUNT_RATE = 0.01;
  private static final String VERSION = "customer-value-marts:1";
  private static final List<String> CONTRACT_INPUTS =
      List.of("silver.erp_contracts", "silver.customer_crosswalk");

  private CustomerValueMarts() {}

  static List<GoldTable> tables() {
    return List.of(
        GoldCatalog.sqlTable(
            "mart_customer_ltv_score",
            "one row per unified customer who has bought: RFM summary and model predictions",
            CONTRACT_INPUTS,
            false,
            VERSION,
            CustomerValueMarts::scores),
        GoldCatalog.sqlTable(
            "mart_ltv_model",
            "one row per fit: the fitted parameters and the held-out error against a baseline",
            CONTRACT_INPUTS,
            false,
            VERSION,
            CustomerValueMarts::model),
        GoldCatalog.sqlTable(
            "mart_customer_value",
            "one row per unified customer: revenue, margin, tenure, health index and predicted LTV",
            List.of(
                "gold.dim_customer",
                "gold.mart_customer_ltv_score",
                "gold.fact_payment",
                "gold.fact_order",
                "gold.fact_activity",
                "gold.fact_chat_message",
                "gold.fact_opportunity_stage_transition",
                "gold.fact_lead_lifecycle",
                "silver.erp_contracts",
                "silver.customer_crosswalk"),
            false,
            GoldContext.sqlText("mart_customer_value") + SignalLexicon.SIGNALS_RESOURCE,
            context -> {
              registerCompetitorMentions(context);
              return context.sql("mart_customer_value");
            }),
        GoldCatalog.sql(
            "mart_customer_cohort",
            "one row per acquisition channel, cohort year and month since acquisition",
            List.of(
                "gold.mart_customer_value", "silver.erp_contracts", "silver.customer_crosswalk"),
            false),
        GoldCatalog.sql(
            "mart_lead_source_value",
            "one row per lead channel: leads, acquired customers, their predicted value, a weight",
            List.of("gold.mart_customer_value", "gold.fact_lead_lifecycle"),
            false));
  }

  /** Registers the UDF counting competitor mentions in a customer's text (0 for none or null). */
  static void registerCompetitorMentions(GoldContext context) {
    SignalLexicon lexicon = SignalLexicon.standard();
    context
        .spark()
        .udf()
        .register(
            "salesdw_competitor_mentions",
            (UDF1<String, Integer>)
                text ->
                    text == null
                        ? 0
                        : lexicon.signals(text).count(SalesSignal.OBJECTION_COMPETITOR),
            DataTypes.IntegerType);
  }

  /** Every contract as a purchase of its unified customer. */
  static List<CustomerTransaction> purchases(GoldContext context) {
    return context
        .spark()
        .sql(
            "SELECT x.unified_customer_id, date_format(k.signed_date, 'yyyy-MM-dd'),"
                + " cast(k.amount AS double)"
                + " FROM silver_erp_contracts k"
                + " JOIN silver_customer_crosswalk x"
                + "   ON x.source = 'erp' AND x.record_id = k.customer_code"
                + " WHERE k.signed_date IS NOT NULL AND k.amount IS NOT NULL"
                + " AND k.signed_date <= "
                + context.parameters().get("as_of"))
        .collectAsList()
        .stream()
        .map(
            r ->
                new CustomerTransaction(
                    r.getString(0), LocalDate.parse(r.getString(1)), r.getDouble(2)))
        .toList();
  }

  private static Dataset<Row> scores(GoldContext context) {
    List<CustomerTransaction> purchases = purchases(context);
    List<CustomerTransactionSummary> customers =
        TransactionSummaries.summarise(purchases, PeriodUnit.MONTHS, context.asOf());
    BgNbdModel model = BgNbdModel.fit(customers);
    GammaGammaModel spend = GammaGammaModel.fit(GammaGammaModel.spenders(customers));
    CustomerLifetimeValue value = new CustomerLifetimeValue(model, spend, PeriodUnit.MONTHS);
    List<Row> rows = new ArrayList<>();
    for (CustomerTransactionSummary c : customers) {
      rows.add(score(c, model, spend, value));
    }
    StructType schema =
        new StructType()
            .add("unified_customer_id", DataTypes.StringType, false)
            .add("repeat_purchases", DataTypes.IntegerType, false)
            .add("recency_months", DataTypes.DoubleType, false)
            .add("age_months", DataTypes.DoubleType, false)
            .add("mean_repeat_value", DataTypes.createDecimalType(18, 2), false)
            .add("probability_alive", DataTypes.DoubleType, true)
            .add("expected_purchases_12m", DataTypes.DoubleType, true)
            .add("expected_purchases_36m", DataTypes.DoubleType, true)
            .add("expected_value_per_purchase", DataTypes.createDecimalType(18, 2), true)
            .add("predicted_ltv_36m", DataTypes.createDecimalType(18, 2), true);
    return context.spark().createDataFrame(rows, schema);
  }

  /**
   * One customer's predictions; empty (nulls) when the fitted model is degenerate for them (on very
   * little history the fit can run off to the Poisson limit, where the series behind the
   * conditional expectation does not converge), rather than failing the whole build.
   */
  private static Row score(
      CustomerTransactionSummary c,
      BgNbdModel model,
      GammaGammaModel spend,
      CustomerLifetimeValue value) {
    Object[] predictions = new Object[5];
    try {
      predictions =
          new Object[] {
            model.probabilityAlive(c),
            model.expectedPurchases(c, 12),
            model.expectedPurchases(c, HORIZON_MONTHS),
            money(spend.conditionalExpectedAverageValue(c)),
            money(value.value(c, HORIZON_MONTHS, MONTHLY_DISCOUNT_RATE))
          };
    } catch (ArithmeticException | IllegalArgumentException e) {
      // Left empty: see the method comment.
    }
    return RowFactory.create(
        c.customerId(),
        c.frequency(),
        c.recency(),
        c.age(),
        money(c.monetaryValue()),
        predictions[0],
        predictions[1],
        predictions[2],
        predictions[3],
        predictions[4]);
  }

  private static Dataset<Row> model(GoldContext context) {
    List<CustomerTransaction> purchases = purchases(context);
    LocalDate asOf = context.asOf();
    List<CustomerTransactionSummary> customers =
        TransactionSummaries.summarise(purchases, PeriodUnit.MONTHS, asOf);
    BgNbdParameters fit = BgNbdModel.fit(customers).parameters();
    GammaGammaParameters spend =
        GammaGammaModel.fit(GammaGammaModel.spenders(customers)).parameters();
    LocalDate calibrationEnd = asOf.minusMonths(HOLDOUT_MONTHS);
    CalibrationHoldoutSplit split =
        TransactionSummaries.calibrationAndHoldout(
            purchases, PeriodUnit.MONTHS, calibrationEnd, asOf);
    HoldoutScore score = null;
    String holdoutStatus = "scored";
    try {
      score = HoldoutValidation.fitAndScore(split);
    } catch (ArithmeticException | IllegalArgumentException | SalesdwException e) {
      // Too little history to fit on (a handful of customers): say so instead of failing.
      holdoutStatus = "not scored: " + e.getMessage();
    }
    Row row =
        RowFactory.create(
            java.sql.Date.valueOf(asOf),
            customers.size(),
            fit.r(),
            fit.alpha(),
            fit.a(),
            fit.b(),
            spend.p(),
            spend.q(),
            spend.v(),
            java.sql.Date.valueOf(calibrationEnd),
            holdoutStatus,
            score == null ? null : score.customers(),
            score == null ? null : score.actualTotal(),
            score == null ? null : score.modelTotal(),
            score == null ? null : score.baselineTotal(),
            score == null ? null : score.modelMae(),
            score == null ? null : score.baselineMae(),
            score == null ? null : score.modelTotalError(),
            score == null ? null : score.baselineTotalError());
    StructType schema =
        new StructType()
            .add("as_of_date", DataTypes.DateType, false)
            .add("customers", DataTypes.IntegerType, false)
            .add("bgnbd_r", DataTypes.DoubleType, false)
            .add("bgnbd_alpha", DataTypes.DoubleType, false)
            .add("bgnbd_a", DataTypes.DoubleType, false)
            .add("bgnbd_b", DataTypes.DoubleType, false)
            .add("gamma_gamma_p", DataTypes.DoubleType, false)
            .add("gamma_gamma_q", DataTypes.DoubleType, false)
            .add("gamma_gamma_v", DataTypes.DoubleType, false)
            .add("holdout_calibration_end", DataTypes.DateType, false)
            .add("holdout_status", DataTypes.StringType, false)
            .add("holdout_customers", DataTypes.IntegerType, true)
            .add("holdout_actual_purchases", DataTypes.LongType, true)
            .add("holdout_model_purchases", DataTypes.DoubleType, true)
            .add("holdout_baseline_purchases", DataTypes.DoubleType, true)
            .add("holdout_model_mae", DataTypes.DoubleType, true)
            .add("holdout_baseline_mae", DataTypes.DoubleType, true)
            .add("holdout_model_total_error", DataTypes.DoubleType, true)
            .add("holdout_baseline_total_error", DataTypes.DoubleType, true);
    return context.spark().createDataFrame(List.of(row), schema);
  }

  private static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
