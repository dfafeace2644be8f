package io.salesdw.lake;

import static io.salesdw.lake.HandWrittenDeltaLog.add;
import static io.salesdw.lake.HandWrittenDeltaLog.commit;
import static io.salesdw.lake.HandWrittenDeltaLog.metadata;
import static io.salesdw.lake.HandWrittenDeltaLog.protocol;
import static io.salesdw.lake.HandWrittenDeltaLog.remove;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Lake} over hand-written Delta logs: discovery, log replay and errors, without Spark. */
class TestLake {
  /** One add action of the hand-written leads table. */
  private record LeadsFile(String logPath, Optional<String> region, long size, long records) {}

  // Version 0 adds the first three files; version 1 removes the first and adds the fourth.
  private static final LeadsFile EU_FIRST =
      new LeadsFile("region=EU/part-0.parquet", Optional.of("EU"), 100, 3);
  private static final LeadsFile NORTH_AMERICA =
      new LeadsFile("region=North%20America/part-1.parquet", Optional.of("North America"), 200, 5);
  private static final LeadsFile NO_REGION =
      new LeadsFile("region=__HIVE_DEFAULT_PARTITION__/part-2.parquet", Optional.empty(), 50, 1);
  private static final LeadsFile EU_REWRITTEN =
      new LeadsFile("region=EU/part-3.parquet", Optional.of("EU"), 120, 2);
  private static final List<LeadsFile> LIVE_FILES = List.of(NORTH_AMERICA, NO_REGION, EU_REWRITTEN);

  @TempDir Path lake;

  @Test
  void emptyLakeHasNoTables() {
    assertThat(Lake.open(lake.toString()).tables()).isEmpty();
  }

  @Test
  void missingRootIsAUserError() {
    String root = lake.resolve("no-such-lake").toString();
    assertThatThrownBy(() -> Lake.open(root))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessage(
            "The lake root '%s' does not exist. Check the path, or create the lake first by"
                + " ingesting data into it.",
            root);
  }

  @Test
  void rootThatIsAFileIsAUserError() throws IOException {
    Path file = Files.writeString(lake.resolve("lake.txt"), "not a lake", UTF_8);
    assertThatThrownBy(() -> Lake.open(file.toString()))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessageStartingWith("The lake root '" + file + "' is a file, not a directory.");
  }

  @Test
  void rootThatIsATableIsAUserError() {
    writeLeadsTable(lake);
    assertThatThrownBy(() -> Lake.open(lake.toString()))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessageStartingWith("The lake root '" + lake + "' is itself a Delta table")
        .hasMessageEndingWith("Give the directory above it.");
  }

  @Test
  void rootWithAnUnknownSchemeIsAUserError() {
    assertThatThrownBy(() -> Lake.open("nosuchfs://bucket/lake"))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessageStartingWith(
            "The lake root 'nosuchfs://bucket/lake' is neither a local path nor a file system URI"
                + " Hadoop can open")
        .hasMessageContaining("nosuchfs");
  }

  @Test
  void rootUriWithoutAPathIsAUserError() {
    assertThatThrownBy(() -> Lake.open("file:lake"))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessageStartingWith(
            "The lake root 'file:lake' is neither a local path nor a file system URI Hadoop can"
                + " open (the URI has no absolute path).");
  }

  @Test
  void findsNestedTablesAndNothingElse() throws IOException {
    writeLeadsTable(lake.resolve("bronze/crm_leads"));
    writeLeadsTable(lake.resolve("silver/sales/accounts"));
    writeLeadsTable(lake.resolve("gold"));
    // Not tables, or not to be looked into:
    Files.createDirectories(lake.resolve("landing/crm"));
    Files.writeString(lake.resolve("landing/crm/leads.csv"), "lead_id,region\n1,EU\n", UTF_8);
    Files.createDirectories(lake.resolve("silver/uncommitted/_delta_log/_staged_commits"));
    writeLeadsTable(lake.resolve(".staging/crm_leads"));
    writeLeadsTable(lake.resolve("_checkpoints/crm_leads"));
    writeLeadsTable(lake.resolve("bronze/crm_leads/region=EU/inner_table"));

    List<String> names =
        Lake.open(lake.toString()).tables().stream().map(DeltaTableInfo::name).toList();

    assertThat(names).containsExactly("bronze/crm_leads", "gold", "silver/sales/accounts");
  }

  @Test
  void describesTheLatestVersionFromTheLog() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path table = lake.resolve("bronze/crm_leads");
    writeLeadsTable(table);
    Instant after = Instant.now().plusSeconds(1);

    List<DeltaTableInfo> tables = Lake.open(lake.toString()).tables();

    assertThat(tables).hasSize(1);
    DeltaTableInfo leads = tables.get(0);
    assertThat(leads.name()).isEqualTo("bronze/crm_leads");
    assertThat(Path.of(leads.location())).isEqualTo(table);
    assertThat(leads.version()).isEqualTo(1);
    assertThat(leads.rowCount()).isEqualTo(LIVE_FILES.stream().mapToLong(LeadsFile::records).sum());
    assertThat(leads.fileCount()).isEqualTo(LIVE_FILES.size());
    assertThat(leads.sizeBytes()).isEqualTo(LIVE_FILES.stream().mapToLong(LeadsFile::size).sum());
    assertThat(leads.partitionColumns()).containsExactly("region");
    assertThat(leads.lastModified()).isBetween(before, after);
  }

  @Test
  void opensTheSameLakeFromAPathOrAFileUri() {
    writeLeadsTable(lake.resolve("bronze/crm_leads"));

    List<DeltaTableInfo> fromPath = Lake.open(lake.toString()).tables();
    List<DeltaTableInfo> fromUri = Lake.open(lake.toUri().toString()).tables();

    assertThat(fromUri).isEqualTo(fromPath);
  }

  @Test
  void snapshotFilesAreTheLiveFilesWithDecodedPartitionValues() {
    Path table = lake.resolve("bronze/crm_leads");
    writeLeadsTable(table);

    DeltaSnapshotFiles snapshot = Lake.open(lake.toString()).snapshotFiles("bronze/crm_leads");

    assertThat(snapshot.version()).isEqualTo(1);
    assertThat(snapshot.partitionColumns()).containsExactly("region");
    assertThat(snapshot.deletionVectorsEnabled()).isFalse();
    assertThat(snapshot.columnMappingMode()).isEqualTo(ColumnMappingMode.NONE);
    assertThat(snapshot.readableAsPlainParquet()).isTrue();
    Map<Path, DeltaDataFile> byPath =
        snapshot.files().stream().collect(Collectors.toMap(f -> Path.of(f.uri()), f -> f));
    for (LeadsFile expected : LIVE_FILES) {
      // The log's path is percent-encoded; the file on disk has the decoded name.
      Path onDisk = table.resolve(expected.logPath().replace("%20", " "));
      assertThat(byPath).containsKey(onDisk);
      DeltaDataFile file = byPath.get(onDisk);
      assertThat(file.partitionValues()).containsExactly(Map.entry("region", expected.region()));
      assertThat(file.sizeBytes()).isEqualTo(expected.size());
      assertThat(file.numRecords()).hasValue(expected.records());
      assertThat(file.hasDeletionVector()).isFalse();
    }
    assertThat(byPath).hasSize(LIVE_FILES.size());
    assertThat(snapshot.files()).isSortedAccordingTo((a, b) -> a.uri().compareTo(b.uri()));
  }

  @Test
  void snapshotColumnsAreTheSchemasInOrderWithTypesAndNullability() {
    List<String> fields =
        List.of(
            field("order_no", "\"string\"", false),
            field("line", "\"byte\"", true),
            field("quantity", "\"short\"", true),
            field("month_key", "\"integer\"", false),
            field("customer_id", "\"long\"", true),
            field("discount", "\"float\"", true),
            field("weight", "\"double\"", true),
            field("amount", "\"decimal(12,2)\"", true),
            field("is_paid", "\"boolean\"", true),
            field("order_date", "\"date\"", true),
            field("paid_at", "\"timestamp\"", true),
            field("signature", "\"binary\"", true),
            field(
                "tags",
                "{\"type\":\"array\",\"elementType\":\"string\",\"containsNull\":true}",
                true),
            field(
                "scores",
                "{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":\"long\","
                    + "\"valueContainsNull\":true}",
                true));
    commit(
        lake.resolve("gold/fact_order"),
        0,
        protocol(),
        HandWrittenDeltaLog.metadataWithFields(fields, List.of("month_key"), Map.of()));

    DeltaSnapshotFiles snapshot = Lake.open(lake.toString()).snapshotFiles("gold/fact_order");

    assertThat(snapshot.columns())
        .containsExactly(
            new DeltaColumn("order_no", DeltaColumnType.of(DeltaColumnType.Kind.STRING), false),
            new DeltaColumn("line", DeltaColumnType.of(DeltaColumnType.Kind.BYTE), true),
            new DeltaColumn("quantity", DeltaColumnType.of(DeltaColumnType.Kind.SHORT), true),
            new DeltaColumn("month_key", DeltaColumnType.of(DeltaColumnType.Kind.INTEGER), false),
            new DeltaColumn("customer_id", DeltaColumnType.of(DeltaColumnType.Kind.LONG), true),
            new DeltaColumn("discount", DeltaColumnType.of(DeltaColumnType.Kind.FLOAT), true),
            new DeltaColumn("weight", DeltaColumnType.of(DeltaColumnType.Kind.DOUBLE), true),
            new DeltaColumn("amount", DeltaColumnType.decimal(12, 2), true),
            new DeltaColumn("is_paid", DeltaColumnType.of(DeltaColumnType.Kind.BOOLEAN), true),
            new DeltaColumn("order_date", DeltaColumnType.of(DeltaColumnType.Kind.DATE), true),
            new DeltaColumn("paid_at", DeltaColumnType.of(DeltaColumnType.Kind.TIMESTAMP), true),
            new DeltaColumn("signature", DeltaColumnType.of(DeltaColumnType.Kind.BINARY), true),
            new DeltaColumn("tags", DeltaColumnType.other("array<string>"), true),
            new DeltaColumn("scores", DeltaColumnType.other("map<string,long>"), true));
    assertThat(snapshot.columns().get(7).type().description()).isEqualTo("decimal(12,2)");
    assertThat(snapshot.isPartitionColumn("MONTH_KEY")).isTrue();
    assertThat(snapshot.isPartitionColumn("amount")).isFalse();
    assertThat(snapshot.files()).isEmpty();
  }

  @Test
  void tableNamesListTheTablesWithoutReadingThem() throws IOException {
    writeLeadsTable(lake.resolve("bronze/crm_leads"));
    writeLeadsTable(lake.resolve("gold/dim_region"));
    // A log that cannot be read: tables() fails on it, a listing of names does not read it.
    Path broken = Files.createDirectories(lake.resolve("gold/fact_order/_delta_log"));
    Files.writeString(broken.resolve("00000000000000000000.json"), "{not json\n", UTF_8);

    Lake opened = Lake.open(lake.toString());

    assertThat(opened.tableNames())
        .containsExactly("bronze/crm_leads", "gold/dim_region", "gold/fact_order");
    assertThat(opened.hasTable("gold/dim_region")).isTrue();
    assertThat(opened.hasTable("gold/dim_regions")).isFalse();
    assertThat(opened.hasTable("gold")).isFalse();
    assertThat(opened.hasTable("gold/../bronze/crm_leads")).isFalse();
  }

  @Test
  void unknownTableNamesTheKnownOnes() {
    writeLeadsTable(lake.resolve("bronze/crm_leads"));
    writeLeadsTable(lake.resolve("bronze/erp_orders"));
    Lake opened = Lake.open(lake.toString());

    assertThatThrownBy(() -> opened.snapshotFiles("bronze/crm_lead"))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessage(
            "There is no Delta table 'bronze/crm_lead' under the lake root '%s'. Its tables are:"
                + " bronze/crm_leads, bronze/erp_orders.",
            opened.root());
  }

  @Test
  void rejectsNamesOutsideTheLake() {
    Lake opened = Lake.open(lake.toString());
    for (String name : List.of("", "../crm_leads", "bronze//crm_leads", "/bronze", "_tmp/x")) {
      assertThatThrownBy(() -> opened.snapshotFiles(name))
          .isInstanceOfSatisfying(
              SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
          .hasMessageStartingWith("'" + name + "' is not a table name");
    }
  }

  @Test
  void corruptLogIsAnExternalErrorNamingTheTable() throws IOException {
    Path log = Files.createDirectories(lake.resolve("bronze/crm_leads/_delta_log"));
    Files.writeString(log.resolve("00000000000000000000.json"), "{not json\n", UTF_8);
    Lake opened = Lake.open(lake.toString());

    assertThatThrownBy(opened::tables)
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL))
        .hasMessageStartingWith(
            "Cannot read the Delta table 'bronze/crm_leads' at "
                + opened.root()
                + "/bronze/crm_leads: ")
        .hasMessageEndingWith("may need features this reader lacks.");
  }

  @Test
  void unknownColumnMappingModeIsAnExternalError() {
    commit(
        lake.resolve("gold/accounts"),
        0,
        protocol(),
        metadata(
            List.of("account_id"), List.of(), Map.of(ColumnMappingMode.TABLE_PROPERTY, "bogus")));
    Lake opened = Lake.open(lake.toString());

    assertThatThrownBy(() -> opened.snapshotFiles("gold/accounts"))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL))
        .hasMessageContaining("'gold/accounts'")
        .hasMessageContaining(
            "sets delta.columnMapping.mode to 'bogus', which is none of none, name and id");
  }

  private static String field(String name, String typeJson, boolean nullable) {
    return String.format(
        "{\"name\":\"%s\",\"type\":%s,\"nullable\":%s,\"metadata\":{}}", name, typeJson, nullable);
  }

  /** Writes the leads table: version 0 adds three files, version 1 replaces the first. */
  private static void writeLeadsTable(Path table) {
    commit(
        table,
        0,
        protocol(),
        metadata(List.of("lead_id", "region"), List.of("region"), Map.of()),
        addAction(EU_FIRST),
        addAction(NORTH_AMERICA),
        addAction(NO_REGION));
    commit(table, 1, remove(EU_FIRST.logPath()), addAction(EU_REWRITTEN));
  }

  private static String addAction(LeadsFile file) {
    return add(
        file.logPath(),
        Map.of("region", file.region()),
        file.size(),
        OptionalLong.of(file.records()));
  }
}
