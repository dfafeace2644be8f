package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An aggregation over a semantic model's rows; metrics are built from measures.
 *
 * @param name unique across the manifest
 * @param aggregation how rows combine
 * @param expr the column or SQL expression aggregated
 * @param description what it counts, in one line
 * @param nonAdditiveDimension set for a semi-additive measure (a balance at period end)
 * @param aggTimeDimension the time dimension {@code metric_time} means for this measure; the
 *     model's default when empty
 * @param location where it is declared
 */
public record Measure(
    String name,
    Aggregation aggregation,
    String expr,
    String description,
    Optional<NonAdditiveDimension> nonAdditiveDimension,
    Optional<String> aggTimeDimension,
    SourceLocation location) {
  public Measure {
    requireNonNull(name, "name is null");
    requireNonNull(aggregation, "aggregation is null");
    requireNonNull(expr, "expr is null");
    requireNonNull(description, "description is null");
    requireNonNull(nonAdditiveDimension, "nonAdditiveDimension is null");
    requireNonNull(aggTimeDimension, "aggTimeDimension is null");
    requireNonNull(location, "location is null");
  }
}
