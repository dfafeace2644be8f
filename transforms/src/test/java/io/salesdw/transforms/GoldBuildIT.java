package io.salesdw.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.generator.GenerationProgress;
import io.salesdw.generator.GeneratorConfig;
import io.salesdw.generator.SalesOrganisationGenerator;
import io.salesdw.ingestion.BronzeIngestion;
import io.salesdw.ingestion.IngestRequest;
import io.salesdw.ingestion.identity.CustomerIdentityJob;
import io.salesdw.lake.DeltaSnapshotFiles;
import io.salesdw.lake.Lake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole gold build on a small generated organisation landed through the real ingestion: every
 * table is readable by a plain Parquet reader, re-runs are no-ops, a month rebuild touches only its
 * partition, and the models recover the generator's ground truth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoldBuildIT {
  private static final double SCALE = 0.05;

  /**
   * Tables that may rightly be empty on generated data: the generator's reps update every open deal
   * within two weeks, so no customer is silent.
   */
  private static final List<String> MAY_BE_EMPTY = List.of("mart_silent_customer");

  private static final long SEED = 11;

  private Path directory;
  private Path sources;
  private String lake;
  private SparkSession spark;
  private GoldBuildResult firstBuild;

  @BeforeAll
  void landAndBuild() throws IOException {
    directory = Files.createTempDirectory("salesdw-gold-build-");
    sources = directory.resolve("sources");
    lake = directory.resolve("lake").toString();
    new SalesOrganisationGenerator(new GeneratorConfig(SCALE, SEED, 2025, sources, false))
        .generate(GenerationProgress.silent());
    spark = MartFixture.spark();
    BronzeIngestion ingestion = new BronzeIngestion(spark);
    for (SourceSystem source : SourceSystem.values()) {
      ingestion.run(
          new IngestRequest(source, sources.resolve(source.code()), lake, Optional.empty()),
          line -> {});
    }
    CustomerIdentityJob.run(spark, lake);
    firstBuild =
        new GoldBuild(spark, TransformConfig.defaults())
            .run(GoldBuildRequest.allMonths(lake), TransformProgress.NONE);
  }

  @AfterAll
  void deleteDirectory() throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  @Order(1)
  void everyCataloguedTableIsBuiltWithRows() {
    assertThat(firstBuild.tables())
        .extracting(GoldTableResult::name)
        .containsExactlyElementsOf(GoldBuild.tableNames());
    assertThat(firstBuild.rebuilt()).hasSameSizeAs(firstBuild.tables());
    assertThat(firstBuild.tables())
        .filteredOn(t -> t.rows() == 0)
        .extracting(GoldTableResult::name)
        .isSubsetOf(MAY_BE_EMPTY);
  }

  @Test
  @Order(2)
  void everyTableIsReadableAsPlainParquetWithTheSameRows() {
    Lake opened = Lake.open(lake);
    for (GoldTableResult table : firstBuild.tables()) {
      DeltaSnapshotFiles files = opened.snapshotFiles("gold/" + table.name());
      assertThat(files.deletionVectorsEnabled()).as(table.name()).isFalse();
      assertThat(files.readableAsPlainParquet()).as(table.name()).isTrue();
      boolean monthly =
          GoldCatalog.tables().stream()
              .filter(t -> t.name().equals(table.name()))
              .findFirst()
              .orElseThrow()
              .monthly();
      assertThat(files.partitionColumns())
          .as(table.name())
          .isEqualTo(monthly ? List.of(GoldTable.MONTH_COLUMN) : List.of());
      String[] paths = files.files().stream().map(f -> f.uri().toString()).toArray(String[]::new);
      long plainParquetRows = paths.length == 0 ? 0 : spark.read().parquet(paths).count();
      assertThat(plainParquetRows).as(table.name()).isEqualTo(table.rows());
      assertThat(spark.read().format("delta").load(lake + "/gold/" + table.name()).count())
          .as(table.name())
          .isEqualTo(table.rows());
    }
  }

  @Test
  @Order(3)
  void aReRunWithUnchangedInputsWritesNothing() {
    GoldBuildResult again =
        new GoldBuild(spark, TransformConfig.defaults())
            .run(GoldBuildRequest.allMonths(lake), TransformProgress.NONE);
    assertThat(again.rebuilt()).isEmpty();
    Map<String, Long> before = versions(firstBuild);
    Map<String, Long> after = versions(again);
    assertThat(after).isEqualTo(before);
    Lake opened = Lake.open(lake);
    for (GoldTableResult table : again.tables()) {
      assertThat(opened.snapshotFiles("gold/" + table.name()).version())
          .as(table.name())
          .isEqualTo(before.get(table.name()));
    }
  }

  @Test
  @Order(20)
  void aMonthBuildReplacesOnlyThatMonthsPartition() {
    // A stricter stage-update rule (7 days instead of 30), built for March only: March's
    // transitions are re-judged, every other month keeps the 30-day verdicts.
    String table = lake + "/gold/fact_opportunity_stage_transition";
    Map<Integer, Long> onTimeBefore = onTimeByMonth(table);
    TransformConfig stricter =
        new TransformConfig(
            TransformConfig.DEFAULT_BUSINESS_ZONE,
            FiscalCalendar.CALENDAR_YEAR,
            CommissionRules.DEFAULT,
            new HealthThresholds(0.25, 45, 0.90, 0.30, 7));
    new GoldBuild(spark, stricter)
        .run(
            new GoldBuildRequest(lake, Optional.of(YearMonth.of(2025, 3))), TransformProgress.NONE);
    Map<Integer, Long> onTimeAfter = onTimeByMonth(table);
    long expectedMarch =
        spark
            .read()
            .format("delta")
            .load(table)
            .where("month_key = 202503 AND from_stage IS NOT NULL")
            .where("days_in_from_stage <= 7")
            .count();
    assertThat(onTimeAfter.get(202503)).isEqualTo(expectedMarch);
    assertThat(onTimeAfter.get(202503)).isLessThan(onTimeBefore.get(202503));
    onTimeBefore.remove(202503);
    onTimeAfter.remove(202503);
    assertThat(onTimeAfter).isEqualTo(onTimeBefore);
  }

  @Test
  @Order(5)
  void calibrationRecoversTheTrueWinProbabilitiesBetterThanTheReps() {
    spark
        .read()
        .option("header", true)
        .option("inferSchema", true)
        .csv(sources.resolve("ground-truth/win-probabilities.csv").toString())
        .createOrReplaceTempView("truth_win_probabilities");
    spark
        .read()
        .format("delta")
        .load(lake + "/silver/crm_opportunity_stage_history")
        .createOrReplaceTempView("truth_stage_history");
    spark
        .read()
        .format("delta")
        .load(lake + "/gold/mart_forecast_snapshot_scored")
        .createOrReplaceTempView("truth_scored");
    spark
        .read()
        .format("delta")
        .load(lake + "/gold/fact_forecast_snapshot")
        .createOrReplaceTempView("truth_snapshot");
    // The true probability that a deal in a stage goes on to win is the product of the generator's
    // advance probabilities of that stage and every later one.
    Row errors =
        spark
            .sql(
                "WITH stage_at AS ("
                    + " SELECT s.forecast_id, max_by(h.to_stage, h.changed_at) AS stage"
                    + " FROM truth_snapshot s JOIN truth_stage_history h"
                    + "   ON h.opportunity_id = s.opportunity_id AND h.changed_at <= s.submitted_at"
                    + " GROUP BY s.forecast_id),"
                    + " truth AS ("
                    + " SELECT a.forecast_id, CASE a.stage"
                    + "   WHEN 'solution_demo' THEN t.p_advance_solution_demo"
                    + "     * t.p_advance_quote_negotiation * t.p_advance_contract_approval"
                    + "   WHEN 'negotiation' THEN t.p_advance_quote_negotiation"
                    + "     * t.p_advance_contract_approval"
                    + "   WHEN 'contract_approval' THEN t.p_advance_contract_approval END AS p"
                    + " FROM stage_at a JOIN truth_snapshot s ON s.forecast_id = a.forecast_id"
                    + " JOIN truth_win_probabilities t ON t.opportunity_id = s.opportunity_id)"
                    + " SELECT count(*), avg(abs(c.rep_probability - t.p)),"
                    + " avg(abs(c.calibrated_probability - t.p))"
                    + " FROM truth_scored c JOIN truth t ON t.forecast_id = c.forecast_id"
                    + " WHERE c.is_held_out AND t.p IS NOT NULL")
            .head();
    long forecasts = errors.getLong(0);
    double repError = errors.getDouble(1);
    double calibratedError = errors.getDouble(2);
    assertThat(forecasts).isGreaterThan(100);
    assertThat(calibratedError)
        .as(
            "mean |p - true p| over %d held-out forecasts: reps %.3f, calibrated %.3f",
            forecasts, repError, calibratedError)
        .isLessThan(repError)
        .isLessThan(0.20);
  }

  @Test
  @Order(6)
  void theCalibratedForecastBeatsTheRepsOnHeldOutPeriods() {
    Row scores =
        spark
            .read()
            .format("delta")
            .load(lake + "/gold/mart_forecast_calibration")
            .where("scope_type = 'all'")
            .groupBy()
            .pivot("probability_source", List.of("rep", "calibrated"))
            .agg(org.apache.spark.sql.functions.first("brier_score"))
            .head();
    double rep = scores.getDouble(0);
    double calibrated = scores.getDouble(1);
    assertThat(calibrated)
        .as("held-out Brier score: reps %.4f, calibrated %.4f", rep, calibrated)
        .isLessThan(rep);
  }

  @Test
  @Order(7)
  void theLifetimeModelRecoversTheTruePurchaseRate() {
    // The generator draws each customer's monthly purchase rate from Gamma(r = 0.75, alpha = 6.0)
    // (manifest.json), a mean of r / alpha = 0.125 purchases a month. The fitted r / alpha must
    // land within 25% of it: CRM deal contracts, which do not follow the process, and customer
    // identity merges blur it.
    Row model = spark.read().format("delta").load(lake + "/gold/mart_ltv_model").head();
    double r = model.getDouble(model.fieldIndex("bgnbd_r"));
    double alpha = model.getDouble(model.fieldIndex("bgnbd_alpha"));
    assertThat(r / alpha)
        .isCloseTo(0.75 / 6.0, org.assertj.core.data.Percentage.withPercentage(25));
    assertThat(model.getDouble(model.fieldIndex("holdout_model_mae")))
        .as("held-out mean absolute error per customer: model vs naive baseline")
        .isLessThan(model.getDouble(model.fieldIndex("holdout_baseline_mae")));
  }

  @Test
  @Order(8)
  void customersStillAliveAreMoreLikelyAliveThanThoseWhoLeft() {
    spark
        .read()
        .option("header", true)
        .csv(sources.resolve("ground-truth/customer-lifetimes.csv").toString())
        .createOrReplaceTempView("truth_lifetimes");
    spark
        .read()
        .format("delta")
        .load(lake + "/silver/customer_crosswalk")
        .createOrReplaceTempView("truth_crosswalk");
    spark
        .read()
        .format("delta")
        .load(lake + "/gold/mart_customer_ltv_score")
        .createOrReplaceTempView("truth_ltv");
    Map<Boolean, Double> meanAlive =
        spark
            .sql(
                "SELECT t.dropped_out_date IS NULL AS alive, avg(l.probability_alive)"
                    + " FROM truth_lifetimes t"
                    + " JOIN truth_crosswalk x ON x.source = 'erp' AND x.record_id = t.customer_code"
                    + " JOIN truth_ltv l ON l.unified_customer_id = x.unified_customer_id"
                    + " GROUP BY 1")
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.getBoolean(0), r -> r.getDouble(1)));
    assertThat(meanAlive.get(true)).isGreaterThan(meanAlive.get(false) + 0.1);
  }

  @Test
  @Order(9)
  void aLakeWithoutSilverIsRefusedWithTheMissingTablesNamed() throws IOException {
    Path empty = Files.createTempDirectory(directory, "empty-lake-");
    assertThatThrownBy(
            () ->
                new GoldBuild(spark, TransformConfig.defaults())
                    .run(GoldBuildRequest.allMonths(empty.toString()), TransformProgress.NONE))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("gold/dim_date needs silver/erp_orders")
        .hasMessageContaining("salesdw ingest");
  }

  private Map<String, Long> versions(GoldBuildResult result) {
    return result.tables().stream()
        .collect(Collectors.toMap(GoldTableResult::name, GoldTableResult::version));
  }

  private Map<Integer, Long> onTimeByMonth(String table) {
    return spark
        .read()
        .format("delta")
        .load(table)
        .where("is_on_time")
        .groupBy("month_key")
        .count()
        .collectAsList()
        .stream()
        .collect(
            Collectors.toMap(
                r -> r.getInt(0), r -> r.getLong(1), (a, b) -> a, java.util.TreeMap::new));
  }
}
