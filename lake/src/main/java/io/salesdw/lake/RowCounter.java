package io.salesdw.lake;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Counts the rows of a Delta snapshot: from the data files' statistics when every file has them
 * (Spark writes them), otherwise by reading the files through Kernel.
 */
final class RowCounter {
  private RowCounter() {}

  /** The snapshot's rows, given its data files as {@link DeltaTableReader} listed them. */
  static long count(Engine engine, Snapshot snapshot, List<DeltaDataFile> files)
      throws IOException {
    if (files.stream().allMatch(file -> file.numRecords().isPresent())) {
      return fromStatistics(files);
    }
    return byScan(engine, snapshot);
  }

  /**
   * The sum over the files of their recorded rows minus the rows their deletion vectors delete. A
   * deletion vector leaves the file and its statistics as written, so both numbers are needed.
   */
  static long fromStatistics(List<DeltaDataFile> files) {
    long rows = 0;
    for (DeltaDataFile file : files) {
      rows +=
          file.liveRecords()
              .orElseThrow(() -> new IllegalArgumentException("no statistics for " + file.uri()));
    }
    return rows;
  }

  /**
   * Reads the snapshot's data files and counts the rows that survive their deletion vectors.
   *
   * <p>Only Parquet's row index is read, no column: it is what Kernel needs to apply deletion
   * vectors, and it works for tables of partition columns only. The internal classes used here are
   * the ones Kernel's own read examples use; Kernel 4.4 has no public replacement for them.
   */
  static long byScan(Engine engine, Snapshot snapshot) throws IOException {
    Scan scan =
        snapshot
            .getScanBuilder()
            .withReadSchema(new StructType().add(StructField.DEFAULT_ROW_INDEX_COLUMN))
            .build();
    Row scanState = scan.getScanState(engine);
    StructType physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
    long rows = 0;
    try (CloseableIterator<FilteredColumnarBatch> scanFileBatches = scan.getScanFiles(engine)) {
      while (scanFileBatches.hasNext()) {
        // getRows() honours the batch's selection vector, which drops files removed by the log.
        try (CloseableIterator<Row> scanFiles = scanFileBatches.next().getRows()) {
          while (scanFiles.hasNext()) {
            rows += countFile(engine, scanState, physicalSchema, scanFiles.next());
          }
        }
      }
    }
    return rows;
  }

  private static long countFile(
      Engine engine, Row scanState, StructType physicalSchema, Row scanFile) throws IOException {
    FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
    CloseableIterator<ColumnarBatch> physicalData =
        engine
            .getParquetHandler()
            .readParquetFiles(
                Utils.singletonCloseableIterator(file), physicalSchema, Optional.empty())
            .map(FileReadResult::getData);
    long rows = 0;
    try (CloseableIterator<FilteredColumnarBatch> logicalData =
        Scan.transformPhysicalData(engine, scanState, scanFile, physicalData)) {
      while (logicalData.hasNext()) {
        rows += selectedRows(logicalData.next());
      }
    }
    return rows;
  }

  // The selection vector is how Kernel applies a deletion vector: a row is in the snapshot only
  // where the vector is true (no vector: every row is).
  private static long selectedRows(FilteredColumnarBatch batch) {
    Optional<ColumnVector> selection = batch.getSelectionVector();
    int size = batch.getData().getSize();
    if (selection.isEmpty()) {
      return size;
    }
    ColumnVector vector = selection.get();
    long selected = 0;
    for (int row = 0; row < size; row++) {
      if (!vector.isNullAt(row) && vector.getBoolean(row)) {
        selected++;
      }
    }
    return selected;
  }
}
