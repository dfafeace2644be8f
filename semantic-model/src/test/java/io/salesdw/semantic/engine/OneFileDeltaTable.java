package io.salesdw.semantic.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Delta table of one Parquet file and one commit, written without Spark ({@link
 * HandWrittenDeltaTable}): for tests outside this package that need a tiny lake.
 */
public final class OneFileDeltaTable {
  private OneFileDeltaTable() {}

  /** A schema field in Delta's JSON form, such as {@code field("amount", "decimal(12,2)")}. */
  public static String field(String name, String deltaType) {
    return HandWrittenDeltaTable.field(name, deltaType, true);
  }

  /**
   * Writes version 0 of {@code tableName} ({@code gold/fact_order}) under the lake: the rows of a
   * DuckDB query, whose columns are the fields, in order.
   */
  public static void write(
      Path lakeRoot, String tableName, List<String> fields, String rowsQuery, long rows) {
    HandWrittenDeltaTable table = new HandWrittenDeltaTable(lakeRoot, tableName);
    table.writeParquet("part-0.parquet", rowsQuery);
    table.commit(
        0,
        HandWrittenDeltaTable.protocol(),
        HandWrittenDeltaTable.metadata(fields, List.of(), Map.of()),
        table.add("part-0.parquet", Map.of(), rows));
  }
}
