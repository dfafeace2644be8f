package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

/**
 * An attribute queries group and filter by. Names are unique across the manifest so that analysts
 * write {@code region_name}, not a path; a time dimension is also queried at a grain, as {@code
 * order_date__month}.
 *
 * @param name the name analysts use
 * @param type categorical or time
 * @param expr the column or SQL expression over the model's table
 * @param description what it means, in one line
 * @param location where it is declared
 */
public record Dimension(
    String name, DimensionType type, String expr, String description, SourceLocation location) {
  /**
   * The reserved dimension name that means, for each measure, its agg time dimension: what lets one
   * query put measures of several models on one time axis.
   */
  public static final String METRIC_TIME = "metric_time";

  public Dimension {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(expr, "expr is null");
    requireNonNull(description, "description is null");
    requireNonNull(location, "location is null");
  }

  public boolean isTime() {
    return type == DimensionType.TIME;
  }
}
