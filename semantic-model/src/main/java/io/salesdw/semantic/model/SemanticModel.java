package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One gold table as the semantic layer sees it (MetricFlow's semantic model): its join keys, the
 * dimensions it holds and the measures over its rows.
 *
 * @param name unique in the manifest
 * @param table the lake table, such as {@code gold/fact_order}
 * @param description what one row is
 * @param filter a SQL condition every read of the table applies (e.g. {@code is_current} on a
 *     type-2 dimension, which makes its key unique)
 * @param defaultTimeDimension the time dimension {@code metric_time} means for its measures
 * @param entities join keys
 * @param dimensions attributes
 * @param measures aggregations
 * @param location where it is declared
 */
public record SemanticModel(
    String name,
    String table,
    String description,
    Optional<String> filter,
    Optional<String> defaultTimeDimension,
    List<Entity> entities,
    List<Dimension> dimensions,
    List<Measure> measures,
    SourceLocation location) {
  public SemanticModel {
    requireNonNull(name, "name is null");
    requireNonNull(table, "table is null");
    requireNonNull(description, "description is null");
    requireNonNull(filter, "filter is null");
    requireNonNull(defaultTimeDimension, "defaultTimeDimension is null");
    entities = List.copyOf(requireNonNull(entities, "entities is null"));
    dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
    measures = List.copyOf(requireNonNull(measures, "measures is null"));
    requireNonNull(location, "location is null");
  }

  /** The primary entity, if the model is the home of one. */
  public Optional<Entity> primaryEntity() {
    return entities.stream().filter(entity -> entity.type() == EntityType.PRIMARY).findFirst();
  }

  public Optional<Entity> entity(String entityName) {
    return entities.stream().filter(entity -> entity.name().equals(entityName)).findFirst();
  }

  public Optional<Dimension> dimension(String dimensionName) {
    return dimensions.stream().filter(d -> d.name().equals(dimensionName)).findFirst();
  }
}
