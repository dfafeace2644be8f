package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

/**
 * A view the planner offers beside the lake's tables, expanded by Calcite into the query that reads
 * it (so the engine runs plain SQL over the lake).
 *
 * @param schema the view's schema, such as {@code semantic}
 * @param name the view's name
 * @param sql its query, in Calcite's SQL over the lake's schemas
 */
public record SqlView(String schema, String name, String sql) {
  public SqlView {
    requireNonNull(schema, "schema is null");
    requireNonNull(name, "name is null");
    requireNonNull(sql, "sql is null");
  }
}
