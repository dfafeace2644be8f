package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The joins between semantic models that their entities allow. A model joins to the home of each of
 * its foreign (or unique) entities, the model whose primary entity has that name: many-to-one
 * (one-to-one for a unique entity), which never multiplies the rows. The reverse of a foreign
 * entity's join goes from one row to many: a fan-out, which a metric must never take.
 */
final class JoinGraph {
  /**
   * One join step.
   *
   * @param from the model joined from
   * @param entity the entity joined on, as {@code from} declares it
   * @param to the model joined to
   * @param fansOut whether a row of {@code from} meets many rows of {@code to}
   */
  record Join(SemanticModel from, Entity entity, SemanticModel to, boolean fansOut) {
    Join {
      requireNonNull(from, "from is null");
      requireNonNull(entity, "entity is null");
      requireNonNull(to, "to is null");
    }
  }

  private final Map<String, SemanticModel> models = new LinkedHashMap<>();
  private final Map<String, List<SemanticModel>> homes = new HashMap<>();
  private final Map<String, List<Join>> joins = new HashMap<>();

  JoinGraph(SemanticManifest manifest) {
    for (SemanticModel model : manifest.semanticModels()) {
      models.putIfAbsent(model.name(), model);
    }
    for (SemanticModel model : models.values()) {
      model
          .primaryEntity()
          .ifPresent(
              primary ->
                  homes.computeIfAbsent(primary.name(), name -> new ArrayList<>()).add(model));
    }
    for (SemanticModel model : models.values()) {
      for (Entity entity : model.entities()) {
        Optional<SemanticModel> home = home(entity.name());
        if (entity.type() == EntityType.PRIMARY
            || home.isEmpty()
            || home.get().name().equals(model.name())) {
          continue;
        }
        SemanticModel to = home.get();
        add(new Join(model, entity, to, false));
        Entity primary = to.primaryEntity().orElseThrow();
        // Back from the home: one-to-one to a unique side table, one-to-many to a fact.
        add(new Join(to, primary, model, entity.type() == EntityType.FOREIGN));
      }
    }
  }

  /** The models, in manifest order (the first of two with one name). */
  List<SemanticModel> models() {
    return List.copyOf(models.values());
  }

  /** Every model whose primary entity has this name. */
  List<SemanticModel> homes(String entityName) {
    return homes.getOrDefault(entityName, List.of());
  }

  /** The home of an entity, when there is exactly one. */
  Optional<SemanticModel> home(String entityName) {
    List<SemanticModel> found = homes(entityName);
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** The joins from a model to the homes of its foreign and unique entities. */
  List<Join> towardsHomes(SemanticModel from) {
    return joins.getOrDefault(from.name(), List.of()).stream()
        .filter(join -> join.entity().type() != EntityType.PRIMARY)
        .toList();
  }

  /**
   * A shortest join path from one model to another, over joins that never fan out when {@code
   * allowFanOut} is false; empty when there is none (an empty list when they are the same model).
   */
  Optional<List<Join>> path(SemanticModel from, SemanticModel to, boolean allowFanOut) {
    Map<String, Join> reachedBy = new HashMap<>();
    Deque<SemanticModel> queue = new ArrayDeque<>();
    queue.add(from);
    reachedBy.put(from.name(), null);
    while (!queue.isEmpty()) {
      SemanticModel model = queue.poll();
      if (model.name().equals(to.name())) {
        List<Join> path = new ArrayList<>();
        for (Join join = reachedBy.get(model.name());
            join != null;
            join = reachedBy.get(join.from().name())) {
          path.add(join);
        }
        Collections.reverse(path);
        return Optional.of(path);
      }
      for (Join join : joins.getOrDefault(model.name(), List.of())) {
        if ((allowFanOut || !join.fansOut()) && !reachedBy.containsKey(join.to().name())) {
          reachedBy.put(join.to().name(), join);
          queue.add(join.to());
        }
      }
    }
    return Optional.empty();
  }

  private void add(Join join) {
    joins.computeIfAbsent(join.from().name(), name -> new ArrayList<>()).add(join);
  }
}
