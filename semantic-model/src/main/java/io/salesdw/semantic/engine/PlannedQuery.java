package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import io.salesdw.lake.DeltaSnapshotFiles;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query validated and planned by Calcite and unparsed for an engine: what to run, against which
 * snapshots, and the explanation of it.
 *
 * @param logicalPlan Calcite's logical plan, as {@code EXPLAIN} prints it
 * @param engineSql the SQL sent to the engine, in its dialect
 * @param columns the result's columns as Calcite validated them: names, and types as JDBC knows
 *     them (what a prepared statement describes before it runs; the engine's own types, which the
 *     executed result carries, may be wider, such as DuckDB's 128-bit sum of a {@code BIGINT})
 * @param snapshots the snapshot of each lake table the plan reads, as the query was validated
 *     against it, ordered by table name
 * @param planningTime from the SQL text (or plan) to the engine's SQL: parsing, validation against
 *     the lake's current schemas (which reads each table's Delta log), conversion to a plan,
 *     unparsing
 */
public record PlannedQuery(
    String logicalPlan,
    String engineSql,
    List<ResultColumn> columns,
    List<DeltaSnapshotFiles> snapshots,
    Duration planningTime) {
  public PlannedQuery {
    requireNonNull(logicalPlan, "logicalPlan is null");
    requireNonNull(engineSql, "engineSql is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    snapshots = List.copyOf(requireNonNull(snapshots, "snapshots is null"));
    requireNonNull(planningTime, "planningTime is null");
  }

  /** The result's column names, from the validated row type. */
  public List<String> columnNames() {
    return columns.stream().map(ResultColumn::name).toList();
  }

  /** The Delta version of each table the plan reads, by table name ({@code gold/fact_order}). */
  public Map<String, Long> tableVersions() {
    Map<String, Long> versions = new LinkedHashMap<>();
    snapshots.forEach(snapshot -> versions.put(snapshot.tableName(), snapshot.version()));
    return versions;
  }
}
