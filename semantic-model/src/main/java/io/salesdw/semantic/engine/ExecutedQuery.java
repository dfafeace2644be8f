package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A query's result with its explanation and timings.
 *
 * @param plan the plan and the SQL that was run
 * @param tableVersions the Delta version of each table the engine read, by table name
 * @param result the rows, under the plan's column names
 * @param refreshTime making the engine read the tables' current snapshots (DuckDB: resolving the
 *     files with Kernel and, when a version changed, re-creating the view)
 * @param executionTime running the SQL in the engine and reading the whole result
 */
public record ExecutedQuery(
    PlannedQuery plan,
    Map<String, Long> tableVersions,
    QueryResult result,
    Duration refreshTime,
    Duration executionTime) {
  public ExecutedQuery {
    requireNonNull(plan, "plan is null");
    tableVersions =
        Collections.unmodifiableMap(
            new TreeMap<>(requireNonNull(tableVersions, "tableVersions is null")));
    requireNonNull(result, "result is null");
    requireNonNull(refreshTime, "refreshTime is null");
    requireNonNull(executionTime, "executionTime is null");
  }
}
