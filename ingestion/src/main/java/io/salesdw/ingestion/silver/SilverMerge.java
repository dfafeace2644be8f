package io.salesdw.ingestion.silver;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.to_json;

import io.delta.tables.DeltaTable;
import io.salesdw.contracts.ContractColumn;
import io.salesdw.contracts.LakeZone;
import io.salesdw.contracts.SourceContracts;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.contracts.TableContract;
import io.salesdw.ingestion.BronzeIngestion;
import io.salesdw.ingestion.IngestProgress;
import io.salesdw.ingestion.LakeTables;
import io.salesdw.ingestion.mapping.SourceMapping;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges one landed bronze batch into the silver current-state tables, one per bronze entity
 * ({@code silver/<source>_<entity>}), with Delta MERGE on the contract's natural key; the CRM
 * change feed ({@code bronze/crm_changes}) is applied to the lead, opportunity, account and rep
 * tables.
 *
 * <p>A version replaces the stored one only when it is newer in the order (change-ordering column,
 * {@value BronzeIngestion#INGESTED_AT}, delete over upsert, {@value BronzeIngestion#SOURCE_FILE},
 * {@value BronzeIngestion#LINE_NUMBER}); within a batch the newest version per key wins. Deletes
 * leave a tombstone ({@value #DELETED} = true) so that an older upsert arriving later cannot bring
 * the row back. A new column is added to the table and logged in {@value #SCHEMA_CHANGES}; a type
 * the table cannot hold quarantines the batch's rows of that table and leaves the table unchanged.
 * Re-merging a batch changes nothing: it is found in the ledger {@value #MERGES}, and even without
 * the ledger no row would be newer, so no commit is made (MERGE commits also carry the batch id as
 * Delta transaction id).
 */
public final class SilverMerge {
  /** Silver column: true for a tombstone (a deleted key); readers keep rows where it is false. */
  public static final String DELETED = "_deleted";

  /** Silver column: the time that orders versions of the row (change-ordering or change time). */
  public static final String ORDERED_AT = "_ordered_at";

  /** One row per column added to a silver table by schema evolution. */
  public static final String SCHEMA_CHANGES =
      LakeZone.QUARANTINE.directoryName() + "/schema_changes";

  /**
   * Change-feed rows and batches that silver could not apply, with the columns of {@value
   * LakeTables#QUARANTINE_ROWS} ({@code table_name} is the silver table); kept apart so that the
   * bronze audit's read = landed + quarantined stays exact.
   */
  public static final String QUARANTINE = LakeZone.QUARANTINE.directoryName() + "/silver_rows";

  /** The silver merge ledger: one row per batch and silver table, written after the merges. */
  public static final String MERGES = LakeZone.QUARANTINE.directoryName() + "/silver_merges";

  private static final Logger LOG = LoggerFactory.getLogger(SilverMerge.class);

  private static final String CHANGES_ENTITY = "changes";
  private static final String TXN_APP_ID = "spark.databricks.delta.write.txnAppId";
  private static final String TXN_VERSION = "spark.databricks.delta.write.txnVersion";
  private static final String SOURCE_VIEW = "salesdw_silver_source";

  private static final List<String> LINEAGE =
      List.of(
          BronzeIngestion.BATCH_ID,
          BronzeIngestion.SOURCE_FILE,
          BronzeIngestion.LINE_NUMBER,
          BronzeIngestion.INGESTED_AT,
          BronzeIngestion.ROW_HASH);

  private static final StructType MERGES_SCHEMA =
      StructType.fromDDL(
          "batch_id string not null, source string not null, table_name string not null,"
              + " rows_in bigint not null, inserted bigint not null, updated bigint not null,"
              + " deleted bigint not null, stale_skipped bigint not null,"
              + " quarantined bigint not null, live_rows bigint not null,"
              + " table_version bigint not null, added_columns array<string> not null,"
              + " problem string, merged_at timestamp not null");

  private static final StructType SCHEMA_CHANGES_SCHEMA =
      StructType.fromDDL(
          "batch_id string not null, table_name string not null, column_name string not null,"
              + " data_type string not null, change string not null, changed_at timestamp not null");

  private final SparkSession spark;
  private final SourceContracts contracts;
  private final String contractsYaml;

  public SilverMerge(SparkSession spark) {
    this.spark = requireNonNull(spark, "spark is null");
    this.contractsYaml = SourceContracts.resourceText();
    this.contracts = SourceContracts.parse(contractsYaml, SourceContracts.RESOURCE);
  }

  /** The silver table of a contract, such as {@code silver/crm_leads}. */
  public static String silverTable(TableContract contract) {
    return LakeZone.SILVER.directoryName() + "/" + contract.tableName();
  }

  /** Merges a landed batch whose change feed (if any) follows the shipped mapping of the source. */
  public SilverResult run(
      SourceSystem source, String lake, String batchId, IngestProgress progress) {
    requireNonNull(source, "source is null");
    return run(
        source,
        lake,
        batchId,
        SourceMapping.shippedText(source),
        SourceMapping.shippedOrigin(source),
        progress);
  }

  /**
   * Merges a landed batch; change images are read with the mapping the batch was landed with.
   *
   * @throws io.salesdw.contracts.SalesdwException when a Delta read or write fails (the tables
   *     written so far are consistent; running again completes the merge)
   */
  public SilverResult run(
      SourceSystem source,
      String lake,
      String batchId,
      String mappingYaml,
      String mappingOrigin,
      IngestProgress progress) {
    requireNonNull(source, "source is null");
    requireNonNull(lake, "lake is null");
    requireNonNull(batchId, "batchId is null");
    requireNonNull(mappingYaml, "mappingYaml is null");
    requireNonNull(mappingOrigin, "mappingOrigin is null");
    requireNonNull(progress, "progress is null");
    List<SilverTableResult> merged = ledger(lake, batchId);
    if (!merged.isEmpty()) {
      progress.report(batchId + ": already merged into silver; nothing to do");
      return new SilverResult(source, batchId, SilverResult.Status.ALREADY_MERGED, merged);
    }
    Timestamp mergedAt = Timestamp.from(Instant.now());
    Optional<Dataset<Row>> changes =
        source == SourceSystem.CRM
            ? decodedChanges(lake, batchId, mappingYaml, mappingOrigin)
            : Optional.empty();
    List<SilverTableResult> results = new ArrayList<>();
    List<Dataset<Row>> quarantine = new ArrayList<>();
    try {
      for (TableContract contract : contracts.forSource(source)) {
        if (contract.entity().equals(CHANGES_ENTITY)) {
          continue;
        }
        Optional<Dataset<Row>> entityChanges =
            changes
                .filter(c -> ChangeFeedTask.TARGETS.containsValue(contract.entity()))
                .map(c -> c.filter(col("entity").equalTo(contract.entity())));
        mergeTable(contract, lake, batchId, entityChanges, mergedAt, quarantine, progress)
            .ifPresent(results::add);
      }
      if (!quarantine.isEmpty()) {
        Dataset<Row> rows = quarantine.stream().reduce(Dataset::unionByName).orElseThrow();
        append(rows, lake, QUARANTINE, "salesdw-silver-" + batchId);
      }
      writeLedger(source, lake, batchId, results, mergedAt);
    } finally {
      changes.ifPresent(Dataset::unpersist);
    }
    LOG.debug("merged batch {} into silver: {}", batchId, results);
    return new SilverResult(source, batchId, SilverResult.Status.MERGED, results);
  }

  private Optional<SilverTableResult> mergeTable(
      TableContract contract,
      String lake,
      String batchId,
      Optional<Dataset<Row>> changes,
      Timestamp mergedAt,
      List<Dataset<Row>> quarantine,
      IngestProgress progress) {
    String table = silverTable(contract);
    String location = LakeTables.location(lake, table);
    Optional<String> ordering = contract.changeOrdering();
    List<Dataset<Row>> parts = new ArrayList<>();
    List<Dataset<Row>> payloads = new ArrayList<>();
    long brokenChanges = 0;

    Optional<Dataset<Row>> bronze = bronzeRows(lake, LakeTables.bronze(contract), batchId);
    if (bronze.isPresent()) {
      Dataset<Row> rows = bronze.get();
      List<String> dataColumns = dataColumns(rows.schema());
      Column orderedAt =
          ordering.isPresent() && dataColumns.contains(ordering.get())
              ? col(ordering.get()).cast(DataTypes.TimestampType)
              : lit(null).cast(DataTypes.TimestampType);
      List<Column> columns = new ArrayList<>();
      dataColumns.forEach(name -> columns.add(col(name)));
      columns.add(lit(false).as(DELETED));
      columns.add(orderedAt.as(ORDERED_AT));
      LINEAGE.forEach(name -> columns.add(col(name)));
      parts.add(rows.select(columns.toArray(Column[]::new)));
      payloads.add(
          rows.select(
              col(BronzeIngestion.SOURCE_FILE).as("source_file"),
              col(BronzeIngestion.LINE_NUMBER).as("line_number"),
              to_json(struct(dataColumns.stream().map(n -> col(n)).toArray(Column[]::new)))
                  .as("raw_payload")));
    }
    if (changes.isPresent()) {
      Dataset<Row> decoded = changes.get();
      List<Row> broken =
          decoded.filter(col("reason").isNotNull()).agg(count(lit(1))).collectAsList();
      brokenChanges = broken.get(0).getLong(0);
      if (brokenChanges > 0) {
        quarantine.add(
            quarantineRows(
                decoded
                    .filter(col("reason").isNotNull())
                    .select("source_file", "line_number", "field", "reason", "raw_payload"),
                contract,
                table,
                batchId,
                mergedAt));
      }
      Dataset<Row> good = decoded.filter(col("reason").isNull());
      List<Column> columns = new ArrayList<>();
      for (int i = 0; i < contract.columns().size(); i++) {
        ContractColumn column = contract.columns().get(i);
        columns.add(typed(column, col("values").getItem(i)).as(column.name()));
      }
      columns.add(col("op").equalTo("delete").as(DELETED));
      columns.add(col("changed_at").as(ORDERED_AT));
      columns.add(lit(batchId).as(BronzeIngestion.BATCH_ID));
      columns.add(col("source_file").as(BronzeIngestion.SOURCE_FILE));
      columns.add(col("line_number").as(BronzeIngestion.LINE_NUMBER));
      columns.add(col("ingested_at").as(BronzeIngestion.INGESTED_AT));
      columns.add(col("row_hash").as(BronzeIngestion.ROW_HASH));
      parts.add(good.select(columns.toArray(Column[]::new)));
      payloads.add(good.select("source_file", "line_number", "raw_payload"));
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }

    Optional<StructType> silverSchema = tableSchema(location);
    // Schema check of every part against the silver table, before anything is written.
    Map<String, DataType> added = new LinkedHashMap<>();
    Optional<String> problem = Optional.empty();
    if (silverSchema.isPresent()) {
      for (Dataset<Row> part : parts) {
        for (StructField field : part.schema().fields()) {
          Optional<StructField> existing = field(silverSchema.get(), field.name());
          if (existing.isEmpty()) {
            added.putIfAbsent(field.name(), field.dataType());
          } else if (!holds(existing.get().dataType(), field.dataType()) && problem.isEmpty()) {
            problem =
                Optional.of(
                    SilverErrors.incompatibleType(
                        table,
                        field.name(),
                        existing.get().dataType().simpleString(),
                        field.dataType().simpleString(),
                        batchId));
          }
        }
      }
    }
    long rowsIn = 0;
    for (Dataset<Row> part : parts) {
      rowsIn += part.count();
    }
    if (problem.isPresent()) {
      String reason = problem.get();
      progress.report("  " + table + ": " + reason);
      LOG.warn("{}", reason);
      Dataset<Row> held = payloads.stream().reduce(Dataset::unionByName).orElseThrow();
      quarantine.add(
          quarantineRows(
              held.withColumn("field", lit(null).cast(DataTypes.StringType))
                  .withColumn("reason", lit(reason)),
              contract,
              table,
              batchId,
              mergedAt));
      long version = tableVersion(location).orElse(-1L);
      return Optional.of(
          new SilverTableResult(
              table,
              rowsIn + brokenChanges,
              0,
              0,
              0,
              0,
              rowsIn + brokenChanges,
              liveRows(location),
              version,
              List.of(),
              problem));
    }
    if (rowsIn == 0 && brokenChanges == 0) {
      return Optional.empty();
    }

    // The target schema: the silver table's columns, then columns this batch adds.
    List<StructField> targetFields = new ArrayList<>();
    if (silverSchema.isPresent()) {
      targetFields.addAll(Arrays.asList(silverSchema.get().fields()));
      added.forEach(
          (name, type) -> targetFields.add(DataTypes.createStructField(name, type, true)));
    } else {
      for (Dataset<Row> part : parts) {
        for (StructField field : part.schema().fields()) {
          if (targetFields.stream().noneMatch(f -> f.name().equals(field.name()))) {
            targetFields.add(DataTypes.createStructField(field.name(), field.dataType(), true));
          }
        }
      }
    }
    List<Dataset<Row>> aligned = new ArrayList<>();
    for (Dataset<Row> part : parts) {
      List<String> names = Arrays.asList(part.schema().fieldNames());
      aligned.add(
          part.select(
              targetFields.stream()
                  .map(
                      f ->
                          (names.contains(f.name()) ? col(f.name()) : lit(null))
                              .cast(f.dataType())
                              .as(f.name()))
                  .toArray(Column[]::new)));
    }
    Dataset<Row> source = aligned.stream().reduce(Dataset::union).orElseThrow();

    List<Column> order = new ArrayList<>();
    order.add(desc(ORDERED_AT));
    order.add(desc(BronzeIngestion.INGESTED_AT));
    order.add(desc(DELETED));
    order.add(desc(BronzeIngestion.SOURCE_FILE));
    order.add(desc(BronzeIngestion.LINE_NUMBER));
    Dataset<Row> newest =
        source
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy(
                                contract.naturalKey().stream()
                                    .map(k -> col(k))
                                    .toArray(Column[]::new))
                            .orderBy(order.toArray(Column[]::new))))
            .filter(col("_rank").equalTo(1))
            .drop("_rank")
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, Long> counts = classify(newest, location, silverSchema.isPresent(), contract);
      long inserted = counts.getOrDefault("inserted", 0L);
      long updated = counts.getOrDefault("updated", 0L);
      long deleted = counts.getOrDefault("deleted", 0L);
      long stale = rowsIn - inserted - updated - deleted;
      String txnAppId = "salesdw-silver-" + batchId + "-" + contract.tableName();
      if (!added.isEmpty()) {
        recordSchemaChanges(lake, table, batchId, added, mergedAt, txnAppId);
        addColumns(location, added);
        progress.report("  " + table + ": added columns " + describe(added));
      }
      if (silverSchema.isEmpty()) {
        create(newest, location);
      } else if (inserted + updated + deleted > 0) {
        merge(newest, location, contract, targetFields, txnAppId);
      }
      long version = tableVersion(location).orElse(-1L);
      long live = liveRows(location);
      progress.report(
          String.format(
              Locale.ROOT,
              "  %s: %,d in, +%,d inserted, %,d updated, %,d deleted, %,d stale, %,d quarantined,"
                  + " version %d",
              table,
              rowsIn + brokenChanges,
              inserted,
              updated,
              deleted,
              stale,
              brokenChanges,
              version));
      return Optional.of(
          new SilverTableResult(
              table,
              rowsIn + brokenChanges,
              inserted,
              updated,
              deleted,
              stale,
              brokenChanges,
              live,
              version,
              List.copyOf(added.keySet()),
              Optional.empty()));
    } finally {
      newest.unpersist();
    }
  }

  /**
   * The SQL condition under which the source row {@code s} replaces the silver row {@code t}: newer
   * in the documented order, and not the very same version (same row hash and delete flag).
   */
  private static String replaces(boolean ordered) {
    String lineage = "%1$s._ingested_at, %1$s._deleted, %1$s._source_file, %1$s._line_number";
    String fields = (ordered ? "%1$s." + ORDERED_AT + ", " : "") + lineage;
    return "struct("
        + String.format(Locale.ROOT, fields, "s")
        + ") > struct("
        + String.format(Locale.ROOT, fields, "t")
        + ") AND NOT (s._row_hash <=> t._row_hash AND s._deleted <=> t._deleted)";
  }

  private Map<String, Long> classify(
      Dataset<Row> newest, String location, boolean exists, TableContract contract) {
    Column kind;
    Dataset<Row> joined;
    if (!exists) {
      joined = newest.as("s");
      kind = expr("CASE WHEN s._deleted THEN 'deleted' ELSE 'inserted' END");
    } else {
      Dataset<Row> target = spark.read().format("delta").load(location);
      joined = newest.as("s").join(target.as("t"), expr(keyCondition(contract)), "left_outer");
      String first = "t.`" + contract.naturalKey().get(0) + "`";
      kind =
          expr(
              "CASE WHEN "
                  + first
                  + " IS NULL THEN (CASE WHEN s._deleted THEN 'deleted' ELSE 'inserted' END)"
                  + " WHEN "
                  + replaces(contract.changeOrdering().isPresent())
                  + " THEN (CASE WHEN s._deleted THEN 'deleted' WHEN t._deleted THEN 'inserted'"
                  + " ELSE 'updated' END) ELSE 'stale' END");
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Row row : joined.groupBy(kind.as("kind")).count().collectAsList()) {
      counts.put(row.getString(0), row.getLong(1));
    }
    return counts;
  }

  private static String keyCondition(TableContract contract) {
    return contract.naturalKey().stream()
        .map(k -> "s.`" + k + "` = t.`" + k + "`")
        .collect(Collectors.joining(" AND "));
  }

  private void create(Dataset<Row> rows, String location) {
    rows.createOrReplaceTempView(SOURCE_VIEW);
    try {
      // Deletion vectors and column mapping stay off, so that readers of the plain Parquet files
      // (DuckDB over the snapshot's file list) see exactly the table's rows.
      spark.sql(
          "CREATE TABLE delta.`"
              + location.replace("`", "``")
              + "` USING delta TBLPROPERTIES ('delta.enableDeletionVectors' = 'false',"
              + " 'delta.columnMapping.mode' = 'none') AS SELECT * FROM "
              + SOURCE_VIEW);
    } catch (RuntimeException e) {
      throw SilverErrors.writeFailed(location, e);
    } finally {
      spark.catalog().dropTempView(SOURCE_VIEW);
    }
  }

  private void merge(
      Dataset<Row> rows,
      String location,
      TableContract contract,
      List<StructField> targetFields,
      String txnAppId) {
    Map<String, String> assignments = new LinkedHashMap<>();
    targetFields.forEach(f -> assignments.put("`" + f.name() + "`", "s.`" + f.name() + "`"));
    // The batch id as Delta transaction id: a re-run after a crash skips a committed MERGE.
    spark.conf().set(TXN_APP_ID, txnAppId);
    spark.conf().set(TXN_VERSION, "0");
    try {
      DeltaTable.forPath(spark, location)
          .as("t")
          .merge(rows.as("s"), keyCondition(contract))
          .whenMatched(replaces(contract.changeOrdering().isPresent()))
          .updateExpr(assignments)
          .whenNotMatched()
          .insertExpr(assignments)
          .execute();
    } catch (RuntimeException e) {
      throw SilverErrors.writeFailed(location, e);
    } finally {
      spark.conf().unset(TXN_APP_ID);
      spark.conf().unset(TXN_VERSION);
    }
  }

  private void addColumns(String location, Map<String, DataType> added) {
    try {
      spark.sql(
          "ALTER TABLE delta.`"
              + location.replace("`", "``")
              + "` ADD COLUMNS ("
              + added.entrySet().stream()
                  .map(e -> "`" + e.getKey() + "` " + e.getValue().sql())
                  .collect(Collectors.joining(", "))
              + ")");
    } catch (RuntimeException e) {
      throw SilverErrors.writeFailed(location, e);
    }
  }

  private void recordSchemaChanges(
      String lake,
      String table,
      String batchId,
      Map<String, DataType> added,
      Timestamp at,
      String txnAppId) {
    List<Row> rows = new ArrayList<>();
    added.forEach(
        (name, type) ->
            rows.add(RowFactory.create(batchId, table, name, type.simpleString(), "added", at)));
    append(spark.createDataFrame(rows, SCHEMA_CHANGES_SCHEMA), lake, SCHEMA_CHANGES, txnAppId);
  }

  private Dataset<Row> quarantineRows(
      Dataset<Row> rows, TableContract contract, String table, String batchId, Timestamp at) {
    return rows.select(
        lit(batchId).as("batch_id"),
        lit(contract.source().code()).as("source"),
        lit(table).as("table_name"),
        col("source_file"),
        col("line_number"),
        col("field"),
        col("reason"),
        col("raw_payload"),
        col("raw_payload").cast(DataTypes.BinaryType).as("raw_bytes"),
        lit(at).as("quarantined_at"));
  }

  /** The change feed of the batch, decoded per change (persisted; the caller unpersists). */
  private Optional<Dataset<Row>> decodedChanges(
      String lake, String batchId, String mappingYaml, String mappingOrigin) {
    Optional<Dataset<Row>> bronze =
        bronzeRows(
            lake, LakeTables.bronze(contracts.get(SourceSystem.CRM, CHANGES_ENTITY)), batchId);
    if (bronze.isEmpty()) {
      return Optional.empty();
    }
    Dataset<Row> input =
        bronze
            .get()
            .withColumn(
                "raw_payload",
                to_json(
                    struct(
                        Arrays.stream(bronze.get().schema().fieldNames())
                            .filter(n -> !n.startsWith("_"))
                            .map(n -> col(n))
                            .toArray(Column[]::new))))
            .select(Arrays.stream(ChangeFeedTask.INPUT).map(n -> col(n)).toArray(Column[]::new));
    return Optional.of(
        spark
            .createDataFrame(
                input
                    .javaRDD()
                    .mapPartitions(new ChangeFeedTask(contractsYaml, mappingYaml, mappingOrigin)),
                ChangeFeedTask.SCHEMA)
            .persist(StorageLevel.MEMORY_AND_DISK()));
  }

  private Optional<Dataset<Row>> bronzeRows(String lake, String table, String batchId) {
    String location = LakeTables.location(lake, table);
    if (tableVersion(location).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          spark
              .read()
              .format("delta")
              .load(location)
              .filter(col(BronzeIngestion.BATCH_ID).equalTo(batchId)));
    } catch (RuntimeException e) {
      throw SilverErrors.readFailed(location, e);
    }
  }

  private List<SilverTableResult> ledger(String lake, String batchId) {
    String location = LakeTables.location(lake, MERGES);
    if (tableVersion(location).isEmpty()) {
      return List.of();
    }
    List<Row> rows;
    try {
      rows =
          spark
              .read()
              .format("delta")
              .load(location)
              .filter(col("batch_id").equalTo(batchId))
              .orderBy("table_name")
              .collectAsList();
    } catch (RuntimeException e) {
      throw SilverErrors.readFailed(location, e);
    }
    List<SilverTableResult> results = new ArrayList<>();
    for (Row row : rows) {
      results.add(
          new SilverTableResult(
              row.getAs("table_name"),
              row.<Long>getAs("rows_in"),
              row.<Long>getAs("inserted"),
              row.<Long>getAs("updated"),
              row.<Long>getAs("deleted"),
              row.<Long>getAs("stale_skipped"),
              row.<Long>getAs("quarantined"),
              row.<Long>getAs("live_rows"),
              row.<Long>getAs("table_version"),
              row.<String>getList(row.fieldIndex("added_columns")),
              Optional.ofNullable(row.<String>getAs("problem"))));
    }
    return results;
  }

  private void writeLedger(
      SourceSystem source,
      String lake,
      String batchId,
      List<SilverTableResult> results,
      Timestamp mergedAt) {
    if (results.isEmpty()) {
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (SilverTableResult result : results) {
      rows.add(
          RowFactory.create(
              batchId,
              source.code(),
              result.table(),
              result.rowsIn(),
              result.inserted(),
              result.updated(),
              result.deleted(),
              result.staleSkipped(),
              result.quarantined(),
              result.liveRows(),
              result.version(),
              result.addedColumns().toArray(String[]::new),
              result.problem().orElse(null),
              mergedAt));
    }
    append(spark.createDataFrame(rows, MERGES_SCHEMA), lake, MERGES, "salesdw-silver-" + batchId);
  }

  private void append(Dataset<Row> rows, String lake, String table, String txnAppId) {
    String location = LakeTables.location(lake, table);
    try {
      rows.write()
          .format("delta")
          .mode("append")
          .option("txnAppId", txnAppId)
          .option("txnVersion", 0L)
          .save(location);
    } catch (RuntimeException e) {
      throw SilverErrors.writeFailed(location, e);
    }
  }

  private Optional<Long> tableVersion(String location) {
    try {
      if (!DeltaTable.isDeltaTable(spark, location)) {
        return Optional.empty();
      }
      return Optional.of(
          DeltaTable.forPath(spark, location).history(1).select("version").head().getLong(0));
    } catch (RuntimeException e) {
      throw SilverErrors.readFailed(location, e);
    }
  }

  private Optional<StructType> tableSchema(String location) {
    if (tableVersion(location).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(spark.read().format("delta").load(location).schema());
    } catch (RuntimeException e) {
      throw SilverErrors.readFailed(location, e);
    }
  }

  private long liveRows(String location) {
    if (tableVersion(location).isEmpty()) {
      return 0;
    }
    try {
      return spark
          .read()
          .format("delta")
          .load(location)
          .filter(col(DELETED).equalTo(false))
          .count();
    } catch (RuntimeException e) {
      throw SilverErrors.readFailed(location, e);
    }
  }

  /** The contract columns of a bronze schema: every column that is not lineage. */
  private static List<String> dataColumns(StructType schema) {
    return Arrays.stream(schema.fieldNames()).filter(n -> !n.startsWith("_")).toList();
  }

  private static Optional<StructField> field(StructType schema, String name) {
    return Arrays.stream(schema.fields()).filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * Whether a silver column of type {@code table} holds every value of type {@code arriving}
   * without loss: the same type, a decimal with no fewer integer digits and places, or an integer
   * into a decimal wide enough. Anything else would need rewriting the table or lose values.
   */
  static boolean holds(DataType table, DataType arriving) {
    if (table.equals(arriving)) {
      return true;
    }
    if (table instanceof DecimalType wide) {
      if (arriving instanceof DecimalType narrow) {
        return wide.scale() >= narrow.scale()
            && wide.precision() - wide.scale() >= narrow.precision() - narrow.scale();
      }
      int digits =
          arriving.equals(DataTypes.LongType)
              ? 19
              : arriving.equals(DataTypes.IntegerType) ? 10 : -1;
      return digits > 0 && wide.precision() - wide.scale() >= digits;
    }
    return table.equals(DataTypes.LongType) && arriving.equals(DataTypes.IntegerType);
  }

  /** The canonical text of a contract value cast to its Spark type (as bronze does). */
  private static Column typed(ContractColumn column, Column value) {
    return switch (column.type().kind()) {
      case STRING, JSON -> value;
      case INTEGER -> value.cast(DataTypes.LongType);
      case DECIMAL ->
          value.cast(DataTypes.createDecimalType(column.type().precision(), column.type().scale()));
      case DATE -> value.cast(DataTypes.DateType);
      case TIMESTAMP -> timestamp_micros(value.cast(DataTypes.LongType));
      case BOOLEAN -> value.cast(DataTypes.BooleanType);
    };
  }

  private static String describe(Map<String, DataType> added) {
    return added.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue().simpleString())
        .collect(Collectors.joining(", "));
  }
}
