package io.salesdw.transforms;

import io.salesdw.transforms.calibration.CalibratedForecast;
import io.salesdw.transforms.calibration.ForecastBacktest;
import io.salesdw.transforms.calibration.ForecastObservation;
import io.salesdw.transforms.calibration.model.CalibrationMetrics;
import io.salesdw.transforms.calibration.model.ForecastCredibility;
import io.salesdw.transforms.calibration.model.ForecastEvidence;
import io.salesdw.transforms.calibration.model.OpenDeal;
import io.salesdw.transforms.calibration.model.PeriodForecast;
import io.salesdw.transforms.calibration.model.PeriodForecastInterval;
import io.salesdw.transforms.calibration.model.ReliabilityBin;
import io.salesdw.transforms.calibration.model.ScoredForecast;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The forecast-calibration marts: every forecast with a probability recalibrated on earlier periods
 * only ({@link ForecastBacktest}), how well calibrated reps, managers and the recalibration are
 * (overall, per team, per rep), reliability bins, each period's forecast total against the outcome
 * with an interval, and base rates of similar deals.
 */
final class ForecastMarts {
  private static final String VERSION = "forecast-marts:1";
  private static final List<String> INPUTS = List.of("gold.fact_forecast_snapshot");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final String REP = "rep";
  private static final String MANAGER = "manager";
  private static final String CALIBRATED = "calibrated";

  private ForecastMarts() {}

  static List<GoldTable> tables() {
    return List.of(
        GoldCatalog.sqlTable(
            "mart_forecast_snapshot_scored",
            "one row per forecast submission, with its held-out calibrated probability",
            INPUTS,
            true,
            VERSION,
            ForecastMarts::scoredSnapshots),
        GoldCatalog.sqlTable(
            "mart_forecast_calibration",
            "one row per scope (all, team, rep) and probability source (rep, manager, calibrated)",
            INPUTS,
            false,
            VERSION,
            ForecastMarts::calibration),
        GoldCatalog.sqlTable(
            "mart_forecast_reliability",
            "one row per probability source and reliability bin",
            INPUTS,
            false,
            VERSION,
            ForecastMarts::reliability),
        GoldCatalog.sqlTable(
            "mart_forecast_period",
            "one row per expected-close month: the forecast made at the month's start",
            INPUTS,
            true,
            VERSION,
            ForecastMarts::periods),
        GoldCatalog.sql(
            "mart_deal_base_rate",
            "one row per industry, amount band and rep level",
            List.of("gold.fact_opportunity_stage_transition"),
            false));
  }

  static List<ForecastObservation> observations(GoldContext context) {
    List<Row> rows =
        context
            .spark()
            .sql(
                "SELECT forecast_id, opportunity_id, rep_id, team_id,"
                    + " date_format(submitted_at, 'yyyy-MM-dd HH:mm:ss'),"
                    + " date_format(coalesce(expected_close_month, week_start), 'yyyy-MM'),"
                    + " cast(rep_probability AS double), cast(manager_probability AS double),"
                    + " cast(forecast_amount AS double), outcome,"
                    + " date_format(closed_at, 'yyyy-MM-dd HH:mm:ss')"
                    + " FROM gold_fact_forecast_snapshot"
                    + " WHERE rep_probability IS NOT NULL AND forecast_amount IS NOT NULL")
            .collectAsList();
    List<ForecastObservation> observations = new ArrayList<>(rows.size());
    for (Row row : rows) {
      observations.add(
          new ForecastObservation(
              row.getString(0),
              row.getString(1),
              row.getString(2),
              Optional.ofNullable(row.getString(3)),
              LocalDateTime.parse(row.getString(4), TIMESTAMP),
              YearMonth.parse(row.getString(5)),
              row.getDouble(6),
              row.isNullAt(7) ? OptionalDouble.empty() : OptionalDouble.of(row.getDouble(7)),
              row.getDouble(8),
              row.isNullAt(9) ? Optional.empty() : Optional.of(row.getInt(9) == 1),
              row.isNullAt(10)
                  ? Optional.empty()
                  : Optional.of(LocalDateTime.parse(row.getString(10), TIMESTAMP))));
    }
    return observations;
  }

  private static Dataset<Row> scoredSnapshots(GoldContext context) {
    Map<String, Row> evidence = new LinkedHashMap<>();
    context
        .spark()
        .sql(
            "SELECT forecast_id, trial_agreement_signed, budget_approved, in_tender_review"
                + " FROM gold_fact_forecast_snapshot")
        .collectAsList()
        .forEach(r -> evidence.put(r.getString(0), r));
    List<Row> rows = new ArrayList<>();
    for (CalibratedForecast c : ForecastBacktest.calibrate(observations(context))) {
      ForecastObservation f = c.observation();
      Row flags = evidence.get(f.forecastId());
      double credibility =
          ForecastCredibility.score(
              new ForecastEvidence(
                  f.repProbability(),
                  f.managerProbability(),
                  flags.getBoolean(1),
                  flags.getBoolean(2),
                  flags.getBoolean(3)));
      rows.add(
          RowFactory.create(
              f.forecastId(),
              f.month().getYear() * 100 + f.month().getMonthValue(),
              f.opportunityId(),
              f.repId(),
              f.teamId().orElse(null),
              f.repProbability(),
              f.managerProbability().isPresent() ? f.managerProbability().getAsDouble() : null,
              c.calibratedProbability(),
              c.calibrator(),
              c.trainingForecasts(),
              c.heldOut(),
              f.managerProbability().isPresent()
                  ? f.repProbability() - f.managerProbability().getAsDouble()
                  : null,
              credibility,
              money(f.amount()),
              money(f.amount() * c.calibratedProbability()),
              f.won().map(w -> w ? 1 : 0).orElse(null)));
    }
    StructType schema =
        new StructType()
            .add("forecast_id", DataTypes.StringType, false)
            .add("month_key", DataTypes.IntegerType, false)
            .add("opportunity_id", DataTypes.StringType, false)
            .add("rep_id", DataTypes.StringType, false)
            .add("team_id", DataTypes.StringType, true)
            .add("rep_probability", DataTypes.DoubleType, false)
            .add("manager_probability", DataTypes.DoubleType, true)
            .add("calibrated_probability", DataTypes.DoubleType, false)
            .add("calibrator", DataTypes.StringType, false)
            .add("training_forecasts", DataTypes.IntegerType, false)
            .add("is_held_out", DataTypes.BooleanType, false)
            .add("rep_minus_manager", DataTypes.DoubleType, true)
            .add("credibility_score", DataTypes.DoubleType, false)
            .add("forecast_amount", DataTypes.createDecimalType(18, 2), false)
            .add("calibrated_amount", DataTypes.createDecimalType(18, 2), false)
            .add("outcome", DataTypes.IntegerType, true);
    return context.spark().createDataFrame(rows, schema);
  }

  /** The held-out, resolved forecasts: the ones every calibration score is computed on. */
  private static List<CalibratedForecast> scoredHeldOut(GoldContext context) {
    return ForecastBacktest.calibrate(observations(context)).stream()
        .filter(CalibratedForecast::heldOut)
        .filter(c -> c.observation().won().isPresent())
        .toList();
  }

  private static Dataset<Row> calibration(GoldContext context) {
    List<CalibratedForecast> scored = scoredHeldOut(context);
    List<Row> rows = new ArrayList<>();
    addScope(rows, "all", "all", scored);
    groups(scored, c -> c.observation().teamId().orElse("unknown"))
        .forEach((team, list) -> addScope(rows, "team", team, list));
    groups(scored, c -> c.observation().repId())
        .forEach((rep, list) -> addScope(rows, "rep", rep, list));
    StructType schema =
        new StructType()
            .add("scope_type", DataTypes.StringType, false)
            .add("scope_id", DataTypes.StringType, false)
            .add("probability_source", DataTypes.StringType, false)
            .add("forecasts", DataTypes.IntegerType, false)
            .add("brier_score", DataTypes.DoubleType, false)
            .add("log_loss", DataTypes.DoubleType, false)
            .add("base_rate", DataTypes.DoubleType, false)
            .add("mean_forecast", DataTypes.DoubleType, false)
            .add("bias", DataTypes.DoubleType, false)
            .add("expected_calibration_error", DataTypes.DoubleType, false)
            .add("calibration_slope", DataTypes.DoubleType, true)
            .add("calibration_intercept", DataTypes.DoubleType, true)
            .add("calibration_fit", DataTypes.StringType, false)
            .add("mean_rep_minus_manager", DataTypes.DoubleType, true);
    return context.spark().createDataFrame(rows, schema);
  }

  private static void addScope(
      List<Row> rows, String scopeType, String scopeId, List<CalibratedForecast> forecasts) {
    List<CalibratedForecast> withManager =
        forecasts.stream().filter(c -> c.observation().managerProbability().isPresent()).toList();
    OptionalDouble gap =
        withManager.stream()
            .mapToDouble(
                c ->
                    c.observation().repProbability()
                        - c.observation().managerProbability().getAsDouble())
            .average();
    Map<String, List<ScoredForecast>> sources = new LinkedHashMap<>();
    sources.put(REP, scoredBy(forecasts, c -> c.observation().repProbability()));
    sources.put(
        MANAGER, scoredBy(withManager, c -> c.observation().managerProbability().getAsDouble()));
    sources.put(CALIBRATED, scoredBy(forecasts, CalibratedForecast::calibratedProbability));
    for (Map.Entry<String, List<ScoredForecast>> source : sources.entrySet()) {
      if (source.getValue().isEmpty()) {
        continue;
      }
      CalibrationMetrics m = CalibrationMetrics.of(source.getValue());
      rows.add(
          RowFactory.create(
              scopeType,
              scopeId,
              source.getKey(),
              m.count(),
              m.brierScore(),
              m.logLoss(),
              m.baseRate(),
              m.meanForecast(),
              m.bias(),
              m.expectedCalibrationError(),
              boxed(m.calibrationFit().slope()),
              boxed(m.calibrationFit().intercept()),
              m.calibrationFit().status().name().toLowerCase(java.util.Locale.ROOT),
              boxed(gap)));
    }
  }

  private static Dataset<Row> reliability(GoldContext context) {
    List<CalibratedForecast> scored = scoredHeldOut(context);
    Map<String, List<ScoredForecast>> sources = new LinkedHashMap<>();
    sources.put(REP, scoredBy(scored, c -> c.observation().repProbability()));
    sources.put(
        MANAGER,
        scoredBy(
            scored.stream().filter(c -> c.observation().managerProbability().isPresent()).toList(),
            c -> c.observation().managerProbability().getAsDouble()));
    sources.put(CALIBRATED, scoredBy(scored, CalibratedForecast::calibratedProbability));
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<ScoredForecast>> source : sources.entrySet()) {
      if (source.getValue().isEmpty()) {
        continue;
      }
      List<ReliabilityBin> bins = CalibrationMetrics.of(source.getValue()).reliabilityBins();
      for (int i = 0; i < bins.size(); i++) {
        ReliabilityBin bin = bins.get(i);
        rows.add(
            RowFactory.create(
                source.getKey(),
                i + 1,
                bin.lowerBound(),
                bin.upperBound(),
                bin.count(),
                boxed(bin.meanPredicted()),
                boxed(bin.observedFrequency())));
      }
    }
    StructType schema =
        new StructType()
            .add("probability_source", DataTypes.StringType, false)
            .add("bin", DataTypes.IntegerType, false)
            .add("lower_bound", DataTypes.DoubleType, false)
            .add("upper_bound", DataTypes.DoubleType, false)
            .add("forecasts", DataTypes.IntegerType, false)
            .add("mean_predicted", DataTypes.DoubleType, true)
            .add("observed_frequency", DataTypes.DoubleType, true);
    return context.spark().createDataFrame(rows, schema);
  }

  /**
   * The forecast of each month's deals as it stood when the month began: for every opportunity
   * expected to close in the month, its latest forecast submitted before the month's first day; raw
   * (the reps' probabilities), manager and calibrated expected totals, the calibrated interval, and
   * the amount those deals were eventually won for.
   */
  private static Dataset<Row> periods(GoldContext context) {
    List<CalibratedForecast> all = ForecastBacktest.calibrate(observations(context));
    Map<YearMonth, Map<String, CalibratedForecast>> latest = new java.util.TreeMap<>();
    for (CalibratedForecast c : all) {
      ForecastObservation f = c.observation();
      LocalDateTime start = f.expectedCloseMonth().atDay(1).atStartOfDay();
      if (!f.submittedAt().isBefore(start)) {
        continue;
      }
      latest
          .computeIfAbsent(f.expectedCloseMonth(), m -> new LinkedHashMap<>())
          .merge(
              f.opportunityId(),
              c,
              (a, b) ->
                  a.observation().submittedAt().isAfter(b.observation().submittedAt()) ? a : b);
    }
    List<Row> rows = new ArrayList<>();
    LocalDate asOf = context.asOf();
    for (Map.Entry<YearMonth, Map<String, CalibratedForecast>> month : latest.entrySet()) {
      List<CalibratedForecast> deals =
          month.getValue().values().stream()
              .sorted(Comparator.comparing(c -> c.observation().opportunityId()))
              .toList();
      double raw = deals.stream().mapToDouble(c -> amountTimes(c, REP)).sum();
      double calibrated = deals.stream().mapToDouble(c -> amountTimes(c, CALIBRATED)).sum();
      PeriodForecastInterval interval =
          PeriodForecast.interval(
              deals.stream()
                  .map(c -> new OpenDeal(c.calibratedProbability(), c.observation().amount()))
                  .toList());
      boolean resolved = deals.stream().allMatch(c -> c.observation().won().isPresent());
      double won =
          deals.stream()
              .filter(c -> c.observation().won().orElse(false))
              .mapToDouble(c -> c.observation().amount())
              .sum();
      boolean heldOut = deals.stream().allMatch(CalibratedForecast::heldOut);
      YearMonth m = month.getKey();
      rows.add(
          RowFactory.create(
              m.getYear() * 100 + m.getMonthValue(),
              java.sql.Date.valueOf(m.atDay(1)),
              deals.size(),
              money(deals.stream().mapToDouble(c -> c.observation().amount()).sum()),
              money(raw),
              money(calibrated),
              money(interval.lower()),
              money(interval.upper()),
              interval.level(),
              money(won),
              resolved,
              heldOut && !deals.isEmpty(),
              resolved ? money(raw - won) : null,
              resolved ? money(calibrated - won) : null,
              resolved ? won >= interval.lower() && won <= interval.upper() : null,
              !m.atEndOfMonth().isAfter(asOf)));
    }
    StructType schema =
        new StructType()
            .add("month_key", DataTypes.IntegerType, false)
            .add("period_start", DataTypes.DateType, false)
            .add("deals", DataTypes.IntegerType, false)
            .add("pipeline_amount", DataTypes.createDecimalType(18, 2), false)
            .add("rep_forecast", DataTypes.createDecimalType(18, 2), false)
            .add("calibrated_forecast", DataTypes.createDecimalType(18, 2), false)
            .add("calibrated_lower", DataTypes.createDecimalType(18, 2), false)
            .add("calibrated_upper", DataTypes.createDecimalType(18, 2), false)
            .add("interval_level", DataTypes.DoubleType, false)
            .add("won_amount", DataTypes.createDecimalType(18, 2), false)
            .add("is_resolved", DataTypes.BooleanType, false)
            .add("is_held_out", DataTypes.BooleanType, false)
            .add("rep_deviation", DataTypes.createDecimalType(18, 2), true)
            .add("calibrated_deviation", DataTypes.createDecimalType(18, 2), true)
            .add("won_within_interval", DataTypes.BooleanType, true)
            .add("is_past_period", DataTypes.BooleanType, false);
    return context.spark().createDataFrame(rows, schema);
  }

  private static double amountTimes(CalibratedForecast c, String source) {
    double p = source.equals(REP) ? c.observation().repProbability() : c.calibratedProbability();
    return p * c.observation().amount();
  }

  private static List<ScoredForecast> scoredBy(
      List<CalibratedForecast> forecasts,
      java.util.function.ToDoubleFunction<CalibratedForecast> probability) {
    return forecasts.stream()
        .map(c -> ScoredForecast.of(probability.applyAsDouble(c), c.observation().won().get()))
        .toList();
  }

  private static Map<String, List<CalibratedForecast>> groups(
      List<CalibratedForecast> forecasts, Function<CalibratedForecast, String> key) {
    return forecasts.stream()
        .collect(Collectors.groupingBy(key, java.util.TreeMap::new, Collectors.toList()));
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  private static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
