package io.salesdw.lake;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.KernelEngineException;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one Delta table's latest snapshot with Kernel and turns it into this module's records.
 * Every failure of Kernel or of the file system becomes {@link LakeErrors#tableUnreadable}.
 */
final class DeltaTableReader {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaTableReader.class);

  static final String DELETION_VECTORS_PROPERTY = "delta.enableDeletionVectors";
  // The field metadata key that holds a column's name in the Parquet files under column mapping;
  // partition values in the log are keyed by it.
  private static final String PHYSICAL_NAME_KEY = "delta.columnMapping.physicalName";

  private final Engine engine;

  DeltaTableReader(Engine engine) {
    this.engine = requireNonNull(engine, "engine is null");
  }

  /** The table's latest version, with its row count. */
  DeltaTableInfo describe(TableLocation table) {
    return read(
        table,
        () -> {
          Snapshot snapshot = load(table);
          List<DeltaDataFile> files = dataFiles(table, snapshot);
          if (!files.stream().allMatch(file -> file.numRecords().isPresent())) {
            LOG.info(
                "Some data files of {} have no row count in their statistics: counting rows by"
                    + " reading them",
                table.name());
          }
          return new DeltaTableInfo(
              table.name(),
              table.uri(),
              snapshot.getVersion(),
              RowCounter.count(engine, snapshot, files),
              Instant.ofEpochMilli(snapshot.getTimestamp(engine)),
              files.size(),
              files.stream().mapToLong(DeltaDataFile::sizeBytes).sum(),
              snapshot.getPartitionColumnNames());
        });
  }

  /** The data files of the table's latest version. */
  DeltaSnapshotFiles snapshotFiles(TableLocation table) {
    return read(
        table,
        () -> {
          Snapshot snapshot = load(table);
          return new DeltaSnapshotFiles(
              table.name(),
              table.uri(),
              snapshot.getVersion(),
              DeltaSchemas.columns(snapshot.getSchema()),
              snapshot.getPartitionColumnNames(),
              dataFiles(table, snapshot),
              Boolean.parseBoolean(
                  snapshot.getTableProperties().getOrDefault(DELETION_VECTORS_PROPERTY, "false")),
              columnMappingMode(table, snapshot));
        });
  }

  /** Counts the table's rows by reading its data files, whatever their statistics say. */
  long countByScan(TableLocation table) {
    return read(table, () -> RowCounter.byScan(engine, load(table)));
  }

  private Snapshot load(TableLocation table) {
    return TableManager.loadSnapshot(table.directory().toString()).build(engine);
  }

  private List<DeltaDataFile> dataFiles(TableLocation table, Snapshot snapshot) throws IOException {
    Map<String, String> logicalPartitionNames = logicalPartitionNames(table, snapshot);
    Scan scan = snapshot.getScanBuilder().build();
    List<DeltaDataFile> files = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> batches =
        scan.getScanFiles(engine, true /* includeStats */)) {
      while (batches.hasNext()) {
        // getRows() honours the selection vector: files removed later in the log are unselected.
        try (CloseableIterator<Row> scanFiles = batches.next().getRows()) {
          while (scanFiles.hasNext()) {
            files.add(dataFile(scanFiles.next(), logicalPartitionNames));
          }
        }
      }
    }
    files.sort(Comparator.comparing(DeltaDataFile::uri));
    return files;
  }

  /**
   * One scan-file row: the {@code add} action (path, partition values, size, deletion vector,
   * statistics) and the table root, as {@link Scan#getScanFiles(Engine, boolean)} documents them.
   * Fields are looked up by name, not by Kernel's internal ordinals.
   */
  private static DeltaDataFile dataFile(Row scanFile, Map<String, String> logicalPartitionNames) {
    Row add = scanFile.getStruct(scanFile.getSchema().indexOf("add"));
    StructType addSchema = add.getSchema();
    String tableRoot = scanFile.getString(scanFile.getSchema().indexOf("tableRoot"));
    String path = add.getString(addSchema.indexOf("path"));
    // add.path is a relative or absolute URI, percent-encoded (a partition value with a space is
    // "region=North%20America"): resolve it as a URI, never as a plain string.
    URI uri = Uris.of(new Path(new Path(URI.create(tableRoot)), new Path(URI.create(path))));

    Map<String, Optional<String>> partitionValues = new LinkedHashMap<>();
    Map<String, Optional<String>> physicalValues =
        stringMap(add.getMap(addSchema.indexOf("partitionValues")));
    logicalPartitionNames.forEach(
        (physical, logical) ->
            partitionValues.put(logical, physicalValues.getOrDefault(physical, Optional.empty())));

    int statsOrdinal = addSchema.indexOf("stats");
    OptionalLong numRecords = OptionalLong.empty();
    if (statsOrdinal >= 0 && !add.isNullAt(statsOrdinal)) {
      Optional<Long> recorded = DataFileStatistics.getNumRecords(add.getString(statsOrdinal));
      if (recorded.isPresent()) {
        numRecords = OptionalLong.of(recorded.get());
      }
    }

    int deletionVectorOrdinal = addSchema.indexOf("deletionVector");
    OptionalLong cardinality = OptionalLong.empty();
    if (!add.isNullAt(deletionVectorOrdinal)) {
      Row deletionVector = add.getStruct(deletionVectorOrdinal);
      cardinality =
          OptionalLong.of(
              deletionVector.getLong(deletionVector.getSchema().indexOf("cardinality")));
    }

    return new DeltaDataFile(
        uri, partitionValues, add.getLong(addSchema.indexOf("size")), numRecords, cardinality);
  }

  private static Map<String, Optional<String>> stringMap(MapValue map) {
    Map<String, Optional<String>> entries = new HashMap<>();
    ColumnVector keys = map.getKeys();
    ColumnVector values = map.getValues();
    for (int i = 0; i < map.getSize(); i++) {
      entries.put(
          keys.getString(i),
          values.isNullAt(i) ? Optional.empty() : Optional.of(values.getString(i)));
    }
    return entries;
  }

  /**
   * Physical to logical names of the partition columns, in schema order. The log keys partition
   * values by physical name, which under column mapping is not the column's name.
   */
  private static Map<String, String> logicalPartitionNames(TableLocation table, Snapshot snapshot) {
    boolean mapped = columnMappingMode(table, snapshot) != ColumnMappingMode.NONE;
    StructType schema = snapshot.getSchema();
    Map<String, String> names = new LinkedHashMap<>();
    for (String column : snapshot.getPartitionColumnNames()) {
      String physical = column;
      if (mapped) {
        StructField field = field(schema, column);
        physical =
            field.getMetadata().contains(PHYSICAL_NAME_KEY)
                ? field.getMetadata().getString(PHYSICAL_NAME_KEY)
                : column;
      }
      names.put(physical, column);
    }
    return names;
  }

  // Delta column names are case-insensitive; metadata may spell a partition column differently.
  private static StructField field(StructType schema, String column) {
    return schema.fields().stream()
        .filter(field -> field.getName().equalsIgnoreCase(column))
        .findFirst()
        .orElseThrow(
            () ->
                new KernelException(
                    "partition column " + column + " is not in the table's schema"));
  }

  private static ColumnMappingMode columnMappingMode(TableLocation table, Snapshot snapshot) {
    String mode =
        snapshot.getTableProperties().getOrDefault(ColumnMappingMode.TABLE_PROPERTY, "none");
    return ColumnMappingMode.fromTableProperty(mode)
        .orElseThrow(
            () -> LakeErrors.unknownColumnMappingMode(table.name(), table.uri().toString(), mode));
  }

  private <T> T read(TableLocation table, KernelCall<T> call) {
    try {
      return call.run();
    } catch (IOException | UncheckedIOException | KernelException | KernelEngineException e) {
      throw LakeErrors.tableUnreadable(table.name(), table.uri().toString(), e);
    }
  }

  /** A read through Kernel, which throws both checked and unchecked I/O errors. */
  @FunctionalInterface
  private interface KernelCall<T> {
    T run() throws IOException;
  }
}
