package io.salesdw.lake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.testing.TestingSparkSession;
import io.salesdw.testing.TinyDeltaTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Lake} over real Delta tables written by Spark: every number Kernel reports is checked
 * against the fixture's own arithmetic and against Spark.
 */
class LakeIT {
  private static final String CRM_LEADS = "bronze/crm_leads";
  private static final String ERP_ORDERS = "bronze/erp_orders";
  private static final String OPPORTUNITIES = "silver/opportunities";
  private static final String ACCOUNTS = "silver/accounts";
  private static final String LEAD_FUNNEL = "gold/lead_funnel";
  private static final String ACCOUNT_SEGMENTS = "gold/account_segments";

  private static final StructType LEAD = StructType.fromDDL("lead_id BIGINT, source STRING");
  private static final StructType ORDER =
      StructType.fromDDL("order_id BIGINT, region STRING, amount DOUBLE");
  private static final StructType ACCOUNT = StructType.fromDDL("account_id BIGINT, segment STRING");
  // A space and non-ASCII characters test the percent-encoding of paths; null tests NULL
  // partitions.
  private static final List<String> REGIONS = Arrays.asList("华东", "North America", null, "EU");

  @TempDir static Path lakeRoot;

  private static Lake lake;
  private static Instant fixtureStart;
  private static Instant fixtureEnd;

  /** Rows each table holds after the fixture's writes, computed as the fixture writes. */
  private static final Map<String, Long> expectedRows = new HashMap<>();

  /** Commits the fixture made to each table. */
  private static final Map<String, Long> commits = new HashMap<>();

  private static List<DeltaTableInfo> tables;

  @BeforeAll
  static void writeLake() throws IOException {
    SparkSession spark = TestingSparkSession.get();
    fixtureStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    // Unpartitioned, two appends: versions 0 and 1.
    List<Row> firstLeads = leads(1, 3);
    List<Row> moreLeads = leads(4, 5);
    TinyDeltaTables.append(table(CRM_LEADS), LEAD, firstLeads);
    TinyDeltaTables.append(table(CRM_LEADS), LEAD, moreLeads);
    record(CRM_LEADS, 2, firstLeads.size() + moreLeads.size());

    // Partitioned by region.
    List<Row> orders = orders(12);
    TinyDeltaTables.append(table(ERP_ORDERS), ORDER, orders, "region");
    record(ERP_ORDERS, 1, orders.size());

    // UPDATE and DELETE without deletion vectors: the log has remove actions.
    List<Row> opportunities = accounts(6);
    TinyDeltaTables.create(
        table(OPPORTUNITIES),
        "account_id BIGINT, segment STRING",
        List.of(),
        Map.of("delta.enableDeletionVectors", "false"));
    TinyDeltaTables.append(table(OPPORTUNITIES), ACCOUNT, opportunities);
    TinyDeltaTables.execute(
        table(OPPORTUNITIES), "UPDATE {table} SET segment = 'enterprise' WHERE account_id <= 2");
    TinyDeltaTables.execute(table(OPPORTUNITIES), "DELETE FROM {table} WHERE account_id >= 5");
    record(OPPORTUNITIES, 4, opportunities.size() - count(opportunities, id -> id >= 5));

    // Deletion vectors: the DELETE leaves the files and marks rows deleted.
    List<Row> accounts = accounts(10);
    TinyDeltaTables.create(
        table(ACCOUNTS),
        "account_id BIGINT, segment STRING",
        List.of(),
        Map.of("delta.enableDeletionVectors", "true"));
    TinyDeltaTables.append(table(ACCOUNTS), ACCOUNT, accounts);
    TinyDeltaTables.execute(table(ACCOUNTS), "DELETE FROM {table} WHERE account_id % 3 = 0");
    record(ACCOUNTS, 3, accounts.size() - count(accounts, id -> id % 3 == 0));

    // Files without statistics, so rows must be counted by reading, and a deletion vector on
    // one of them. (A DELETE with deletion vectors writes numRecords for the files it touches, so
    // the DELETE must leave some files alone: it deletes one row of the first append.)
    List<Row> funnel = accounts(8);
    withoutStatistics(
        spark,
        () -> {
          TinyDeltaTables.create(
              table(LEAD_FUNNEL),
              "account_id BIGINT, segment STRING",
              List.of(),
              Map.of("delta.enableDeletionVectors", "true"));
          TinyDeltaTables.append(table(LEAD_FUNNEL), ACCOUNT, funnel.subList(0, 4));
          TinyDeltaTables.append(table(LEAD_FUNNEL), ACCOUNT, funnel.subList(4, 8));
          TinyDeltaTables.execute(table(LEAD_FUNNEL), "DELETE FROM {table} WHERE account_id = 4");
        });
    record(LEAD_FUNNEL, 4, funnel.size() - count(funnel, id -> id == 4));

    // Column mapping: Parquet files and partition values use physical names.
    List<Row> segments = accounts(9);
    TinyDeltaTables.create(
        table(ACCOUNT_SEGMENTS),
        "account_id BIGINT, segment STRING",
        List.of("segment"),
        Map.of(
            "delta.columnMapping.mode", "name",
            "delta.minReaderVersion", "2",
            "delta.minWriterVersion", "5"));
    TinyDeltaTables.append(table(ACCOUNT_SEGMENTS), ACCOUNT, segments);
    record(ACCOUNT_SEGMENTS, 2, segments.size());

    // Not tables, or not to be looked into. (Discovery reads no data, so hand-made files do.)
    Files.createDirectories(lakeRoot.resolve("landing/crm"));
    Files.writeString(lakeRoot.resolve("landing/crm/leads.csv"), "lead_id,source\n1,web\n", UTF_8);
    Files.createDirectories(lakeRoot.resolve("landing/raw_parquet"));
    Files.write(
        lakeRoot.resolve("landing/raw_parquet/part-00000.parquet"),
        new byte[] {'P', 'A', 'R', '1'});
    Files.createFile(lakeRoot.resolve("landing/raw_parquet/_SUCCESS"));
    Files.createDirectories(lakeRoot.resolve("silver/uncommitted/_delta_log/_staged_commits"));
    for (String hidden : List.of(".staging/crm_leads", "_checkpoints/crm_leads")) {
      HandWrittenDeltaLog.commit(
          table(hidden),
          0,
          HandWrittenDeltaLog.protocol(),
          HandWrittenDeltaLog.metadata(List.of("lead_id"), List.of(), Map.of()));
    }

    fixtureEnd = Instant.now().plusSeconds(1);
    lake = Lake.open(lakeRoot.toString());
    tables = lake.tables();
  }

  @Test
  void findsExactlyTheDeltaTables() {
    assertThat(tables)
        .extracting(DeltaTableInfo::name)
        .containsExactly(
            CRM_LEADS, ERP_ORDERS, ACCOUNT_SEGMENTS, LEAD_FUNNEL, ACCOUNTS, OPPORTUNITIES);
    assertThat(tables)
        .extracting(DeltaTableInfo::name)
        .isSorted()
        .containsExactlyInAnyOrderElementsOf(expectedRows.keySet());
  }

  @Test
  void versionIsTheNumberOfCommitsMinusOne() {
    for (DeltaTableInfo table : tables) {
      assertThat(table.version()).as(table.name()).isEqualTo(commits.get(table.name()) - 1);
    }
  }

  @Test
  void rowCountIsTheFixturesAndSparks() {
    for (DeltaTableInfo table : tables) {
      assertThat(table.rowCount()).as(table.name()).isEqualTo(expectedRows.get(table.name()));
      assertThat(table.rowCount())
          .as(table.name())
          .isEqualTo(TinyDeltaTables.count(lakeRoot.resolve(table.name())));
    }
  }

  @Test
  void countingByReadingAgreesWithStatistics() {
    for (DeltaTableInfo table : tables) {
      assertThat(lake.countByScan(table.name())).as(table.name()).isEqualTo(table.rowCount());
    }
  }

  @Test
  void filesAndSizeAreThoseSparkReads() throws IOException {
    for (DeltaTableInfo table : tables) {
      List<Path> sparkFiles = sparkInputFiles(table.name());
      long sparkSize = 0;
      for (Path file : sparkFiles) {
        sparkSize += Files.size(file);
      }
      assertThat(table.fileCount()).as(table.name()).isEqualTo(sparkFiles.size());
      assertThat(table.sizeBytes()).as(table.name()).isEqualTo(sparkSize);
      assertThat(lake.snapshotFiles(table.name()).files())
          .extracting(file -> Path.of(file.uri()))
          .containsExactlyInAnyOrderElementsOf(sparkFiles);
    }
  }

  @Test
  void lastModifiedIsWithinTheFixturesWrites() {
    for (DeltaTableInfo table : tables) {
      assertThat(table.lastModified()).as(table.name()).isBetween(fixtureStart, fixtureEnd);
    }
  }

  @Test
  void partitionColumnsAndLocations() {
    for (DeltaTableInfo table : tables) {
      List<String> expected =
          switch (table.name()) {
            case ERP_ORDERS -> List.of("region");
            case ACCOUNT_SEGMENTS -> List.of("segment");
            default -> List.of();
          };
      assertThat(table.partitionColumns()).as(table.name()).isEqualTo(expected);
      assertThat(table.location().toString()).startsWith("file:///");
      assertThat(Path.of(table.location())).isEqualTo(lakeRoot.resolve(table.name()));
    }
  }

  @Test
  void snapshotFilesReadAsParquetHoldTheTablesRows() {
    for (String name : List.of(CRM_LEADS, ERP_ORDERS, OPPORTUNITIES)) {
      DeltaSnapshotFiles snapshot = lake.snapshotFiles(name);
      assertThat(snapshot.readableAsPlainParquet()).as(name).isTrue();
      // Spark writes statistics, so these tables are counted from them, not by reading.
      assertThat(snapshot.files()).allSatisfy(file -> assertThat(file.numRecords()).isPresent());
      assertThat(readAsParquet(snapshot).count()).as(name).isEqualTo(expectedRows.get(name));
    }
  }

  @Test
  void removedFilesAreNotInTheSnapshot() throws IOException {
    // The UPDATE and the DELETE rewrote files; the old ones stay on disk until a VACUUM.
    List<Path> onDisk;
    try (Stream<Path> files = Files.list(table(OPPORTUNITIES))) {
      onDisk = files.filter(file -> file.toString().endsWith(".parquet")).toList();
    }
    List<Path> inSnapshot =
        lake.snapshotFiles(OPPORTUNITIES).files().stream().map(f -> Path.of(f.uri())).toList();
    assertThat(onDisk).containsAll(inSnapshot);
    assertThat(onDisk.size()).isGreaterThan(inSnapshot.size());
  }

  @Test
  void partitionValuesAreDecodedAndMatchTheData() {
    DeltaSnapshotFiles orders = lake.snapshotFiles(ERP_ORDERS);
    Map<Optional<String>, Long> rowsByRegion = new HashMap<>();
    for (DeltaDataFile file : orders.files()) {
      assertThat(Path.of(file.uri())).exists();
      assertThat(file.partitionValues()).containsOnlyKeys("region");
      rowsByRegion.merge(
          file.partitionValues().get("region"), file.numRecords().orElseThrow(), Long::sum);
    }
    Map<Optional<String>, Long> expected =
        orders(12).stream()
            .collect(
                Collectors.groupingBy(
                    row -> Optional.ofNullable(row.getString(1)), Collectors.counting()));
    assertThat(rowsByRegion).isEqualTo(expected);
    Map<Optional<String>, Long> sparkCounts = new HashMap<>();
    for (Row row :
        TestingSparkSession.get()
            .read()
            .format("delta")
            .load(table(ERP_ORDERS).toString())
            .groupBy("region")
            .count()
            .collectAsList()) {
      sparkCounts.put(Optional.ofNullable(row.getString(0)), row.getLong(1));
    }
    assertThat(rowsByRegion).isEqualTo(sparkCounts);
  }

  @Test
  void columnsAreTheSchemaSparkReads() {
    StructType sparkSchema =
        TestingSparkSession.get()
            .read()
            .format("delta")
            .load(table(ERP_ORDERS).toString())
            .schema();

    DeltaSnapshotFiles orders = lake.snapshotFiles(ERP_ORDERS);

    assertThat(orders.columns())
        .extracting(DeltaColumn::name)
        .containsExactly(sparkSchema.fieldNames());
    assertThat(orders.columns())
        .extracting(column -> column.type().kind())
        .containsExactly(
            DeltaColumnType.Kind.LONG, DeltaColumnType.Kind.STRING, DeltaColumnType.Kind.DOUBLE);
    // Under column mapping the columns keep the table's names, not the files' physical ones.
    assertThat(lake.snapshotFiles(ACCOUNT_SEGMENTS).columns())
        .extracting(DeltaColumn::name)
        .containsExactly("account_id", "segment");
  }

  @Test
  void deletionVectorsAreSubtractedAndFlagged() {
    DeltaSnapshotFiles accounts = lake.snapshotFiles(ACCOUNTS);
    List<Row> written = accounts(10);
    long deleted = count(written, id -> id % 3 == 0);

    assertThat(accounts.deletionVectorsEnabled()).isTrue();
    assertThat(accounts.hasDeletionVectors()).isTrue();
    assertThat(accounts.readableAsPlainParquet()).isFalse();
    long physical = accounts.files().stream().mapToLong(f -> f.numRecords().orElseThrow()).sum();
    long cardinality =
        accounts.files().stream().mapToLong(f -> f.deletionVectorCardinality().orElse(0)).sum();
    assertThat(physical).isEqualTo(written.size());
    assertThat(cardinality).isEqualTo(deleted);
    // What a plain Parquet reader (DuckDB's read_parquet) would wrongly return.
    assertThat(readAsParquet(accounts).count()).isEqualTo(written.size());
    assertThat(describe(ACCOUNTS).rowCount()).isEqualTo(written.size() - deleted);
  }

  @Test
  void withoutStatisticsRowsAreCountedByReadingWithDeletionVectorsApplied() {
    DeltaSnapshotFiles funnel = lake.snapshotFiles(LEAD_FUNNEL);
    assertThat(funnel.files()).anySatisfy(file -> assertThat(file.numRecords()).isEmpty());
    assertThat(funnel.hasDeletionVectors()).isTrue();
    assertThat(describe(LEAD_FUNNEL).rowCount())
        .isEqualTo(expectedRows.get(LEAD_FUNNEL))
        .isLessThan(readAsParquet(funnel).count());
  }

  @Test
  void columnMappedPartitionValuesUseTheTablesColumnNames() {
    DeltaSnapshotFiles segments = lake.snapshotFiles(ACCOUNT_SEGMENTS);
    assertThat(segments.columnMappingMode()).isEqualTo(ColumnMappingMode.NAME);
    assertThat(segments.readableAsPlainParquet()).isFalse();
    Map<Optional<String>, Long> rowsBySegment = new HashMap<>();
    for (DeltaDataFile file : segments.files()) {
      assertThat(file.partitionValues()).containsOnlyKeys("segment");
      rowsBySegment.merge(
          file.partitionValues().get("segment"), file.numRecords().orElseThrow(), Long::sum);
    }
    assertThat(rowsBySegment)
        .isEqualTo(
            accounts(9).stream()
                .collect(
                    Collectors.groupingBy(
                        row -> Optional.of(row.getString(1)), Collectors.counting())));
  }

  @Test
  void snapshotFilesAreOfTheLatestVersion() {
    for (DeltaTableInfo table : tables) {
      DeltaSnapshotFiles snapshot = lake.snapshotFiles(table.name());
      assertThat(snapshot.version()).as(table.name()).isEqualTo(table.version());
      assertThat(snapshot.sizeBytes()).as(table.name()).isEqualTo(table.sizeBytes());
      assertThat(snapshot.location()).as(table.name()).isEqualTo(table.location());
    }
  }

  private static DeltaTableInfo describe(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static Dataset<Row> readAsParquet(DeltaSnapshotFiles snapshot) {
    String[] files =
        snapshot.files().stream().map(f -> Path.of(f.uri()).toString()).toArray(String[]::new);
    return TestingSparkSession.get().read().parquet(files);
  }

  private static List<Path> sparkInputFiles(String name) {
    List<Path> files = new ArrayList<>();
    for (String file :
        TestingSparkSession.get()
            .read()
            .format("delta")
            .load(table(name).toString())
            .inputFiles()) {
      // Spark gives Hadoop's unencoded form ("region=North America"), not a URI.
      files.add(Path.of(new org.apache.hadoop.fs.Path(file).toUri()));
    }
    return files;
  }

  private static Path table(String name) {
    return lakeRoot.resolve(name);
  }

  private static void record(String name, long commitCount, long rows) {
    commits.put(name, commitCount);
    expectedRows.put(name, rows);
  }

  private static List<Row> leads(long firstId, long lastId) {
    return LongStream.rangeClosed(firstId, lastId)
        .mapToObj(id -> RowFactory.create(id, id % 2 == 0 ? "web" : "referral"))
        .toList();
  }

  private static List<Row> orders(long count) {
    return LongStream.rangeClosed(1, count)
        .mapToObj(id -> RowFactory.create(id, REGIONS.get((int) (id % REGIONS.size())), id * 10.5))
        .toList();
  }

  private static List<Row> accounts(long count) {
    return LongStream.rangeClosed(1, count)
        .mapToObj(id -> RowFactory.create(id, id % 3 == 0 ? "enterprise" : "smb"))
        .toList();
  }

  private static long count(List<Row> rows, Predicate<Long> idMatches) {
    return rows.stream().map(row -> row.getLong(0)).filter(idMatches).count();
  }

  private static void withoutStatistics(SparkSession spark, Runnable writes) {
    // The session is shared by every test in the JVM: put the setting back.
    String key = "spark.databricks.delta.stats.collect";
    String previous = spark.conf().get(key, "true");
    spark.conf().set(key, "false");
    try {
      writes.run();
    } finally {
      spark.conf().set(key, previous);
    }
  }
}
