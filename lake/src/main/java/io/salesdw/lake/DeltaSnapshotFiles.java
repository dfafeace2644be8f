package io.salesdw.lake;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;

/**
 * The data files of one version of a Delta table, resolved by Delta Kernel, and what an engine must
 * know before it reads them as plain Parquet.
 *
 * @param tableName the table's name in the lake, such as {@code silver/opportunities}
 * @param location the table's directory as an absolute URI
 * @param version the snapshot's version
 * @param columns the snapshot's schema: every column, partition columns included, in schema order
 * @param partitionColumns the partition columns in schema order
 * @param files the snapshot's data files, ordered by URI
 * @param deletionVectorsEnabled whether the table writes deletion vectors ({@code
 *     delta.enableDeletionVectors}); files may carry older ones even when it no longer does
 * @param columnMappingMode the table's column mapping mode
 */
public record DeltaSnapshotFiles(
    String tableName,
    URI location,
    long version,
    List<DeltaColumn> columns,
    List<String> partitionColumns,
    List<DeltaDataFile> files,
    boolean deletionVectorsEnabled,
    ColumnMappingMode columnMappingMode) {
  public DeltaSnapshotFiles {
    requireNonNull(tableName, "tableName is null");
    requireNonNull(location, "location is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    partitionColumns = List.copyOf(requireNonNull(partitionColumns, "partitionColumns is null"));
    files = List.copyOf(requireNonNull(files, "files is null"));
    requireNonNull(columnMappingMode, "columnMappingMode is null");
    if (version < 0) {
      throw new IllegalArgumentException("version is negative: " + version);
    }
    for (String partitionColumn : partitionColumns) {
      if (columns.stream().noneMatch(column -> column.name().equalsIgnoreCase(partitionColumn))) {
        throw new IllegalArgumentException(
            "partition column " + partitionColumn + " is not among the columns " + columns);
      }
    }
  }

  /** Whether the column, matched case-insensitively as Delta does, is a partition column. */
  public boolean isPartitionColumn(String column) {
    return partitionColumns.stream().anyMatch(partition -> partition.equalsIgnoreCase(column));
  }

  /** Whether any file has rows hidden by a deletion vector. */
  public boolean hasDeletionVectors() {
    return files.stream().anyMatch(DeltaDataFile::hasDeletionVector);
  }

  /**
   * Whether reading the files as plain Parquet (DuckDB's {@code read_parquet}, Spark's {@code
   * parquet}) gives exactly the snapshot's rows and column names: no file has a deletion vector,
   * whose deleted rows such a reader would return, and the columns are not mapped to physical
   * names.
   */
  public boolean readableAsPlainParquet() {
    return !hasDeletionVectors() && columnMappingMode == ColumnMappingMode.NONE;
  }

  /** The total size of the files. */
  public long sizeBytes() {
    return files.stream().mapToLong(DeltaDataFile::sizeBytes).sum();
  }
}
