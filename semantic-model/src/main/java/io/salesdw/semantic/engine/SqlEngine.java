package io.salesdw.semantic.engine;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.DeltaSnapshotFiles;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryLimits;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlDialect;

/**
 * An engine that executes the SQL Calcite unparses from a validated plan, over the current
 * snapshots of the lake's Delta tables: DuckDB in-process ({@link DuckDbEngine}), or a Trino
 * cluster. Like Delta Kernel's engine handlers, it is the one seam between the semantic layer and
 * where the work runs.
 */
public interface SqlEngine extends AutoCloseable {
  /** The dialect in which the engine wants its SQL; tables are named {@code zone.table}. */
  SqlDialect dialect();

  /**
   * Makes the engine read the current snapshot of each table, such as {@code gold/fact_order},
   * named {@code gold.fact_order} in the engine's SQL.
   *
   * @return the Delta version the engine now reads, by table
   * @throws SalesdwException if a table does not exist, cannot be read, or not by this engine
   */
  Map<String, Long> refresh(Set<String> tableNames);

  /**
   * Makes the engine read exactly these snapshots, the ones a query was validated against. An
   * engine that resolves snapshots itself may read the tables' current versions instead, and says
   * so in the versions it returns.
   *
   * @return the Delta version the engine now reads, by table
   * @throws SalesdwException if a table cannot be read, or not by this engine
   */
  default Map<String, Long> refresh(Collection<DeltaSnapshotFiles> snapshots) {
    Set<String> names = new TreeSet<>();
    snapshots.forEach(snapshot -> names.add(snapshot.tableName()));
    return refresh(names);
  }

  /**
   * Runs a query in the engine's dialect and reads its whole result.
   *
   * @throws SalesdwException if the engine rejects the SQL or fails to run it
   */
  QueryResult execute(String sql);

  /**
   * Runs a query in the engine's dialect within a served query's limits, and reads its result. The
   * timeout counts from this call, waiting for the engine included; when it passes, or {@code
   * cancellation} is pressed, the query is cancelled in the engine, its resources are freed and the
   * engine is ready for the next query. A result of more than {@code limits.maxRows()} rows is not
   * read further. {@link #execute(String)} is this without limits.
   *
   * @throws SalesdwException a {@link io.salesdw.semantic.access.QueryRefusals} error: {@code
   *     TIMED_OUT}, {@code CANCELLED} or {@code TOO_MANY_ROWS}; or another if the engine rejects
   *     the SQL or fails to run it
   */
  QueryResult execute(String sql, QueryLimits limits, QueryCancellation cancellation);

  /**
   * Makes the engine hold these small tables, each as {@code schema.name}, replacing any of the
   * same name: the semantic layer's catalog ({@code catalog.metrics}). An engine that cannot hold
   * tables keeps this default, which loads nothing: queries over them still plan, but fail when
   * run.
   *
   * @throws SalesdwException if the engine fails to create or fill a table
   */
  default void load(List<InMemoryTable> tables) {}

  /** Releases the engine's resources; it cannot be used after. */
  @Override
  void close();
}
