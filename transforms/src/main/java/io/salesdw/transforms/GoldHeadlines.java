package io.salesdw.transforms;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A few headline figures of a built gold layer, for the demo's summary: the year's target
 * attainment, how well the recalibrated forecast scores against the reps' own on held-out periods,
 * and how the lifetime model forecast held-out purchases against a naive baseline.
 *
 * @param wonAmount won amount over every rep target month
 * @param targetAmount the sum of the rep targets
 * @param repBrierScore Brier score of the reps' probabilities on held-out periods
 * @param calibratedBrierScore Brier score of the recalibrated probabilities on the same forecasts
 * @param heldOutForecasts how many forecasts those scores are over
 * @param ltvModelMae the lifetime model's mean absolute error of held-out purchases per customer
 *     (NaN when there was too little history to score a holdout)
 * @param ltvBaselineMae the naive baseline's (NaN likewise)
 */
public record GoldHeadlines(
    double wonAmount,
    double targetAmount,
    double repBrierScore,
    double calibratedBrierScore,
    long heldOutForecasts,
    double ltvModelMae,
    double ltvBaselineMae) {

  /** Won amount divided by target, over every rep and month with a target. */
  public double targetAttainment() {
    return targetAmount == 0 ? 0 : wonAmount / targetAmount;
  }

  /** Reads the headline figures from the gold tables of the lake at {@code lakeRoot}. */
  public static GoldHeadlines read(SparkSession spark, String lakeRoot) {
    requireNonNull(spark, "spark is null");
    String gold = requireNonNull(lakeRoot, "lakeRoot is null") + "/gold/";
    Row attainment =
        spark
            .read()
            .format("delta")
            .load(gold + "mart_target_attainment")
            .where("target_level = 'rep'")
            .selectExpr(
                "cast(coalesce(sum(won_amount), 0) AS double)",
                "cast(coalesce(sum(target_amount), 0) AS double)")
            .head();
    Row calibration =
        spark
            .read()
            .format("delta")
            .load(gold + "mart_forecast_calibration")
            .where("scope_type = 'all'")
            .selectExpr(
                "max(CASE WHEN probability_source = 'rep' THEN brier_score END)",
                "max(CASE WHEN probability_source = 'calibrated' THEN brier_score END)",
                "cast(max(CASE WHEN probability_source = 'rep' THEN forecasts END) AS long)")
            .head();
    Row ltv =
        spark
            .read()
            .format("delta")
            .load(gold + "mart_ltv_model")
            .selectExpr("holdout_model_mae", "holdout_baseline_mae")
            .head();
    return new GoldHeadlines(
        attainment.getDouble(0),
        attainment.getDouble(1),
        calibration.isNullAt(0) ? Double.NaN : calibration.getDouble(0),
        calibration.isNullAt(1) ? Double.NaN : calibration.getDouble(1),
        calibration.isNullAt(2) ? 0 : calibration.getLong(2),
        ltv.isNullAt(0) ? Double.NaN : ltv.getDouble(0),
        ltv.isNullAt(1) ? Double.NaN : ltv.getDouble(1));
  }
}
