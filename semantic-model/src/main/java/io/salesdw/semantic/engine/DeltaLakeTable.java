package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import io.salesdw.lake.DeltaSnapshotFiles;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A Delta table of the lake as a Calcite table: its row type is the schema of the table's current
 * snapshot, read through Delta Kernel the first time Calcite asks. Calcite only validates and plans
 * against it; an engine reads the data.
 */
final class DeltaLakeTable extends AbstractTable {
  private final SnapshotCache snapshots;
  private final String name;
  private Optional<DeltaSnapshotFiles> snapshot = Optional.empty();

  DeltaLakeTable(SnapshotCache snapshots, String name) {
    this.snapshots = requireNonNull(snapshots, "snapshots is null");
    this.name = requireNonNull(name, "name is null");
  }

  /** The table's name in the lake, such as {@code gold/fact_order}. */
  String lakeTableName() {
    return name;
  }

  /** The snapshot the row type was read from: one per table and query. */
  synchronized DeltaSnapshotFiles snapshot() {
    if (snapshot.isEmpty()) {
      snapshot = Optional.of(snapshots.current(name));
    }
    return snapshot.get();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return DeltaRowTypes.rowType(typeFactory, name, snapshot().columns());
  }
}
