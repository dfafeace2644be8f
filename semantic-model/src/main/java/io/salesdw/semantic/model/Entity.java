package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

/**
 * A join key of a semantic model (MetricFlow's entity): models that share an entity name can be
 * joined on it. A {@link EntityType#PRIMARY} entity is unique in its model, so joining to it from a
 * {@link EntityType#FOREIGN} one never multiplies rows.
 *
 * @param name the entity's name, shared by every model that holds the key
 * @param type whether the key is unique here
 * @param expr the column (or SQL expression over the model's table) holding the key
 * @param location where it is declared
 */
public record Entity(String name, EntityType type, String expr, SourceLocation location) {
  public Entity {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(expr, "expr is null");
    requireNonNull(location, "location is null");
  }
}
