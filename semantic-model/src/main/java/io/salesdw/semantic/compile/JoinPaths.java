package io.salesdw.semantic.compile;

import io.salesdw.semantic.model.Entity;
import io.salesdw.semantic.model.EntityType;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds how a semantic model reaches another: the shortest chain of many-to-one joins (foreign or
 * unique entity to the entity's home). Only such joins are taken, so a dimension reached this way
 * never multiplies a measure's rows (no fan-out); ties go to the entity declared first.
 */
final class JoinPaths {
  private final SemanticManifest manifest;

  JoinPaths(SemanticManifest manifest) {
    this.manifest = manifest;
  }

  /** The joins from {@code from} to {@code to}; empty list when they are the same model. */
  Optional<List<JoinStep>> path(SemanticModel from, SemanticModel to) {
    if (from.name().equals(to.name())) {
      return Optional.of(List.of());
    }
    Map<String, JoinStep> reachedBy = new HashMap<>();
    Deque<SemanticModel> queue = new ArrayDeque<>();
    queue.add(from);
    reachedBy.put(from.name(), null);
    while (!queue.isEmpty()) {
      SemanticModel model = queue.removeFirst();
      for (Entity entity : model.entities()) {
        if (entity.type() == EntityType.PRIMARY) {
          continue;
        }
        Optional<SemanticModel> home = manifest.homeOfEntity(entity.name());
        if (home.isEmpty() || reachedBy.containsKey(home.get().name())) {
          continue;
        }
        reachedBy.put(home.get().name(), new JoinStep(model, entity, home.get()));
        if (home.get().name().equals(to.name())) {
          return Optional.of(steps(reachedBy, to.name()));
        }
        queue.addLast(home.get());
      }
    }
    return Optional.empty();
  }

  private static List<JoinStep> steps(Map<String, JoinStep> reachedBy, String target) {
    List<JoinStep> steps = new ArrayList<>();
    for (JoinStep step = reachedBy.get(target);
        step != null;
        step = reachedBy.get(step.from().name())) {
      steps.add(0, step);
    }
    return steps;
  }
}
