package io.salesdw.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TestDeltaSnapshotFiles {
  private static final URI TABLE = URI.create("file:///lake/silver/accounts");
  private static final DeltaColumn ACCOUNT_ID =
      new DeltaColumn("account_id", DeltaColumnType.of(DeltaColumnType.Kind.LONG), false);

  @Test
  void liveRecordsSubtractTheDeletionVector() {
    DeltaDataFile plain = file("part-0.parquet", OptionalLong.of(10), OptionalLong.empty());
    DeltaDataFile deleted = file("part-1.parquet", OptionalLong.of(10), OptionalLong.of(3));
    DeltaDataFile unknown = file("part-2.parquet", OptionalLong.empty(), OptionalLong.of(3));

    assertThat(plain.liveRecords()).hasValue(10);
    assertThat(deleted.liveRecords()).hasValue(10 - 3);
    assertThat(unknown.liveRecords()).isEmpty();
    assertThat(deleted.hasDeletionVector()).isTrue();
    assertThat(plain.hasDeletionVector()).isFalse();
  }

  @Test
  void plainParquetOnlyWithoutDeletionVectorsAndColumnMapping() {
    DeltaDataFile plain = file("part-0.parquet", OptionalLong.of(10), OptionalLong.empty());
    DeltaDataFile deleted = file("part-1.parquet", OptionalLong.of(10), OptionalLong.of(3));

    assertThat(snapshot(List.of(plain), ColumnMappingMode.NONE).readableAsPlainParquet()).isTrue();
    assertThat(snapshot(List.of(plain, deleted), ColumnMappingMode.NONE).readableAsPlainParquet())
        .isFalse();
    assertThat(snapshot(List.of(plain), ColumnMappingMode.NAME).readableAsPlainParquet()).isFalse();
    assertThat(snapshot(List.of(plain, deleted), ColumnMappingMode.NONE).sizeBytes())
        .isEqualTo(plain.sizeBytes() + deleted.sizeBytes());
  }

  @Test
  void partitionValuesKeepTheirOrder() {
    Map<String, Optional<String>> values = new LinkedHashMap<>();
    values.put("region", Optional.of("华东"));
    values.put("close_month", Optional.empty());
    values.put("channel", Optional.of("partner"));
    DeltaDataFile file =
        new DeltaDataFile(
            TABLE.resolve("accounts/part-0.parquet"),
            values,
            1,
            OptionalLong.empty(),
            OptionalLong.empty());

    assertThat(file.partitionValues().keySet()).containsExactly("region", "close_month", "channel");
  }

  @Test
  void rejectsRelativeUrisAndNegativeSizes() {
    assertThatThrownBy(
            () ->
                new DeltaDataFile(
                    URI.create("part-0.parquet"),
                    Map.of(),
                    1,
                    OptionalLong.empty(),
                    OptionalLong.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uri is not absolute: part-0.parquet");
    assertThatThrownBy(
            () ->
                new DeltaTableInfo(
                    "silver/accounts", TABLE, -1, 0, java.time.Instant.EPOCH, 0, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version is negative: -1");
  }

  @Test
  void partitionColumnsMustBeColumns() {
    assertThatThrownBy(
            () ->
                new DeltaSnapshotFiles(
                    "silver/accounts",
                    TABLE,
                    0,
                    List.of(ACCOUNT_ID),
                    List.of("segment"),
                    List.of(),
                    false,
                    ColumnMappingMode.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("partition column segment is not among the columns");
  }

  @Test
  void onlyADecimalHasPrecisionAndScale() {
    assertThat(DeltaColumnType.decimal(38, 0).description()).isEqualTo("decimal(38,0)");
    assertThatThrownBy(() -> DeltaColumnType.decimal(39, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decimal precision is not in 1..38: 39");
    assertThatThrownBy(() -> DeltaColumnType.decimal(5, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decimal scale is not in 0..5: 6");
    assertThatThrownBy(() -> new DeltaColumnType(DeltaColumnType.Kind.LONG, 10, 0, "long"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("only a decimal has a precision and a scale, not LONG: 10, 0");
    assertThatThrownBy(() -> DeltaColumnType.of(DeltaColumnType.Kind.DECIMAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DECIMAL needs more than its kind");
  }

  private static DeltaDataFile file(
      String name, OptionalLong numRecords, OptionalLong deletionVectorCardinality) {
    return new DeltaDataFile(
        URI.create(TABLE + "/" + name), Map.of(), 1000, numRecords, deletionVectorCardinality);
  }

  private static DeltaSnapshotFiles snapshot(List<DeltaDataFile> files, ColumnMappingMode mode) {
    return new DeltaSnapshotFiles(
        "silver/accounts",
        TABLE,
        3,
        List.of(ACCOUNT_ID),
        List.of(),
        files,
        mode != ColumnMappingMode.NONE,
        mode);
  }
}
