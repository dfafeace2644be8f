package io.salesdw.ingestion;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.salesdw.contracts.ContractColumn;
import io.salesdw.contracts.LakeZone;
import io.salesdw.contracts.SourceContracts;
import io.salesdw.contracts.TableContract;
import io.salesdw.ingestion.mapping.FileMapping;
import io.salesdw.ingestion.mapping.SourceMapping;
import io.salesdw.ingestion.silver.SilverMerge;
import io.salesdw.ingestion.silver.SilverResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands a source system's export in append-only bronze Delta tables, one per entity, with lineage
 * columns; rows that break their contract go to {@value LakeTables#QUARANTINE_ROWS}, counts to
 * {@value LakeTables#AUDIT}, and the batch to the ledger {@value LakeTables#BATCHES}.
 *
 * <p>A run checksums every file (a Spark task per file), and stops as a no-op if the ledger holds a
 * batch with the same content. Otherwise it parses every file (a Spark task per file) and checks
 * that all of them could be read before the first commit, so an unreadable file changes no table.
 * Every commit carries the batch id as its Delta transaction id, so a run that dies between commits
 * and is run again completes the batch without writing any table twice.
 */
public final class BronzeIngestion {
  /** Lineage column: the batch that landed the row ({@code <source>-<16 hex of checksum>}). */
  public static final String BATCH_ID = "_batch_id";

  /** Lineage column: the file the row came from, relative to the input directory. */
  public static final String SOURCE_FILE = "_source_file";

  /** Lineage column: the physical line the record starts on (1 is the header of a CSV). */
  public static final String LINE_NUMBER = "_line_number";

  /** Lineage column: when the batch started. */
  public static final String INGESTED_AT = "_ingested_at";

  /** Lineage column: SHA-256 of the row's canonical contract values (for dedup in silver). */
  public static final String ROW_HASH = "_row_hash";

  private static final Logger LOG = LoggerFactory.getLogger(BronzeIngestion.class);

  private static final StructType AUDIT_SCHEMA =
      schema(
          "batch_id string not null, source string not null, table_name string not null,"
              + " files int not null, rows_read bigint not null, rows_landed bigint not null,"
              + " rows_quarantined bigint not null, table_version bigint not null,"
              + " started_at timestamp not null, finished_at timestamp not null");

  private static final StructType LEDGER_SCHEMA =
      schema(
          "batch_id string not null, source string not null, content_sha256 string not null,"
              + " files array<struct<path: string, bytes: bigint, sha256: string>> not null,"
              + " bytes bigint not null, rows_read bigint not null, rows_landed bigint not null,"
              + " rows_quarantined bigint not null, mapping string not null,"
              + " started_at timestamp not null, committed_at timestamp not null");

  private final SparkSession spark;
  private final SourceContracts contracts;
  private final String contractsYaml;

  public BronzeIngestion(SparkSession spark) {
    this.spark = requireNonNull(spark, "spark is null");
    this.contractsYaml = SourceContracts.resourceText();
    this.contracts = SourceContracts.parse(contractsYaml, SourceContracts.RESOURCE);
  }

  /**
   * Lands one export.
   *
   * @throws io.salesdw.contracts.SalesdwException when the mapping is invalid, a file fits no
   *     mapping or cannot be read (then no table changed), or a Delta write fails
   */
  public IngestResult run(IngestRequest request, IngestProgress progress) {
    requireNonNull(request, "request is null");
    requireNonNull(progress, "progress is null");
    long startNanos = System.nanoTime();
    Instant startedAt = Instant.now();
    String mappingOrigin =
        request.mapping().map(Path::toString).orElse(SourceMapping.shippedOrigin(request.source()));
    String mappingYaml =
        request
            .mapping()
            .map(SourceMapping::readText)
            .orElseGet(() -> SourceMapping.shippedText(request.source()));
    SourceMapping mapping = SourceMapping.parse(mappingYaml, mappingOrigin, contracts);
    if (mapping.source() != request.source()) {
      throw IngestionErrors.mappingForOtherSource(
          mappingOrigin, mapping.source(), request.source());
    }
    List<InputFile> files = listFiles(request, mapping, mappingOrigin);
    progress.report(
        String.format(
            Locale.ROOT,
            "%s: %d files under %s, mapping %s",
            request.source().code(),
            files.size(),
            request.input(),
            mappingOrigin));

    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<InputFile> tasks = context.parallelize(files, files.size());
    List<Row> checksums =
        spark
            .createDataFrame(tasks.map(new FileTasks.Checksum()), FileTasks.CHECKSUM_SCHEMA)
            .collectAsList();
    List<String> unreadable = new ArrayList<>();
    Map<String, Row> checksumByFile = new TreeMap<>();
    for (Row row : checksums) {
      checksumByFile.put(row.getString(0), row);
      FileTasks.text(row, "error")
          .ifPresent(error -> unreadable.add(row.getString(0) + " " + error));
    }
    if (!unreadable.isEmpty()) {
      throw IngestionErrors.unreadableFiles(request.input(), unreadable);
    }
    String contentSha256 = contentChecksum(request, checksumByFile);
    String batchId = request.source().code() + "-" + contentSha256.substring(0, 16);
    long bytes = checksums.stream().mapToLong(row -> row.getLong(1)).sum();
    progress.report(
        String.format(
            Locale.ROOT, "%s: %,d bytes, content checksum %s", batchId, bytes, contentSha256));

    String lake = request.lake();
    if (ledgerHolds(lake, batchId)) {
      progress.report(batchId + ": already landed; nothing to do");
      // Silver still runs: a run that died after bronze but before silver completes it now.
      return mergeSilver(
          alreadyLanded(request, batchId, files.size(), bytes, startNanos),
          lake,
          mappingYaml,
          mappingOrigin,
          startNanos,
          progress);
    }

    Dataset<Row> parsed =
        spark
            .createDataFrame(
                tasks.flatMap(new FileTasks.Parse(contractsYaml, mappingYaml, mappingOrigin)),
                FileTasks.PARSED_SCHEMA)
            .persist(StorageLevel.MEMORY_AND_DISK());
    IngestResult landed;
    try {
      landed =
          land(
              request,
              mapping,
              files,
              parsed,
              batchId,
              contentSha256,
              checksumByFile,
              bytes,
              mappingOrigin,
              startedAt,
              startNanos,
              progress);
    } finally {
      parsed.unpersist();
    }
    return mergeSilver(landed, lake, mappingYaml, mappingOrigin, startNanos, progress);
  }

  /** Merges the batch into the silver tables (a no-op when it was merged before). */
  private IngestResult mergeSilver(
      IngestResult landed,
      String lake,
      String mappingYaml,
      String mappingOrigin,
      long startNanos,
      IngestProgress progress) {
    SilverResult silver =
        new SilverMerge(spark)
            .run(landed.source(), lake, landed.batchId(), mappingYaml, mappingOrigin, progress);
    return landed.withSilver(silver, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private IngestResult land(
      IngestRequest request,
      SourceMapping mapping,
      List<InputFile> files,
      Dataset<Row> parsed,
      String batchId,
      String contentSha256,
      Map<String, Row> checksumByFile,
      long bytes,
      String mappingOrigin,
      Instant startedAt,
      long startNanos,
      IngestProgress progress) {
    // One pass over the parsed records: per file, whether it failed, and its counts.
    List<Row> perFile =
        parsed
            .groupBy(col("kind"), col("entity"), col("source_file"), col("landed"))
            .agg(count(lit(1)).as("rows"), expr("first(reason, true)").as("reason"))
            .collectAsList();
    List<String> unreadable = new ArrayList<>();
    Map<String, long[]> countsByFile = new TreeMap<>();
    Map<String, long[]> countsByEntity = new LinkedHashMap<>();
    Map<String, Integer> filesByEntity = new TreeMap<>();
    for (Row row : perFile) {
      String file = row.getString(2);
      if (row.getString(0).equals(FileTasks.KIND_FILE_ERROR)) {
        unreadable.add(file + " " + row.getString(5));
        continue;
      }
      int slot = row.getBoolean(3) ? 0 : 1;
      countsByFile.computeIfAbsent(file, f -> new long[2])[slot] += row.getLong(4);
      countsByEntity.computeIfAbsent(row.getString(1), e -> new long[2])[slot] += row.getLong(4);
    }
    if (!unreadable.isEmpty()) {
      unreadable.sort(Comparator.naturalOrder());
      throw IngestionErrors.unreadableFiles(request.input(), unreadable);
    }
    for (InputFile file : files) {
      filesByEntity.merge(file.entity(), 1, Integer::sum);
      long[] counts = countsByFile.getOrDefault(file.relativePath(), new long[2]);
      progress.report(
          String.format(
              Locale.ROOT,
              "  %s -> %s: %,d read, %,d landed, %,d quarantined",
              file.relativePath(),
              file.entity(),
              counts[0] + counts[1],
              counts[0],
              counts[1]));
    }

    Timestamp ingestedAt = Timestamp.from(startedAt);
    List<TableResult> results = new ArrayList<>();
    List<Row> auditRows = new ArrayList<>();
    Map<String, Integer> filesByTable = new TreeMap<>();
    for (TableContract contract : contracts.forSource(request.source())) {
      if (!filesByEntity.containsKey(contract.entity())) {
        continue;
      }
      String table = LakeTables.bronze(contract);
      Dataset<Row> rows =
          parsed
              .filter(
                  col("kind")
                      .equalTo(FileTasks.KIND_RECORD)
                      .and(col("entity").equalTo(contract.entity()))
                      .and(col("landed")))
              .select(bronzeColumns(contract, batchId, ingestedAt));
      append(rows, request.lake(), table, batchId);
      long version = tableVersion(request.lake(), table).orElseThrow();
      long[] counts = countsByEntity.getOrDefault(contract.entity(), new long[2]);
      results.add(new TableResult(table, counts[0] + counts[1], counts[0], counts[1], version));
      filesByTable.put(table, filesByEntity.get(contract.entity()));
      progress.report(
          String.format(Locale.ROOT, "  %s: +%,d rows, version %d", table, counts[0], version));
    }

    long quarantined = results.stream().mapToLong(TableResult::rowsQuarantined).sum();
    if (quarantined > 0) {
      Dataset<Row> quarantine =
          parsed
              .filter(col("kind").equalTo(FileTasks.KIND_RECORD).and(col("landed").equalTo(false)))
              .select(
                  lit(batchId).as("batch_id"),
                  lit(request.source().code()).as("source"),
                  concat(lit(bronzePrefix(request)), col("entity")).as("table_name"),
                  col("source_file"),
                  col("line_number"),
                  col("field"),
                  col("reason"),
                  col("raw_payload"),
                  col("raw_bytes"),
                  lit(ingestedAt).as("quarantined_at"));
      append(quarantine, request.lake(), LakeTables.QUARANTINE_ROWS, batchId);
      progress.report(
          String.format(Locale.ROOT, "  %s: +%,d rows", LakeTables.QUARANTINE_ROWS, quarantined));
    }

    Timestamp finishedAt = Timestamp.from(Instant.now());
    for (TableResult result : results) {
      auditRows.add(
          RowFactory.create(
              batchId,
              request.source().code(),
              result.table(),
              filesByTable.get(result.table()),
              result.rowsRead(),
              result.rowsLanded(),
              result.rowsQuarantined(),
              result.version(),
              ingestedAt,
              finishedAt));
    }
    append(
        spark.createDataFrame(auditRows, AUDIT_SCHEMA), request.lake(), LakeTables.AUDIT, batchId);

    List<Row> fileEntries =
        checksumByFile.values().stream()
            .map(row -> RowFactory.create(row.getString(0), row.getLong(1), row.getString(2)))
            .toList();
    Row[] fileArray = fileEntries.toArray(Row[]::new);
    Row ledgerRow =
        RowFactory.create(
            batchId,
            request.source().code(),
            contentSha256,
            fileArray,
            bytes,
            results.stream().mapToLong(TableResult::rowsRead).sum(),
            results.stream().mapToLong(TableResult::rowsLanded).sum(),
            quarantined,
            mappingOrigin,
            ingestedAt,
            Timestamp.from(Instant.now()));
    append(
        spark.createDataFrame(List.of(ledgerRow), LEDGER_SCHEMA),
        request.lake(),
        LakeTables.BATCHES,
        batchId);
    LOG.debug("landed batch {} of {}: {}", batchId, request.source().code(), results);
    return new IngestResult(
        request.source(),
        batchId,
        IngestResult.Status.LANDED,
        files.size(),
        bytes,
        results,
        tableVersion(request.lake(), LakeTables.QUARANTINE_ROWS).orElse(-1L),
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** The contract columns cast from their canonical texts, then the lineage columns. */
  private static Column[] bronzeColumns(TableContract contract, String batchId, Timestamp at) {
    List<Column> columns = typedContractColumns(contract);
    columns.add(lit(batchId).as(BATCH_ID));
    columns.add(col("source_file").as(SOURCE_FILE));
    columns.add(col("line_number").as(LINE_NUMBER));
    columns.add(lit(at).as(INGESTED_AT));
    columns.add(col("row_hash").as(ROW_HASH));
    return columns.toArray(Column[]::new);
  }

  /**
   * The contract's columns, typed, from a {@code values} array column of canonical texts (as the
   * parsers and the JDBC reader produce them): one cast per logical type, shared by every way of
   * landing rows so that a value lands the same whichever way it came.
   */
  public static List<Column> typedContractColumns(TableContract contract) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < contract.columns().size(); i++) {
      ContractColumn column = contract.columns().get(i);
      Column value = col("values").getItem(i);
      Column typed =
          switch (column.type().kind()) {
            case STRING, JSON -> value;
            case INTEGER -> value.cast(DataTypes.LongType);
            case DECIMAL ->
                value.cast(
                    DataTypes.createDecimalType(column.type().precision(), column.type().scale()));
            case DATE -> value.cast(DataTypes.DateType);
            case TIMESTAMP -> expr("timestamp_micros(cast(`values`[" + i + "] as bigint))");
            case BOOLEAN -> value.cast(DataTypes.BooleanType);
          };
      columns.add(typed.as(column.name()));
    }
    return columns;
  }

  private void append(Dataset<Row> rows, String lake, String table, String batchId) {
    try {
      rows.write()
          .format("delta")
          .mode("append")
          // The batch id as Delta transaction id: a re-run after a crash skips this commit if it
          // is already in the table's log.
          .option("txnAppId", "salesdw-ingest-" + batchId)
          .option("txnVersion", 0L)
          // A contract that gains an optional column lands it; silver then adds it too.
          .option("mergeSchema", "true")
          .save(LakeTables.location(lake, table));
    } catch (RuntimeException e) {
      throw IngestionErrors.writeFailed(LakeTables.location(lake, table), e);
    }
  }

  /** The current version of a table, empty when it does not exist yet. */
  Optional<Long> tableVersion(String lake, String table) {
    String location = LakeTables.location(lake, table);
    try {
      if (!DeltaTable.isDeltaTable(spark, location)) {
        return Optional.empty();
      }
      return Optional.of(
          DeltaTable.forPath(spark, location).history(1).select("version").head().getLong(0));
    } catch (RuntimeException e) {
      throw IngestionErrors.readFailed(location, e);
    }
  }

  private boolean ledgerHolds(String lake, String batchId) {
    if (tableVersion(lake, LakeTables.BATCHES).isEmpty()) {
      return false;
    }
    String location = LakeTables.location(lake, LakeTables.BATCHES);
    try {
      return !spark
          .read()
          .format("delta")
          .load(location)
          .filter(col("batch_id").equalTo(batchId))
          .isEmpty();
    } catch (RuntimeException e) {
      throw IngestionErrors.readFailed(location, e);
    }
  }

  private IngestResult alreadyLanded(
      IngestRequest request, String batchId, int files, long bytes, long startNanos) {
    String location = LakeTables.location(request.lake(), LakeTables.AUDIT);
    List<Row> audit;
    try {
      audit =
          spark
              .read()
              .format("delta")
              .load(location)
              .filter(col("batch_id").equalTo(batchId))
              .select("table_name", "rows_read", "rows_landed", "rows_quarantined")
              .orderBy("table_name")
              .collectAsList();
    } catch (RuntimeException e) {
      throw IngestionErrors.readFailed(location, e);
    }
    List<TableResult> results = new ArrayList<>();
    for (Row row : audit) {
      String table = row.getString(0);
      results.add(
          new TableResult(
              table,
              row.getLong(1),
              row.getLong(2),
              row.getLong(3),
              tableVersion(request.lake(), table).orElse(-1L)));
    }
    return new IngestResult(
        request.source(),
        batchId,
        IngestResult.Status.ALREADY_LANDED,
        files,
        bytes,
        results,
        tableVersion(request.lake(), LakeTables.QUARANTINE_ROWS).orElse(-1L),
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** Every file under the input, each matched to exactly one entry of the mapping. */
  private static List<InputFile> listFiles(
      IngestRequest request, SourceMapping mapping, String mappingOrigin) {
    Path input = request.input().toAbsolutePath().normalize();
    if (!Files.exists(input)) {
      throw IngestionErrors.inputMissing(request.input());
    }
    List<Path> paths;
    if (Files.isDirectory(input)) {
      try (Stream<Path> walk = Files.walk(input)) {
        paths = walk.filter(path -> !Files.isDirectory(path)).sorted().toList();
      } catch (IOException | java.io.UncheckedIOException e) {
        throw IngestionErrors.inputUnlistable(request.input(), e);
      }
    } else {
      paths = List.of(input);
    }
    Path base = Files.isDirectory(input) ? input : input.getParent();
    List<InputFile> files = new ArrayList<>();
    List<String> issues = new ArrayList<>();
    for (Path path : paths) {
      String relative = base.relativize(path).toString().replace('\\', '/');
      if (mapping.isIgnored(relative)) {
        continue;
      }
      List<FileMapping> matches = mapping.matching(relative);
      if (matches.size() != 1) {
        issues.add(
            relative
                + (matches.isEmpty()
                    ? " matches no 'pattern'"
                    : " matches several patterns: "
                        + matches.stream()
                            .map(FileMapping::pattern)
                            .collect(Collectors.joining(", "))));
        continue;
      }
      files.add(
          new InputFile(
              relative,
              path.toString(),
              matches.get(0).entity(),
              mapping.files().indexOf(matches.get(0))));
    }
    if (!issues.isEmpty()) {
      throw IngestionErrors.unmatchedFiles(mappingOrigin, request.input(), issues);
    }
    if (files.isEmpty()) {
      throw IngestionErrors.noFiles(request.input(), request.source());
    }
    return files;
  }

  private static String contentChecksum(IngestRequest request, Map<String, Row> checksumByFile) {
    StringBuilder text = new StringBuilder(request.source().code()).append('\n');
    checksumByFile.forEach(
        (file, row) -> text.append(file).append('\t').append(row.getString(2)).append('\n'));
    return ExportFileParser.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static StructType schema(String ddl) {
    return StructType.fromDDL(ddl);
  }

  private static String bronzePrefix(IngestRequest request) {
    return LakeZone.BRONZE.directoryName() + "/" + request.source().code() + "_";
  }
}
