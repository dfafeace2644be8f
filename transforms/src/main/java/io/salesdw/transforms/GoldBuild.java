package io.salesdw.transforms;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the gold layer (conformed dimensions, facts and marts) from silver, in dependency order.
 *
 * <p>Each table is rebuilt only when its inputs (their Delta versions), its definition or the
 * configuration changed since it was last built, so a re-run is a no-op; with a month, the monthly
 * facts replace only that month's partition. Dates and months are taken in the configured business
 * time zone.
 *
 * <pre>{@code
 * GoldBuildResult result =
 *     new GoldBuild(spark, TransformConfig.defaults())
 *         .run(GoldBuildRequest.allMonths("/data/lake"), TransformProgress.NONE);
 * }</pre>
 */
public final class GoldBuild {
  private static final Logger LOG = LoggerFactory.getLogger(GoldBuild.class);
  private static final String SESSION_TIME_ZONE = "spark.sql.session.timeZone";
  private static final List<String> AS_OF_INPUTS =
      List.of("silver.crm_activities", "silver.crm_opportunities");

  private final SparkSession spark;
  private final TransformConfig config;

  public GoldBuild(SparkSession spark, TransformConfig config) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
  }

  /** The gold tables in build order: dimensions, facts, then marts. */
  public static List<String> tableNames() {
    return GoldCatalog.tables().stream().map(GoldTable::name).toList();
  }

  /** Builds the gold layer of the request's lake; see the class comment. */
  public GoldBuildResult run(GoldBuildRequest request, TransformProgress progress) {
    long started = System.nanoTime();
    String previousZone = spark.conf().get(SESSION_TIME_ZONE);
    spark.conf().set(SESSION_TIME_ZONE, config.businessZone().getId());
    LakeViews views = new LakeViews(spark, request.lakeRoot());
    try {
      return build(request, progress, views, started);
    } finally {
      views.dropAll();
      spark.conf().set(SESSION_TIME_ZONE, previousZone);
    }
  }

  private GoldBuildResult build(
      GoldBuildRequest request, TransformProgress progress, LakeViews views, long started) {
    List<GoldTable> tables = GoldCatalog.tables();
    checkInputs(request.lakeRoot(), tables, views);
    BuildLedger ledger = new BuildLedger(spark, views.location(BuildLedger.TABLE));
    GoldWriter writer = new GoldWriter(spark);
    GoldContext context =
        new GoldContext(spark, config, memoized(() -> asOf(request.lakeRoot(), views)));
    String buildId = UUID.randomUUID().toString();
    List<GoldTableResult> results = new ArrayList<>();
    try {
      for (int i = 0; i < tables.size(); i++) {
        GoldTable table = tables.get(i);
        progress.tableStarted(table.name(), i + 1, tables.size());
        GoldTableResult result =
            buildTable(table, request.month(), context, views, writer, ledger, buildId);
        results.add(result);
        progress.tableFinished(result);
      }
    } finally {
      // Entries of the tables written before a failure are kept: their writes are complete.
      ledger.commit();
    }
    return new GoldBuildResult(results, Duration.ofNanos(System.nanoTime() - started));
  }

  private GoldTableResult buildTable(
      GoldTable table,
      Optional<YearMonth> month,
      GoldContext context,
      LakeViews views,
      GoldWriter writer,
      BuildLedger ledger,
      String buildId) {
    long started = System.nanoTime();
    String qualified = "gold." + table.name();
    String fingerprint = fingerprint(table, views);
    Optional<Integer> monthKey =
        table.monthly() ? month.map(m -> m.getYear() * 100 + m.getMonthValue()) : Optional.empty();
    String scope = monthKey.map(Object::toString).orElse(BuildLedger.ALL_MONTHS);
    Optional<BuildLedger.Entry> upToDate =
        upToDateEntry(table.name(), scope, fingerprint, ledger, views);
    if (upToDate.isPresent()) {
      views.pin(qualified, upToDate.get().tableVersion());
      LOG.info("gold/{} is up to date (version {})", table.name(), upToDate.get().tableVersion());
      return new GoldTableResult(
          table.name(),
          upToDate.get().rows(),
          upToDate.get().tableVersion(),
          false,
          Duration.ofNanos(System.nanoTime() - started));
    }
    table.inputs().forEach(views::register);
    Dataset<Row> rows;
    try {
      rows = table.builder().build(context);
      if (monthKey.isPresent()) {
        rows = rows.where(functions.col(GoldTable.MONTH_COLUMN).equalTo(monthKey.get()));
      }
    } catch (RuntimeException e) {
      throw TransformErrors.buildFailed(table.name(), e);
    }
    String location = views.location(qualified);
    writer.write(
        location,
        rows,
        table.partitionColumn(),
        monthKey,
        "{\"salesdw_build\":\"" + buildId + "\",\"fingerprint\":\"" + fingerprint + "\"}");
    long version = views.currentVersion(qualified).orElseThrow();
    views.refresh(qualified, version);
    long count = spark.table(LakeViews.viewName(qualified)).count();
    ledger.record(table.name(), scope, fingerprint, version, count, buildId);
    return new GoldTableResult(
        table.name(), count, version, true, Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * The ledger entry that makes a rebuild unnecessary: same fingerprint, for the whole table or the
   * requested month, and the table still at the version that build wrote.
   */
  private static Optional<BuildLedger.Entry> upToDateEntry(
      String table, String scope, String fingerprint, BuildLedger ledger, LakeViews views) {
    List<String> scopes =
        scope.equals(BuildLedger.ALL_MONTHS)
            ? List.of(scope)
            : List.of(BuildLedger.ALL_MONTHS, scope);
    var current = views.currentVersion("gold." + table);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    return scopes.stream()
        .map(s -> ledger.latest(table, s))
        .flatMap(Optional::stream)
        .filter(e -> e.fingerprint().equals(fingerprint))
        .filter(e -> e.tableVersion() == current.getAsLong())
        .findFirst();
  }

  private String fingerprint(GoldTable table, LakeViews views) {
    StringBuilder text = new StringBuilder(table.definition()).append('\n');
    for (String input : table.inputs()) {
      text.append(input).append('@').append(views.version(input)).append('\n');
    }
    // The as-of date is a function of these two tables: their versions stand for it.
    for (String input : AS_OF_INPUTS) {
      text.append(input).append('@').append(views.version(input)).append('\n');
    }
    text.append(config);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void checkInputs(String lakeRoot, List<GoldTable> tables, LakeViews views) {
    List<String> gold = tables.stream().map(t -> "gold." + t.name()).toList();
    for (GoldTable table : tables) {
      List<String> missing =
          table.inputs().stream()
              .filter(i -> !gold.contains(i))
              .filter(i -> !views.exists(i))
              .map(i -> i.replace('.', '/'))
              .toList();
      if (!missing.isEmpty()) {
        throw TransformErrors.inputsMissing(lakeRoot, table.name(), missing);
      }
    }
  }

  private static <T> Supplier<T> memoized(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  /** The last day the lake has CRM activity or opportunity changes for. */
  private LocalDate asOf(String lakeRoot, LakeViews views) {
    AS_OF_INPUTS.forEach(views::register);
    Row row =
        spark
            .sql(
                "SELECT greatest(max(a), max(o)) FROM"
                    + " (SELECT max(to_date(started_at)) a FROM silver_crm_activities),"
                    + " (SELECT max(to_date(updated_at)) o FROM silver_crm_opportunities)")
            .head();
    if (row.isNullAt(0)) {
      throw TransformErrors.noData(lakeRoot);
    }
    return row.getDate(0).toLocalDate();
  }
}
