package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.LakeZone;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.Lake;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;

/**
 * The row types Calcite gives the Delta tables of a zone, as {@link SqlPlanner} validates queries
 * against them: for checks of a semantic model against the lake ({@code
 * ModelValidation.validate(manifest, LakeRowTypes.ofZone(lake, LakeZone.GOLD))}).
 */
public final class LakeRowTypes {
  private LakeRowTypes() {}

  /**
   * The row type of each Delta table directly under the zone's directory, by its lake name ({@code
   * gold/fact_order}), ordered by name; each read from the table's current snapshot.
   *
   * @throws SalesdwException if a table cannot be read, or has a column of a type the semantic
   *     layer does not read (the error names it)
   */
  public static Map<String, RelDataType> ofZone(Lake lake, LakeZone zone) {
    requireNonNull(lake, "lake is null");
    requireNonNull(zone, "zone is null");
    RelDataTypeFactory typeFactory = new SqlTypeFactoryImpl(LakeTypeSystem.INSTANCE);
    String prefix = zone.directoryName() + "/";
    Map<String, RelDataType> rowTypes = new LinkedHashMap<>();
    for (String table : lake.tableNames()) {
      // gold/fact_order, not gold/archive/fact_order: SQL reads one level of tables.
      if (table.startsWith(prefix) && table.indexOf('/', prefix.length()) < 0) {
        rowTypes.put(
            table, DeltaRowTypes.rowType(typeFactory, table, lake.snapshotFiles(table).columns()));
      }
    }
    return rowTypes;
  }
}
