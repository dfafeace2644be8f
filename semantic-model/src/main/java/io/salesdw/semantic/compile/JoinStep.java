package io.salesdw.semantic.compile;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.model.Entity;
import io.salesdw.semantic.model.SemanticModel;

/**
 * One many-to-one join of a path: from a model's entity to the entity's home model, whose primary
 * key makes the join unable to multiply rows.
 *
 * @param from the model joined from
 * @param entity the entity of {@code from} joined on
 * @param to the entity's home model
 */
record JoinStep(SemanticModel from, Entity entity, SemanticModel to) {
  JoinStep {
    requireNonNull(from, "from is null");
    requireNonNull(entity, "entity is null");
    requireNonNull(to, "to is null");
  }
}
