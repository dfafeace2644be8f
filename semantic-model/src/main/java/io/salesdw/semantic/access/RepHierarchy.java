package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The current reps of the rep dimension with their manager, team and region: from it, the reps a
 * manager oversees (their subtree of {@code manager_rep_id}) and the teams and regions wholly in
 * it.
 *
 * @param reps the current reps, one per rep id
 */
public record RepHierarchy(List<CurrentRep> reps) {
  /**
   * A current row of {@code dim_rep}.
   *
   * @param repId the rep
   * @param managerRepId who they report to, if anyone
   * @param teamId their team, if any
   * @param regionId their region, if any
   */
  public record CurrentRep(
      String repId,
      Optional<String> managerRepId,
      Optional<String> teamId,
      Optional<String> regionId) {
    public CurrentRep {
      requireNonNull(repId, "repId is null");
      requireNonNull(managerRepId, "managerRepId is null");
      requireNonNull(teamId, "teamId is null");
      requireNonNull(regionId, "regionId is null");
    }
  }

  public RepHierarchy {
    reps = List.copyOf(requireNonNull(reps, "reps is null"));
  }

  /** The scope of a principal: every row, their own rep, or their subtree. */
  public RepScope scopeOf(Principal principal) {
    requireNonNull(principal, "principal is null");
    switch (principal.role().rows()) {
      case ALL:
        return RepScope.everyRow();
      case OWN:
        return scopeOfReps(Set.of(principal.repId().orElseThrow()));
      case SUBTREE:
        return scopeOfReps(subtree(principal.repId().orElseThrow()));
      default:
        throw new IllegalStateException("unknown row scope " + principal.role().rows());
    }
  }

  private Set<String> subtree(String root) {
    Map<String, List<String>> reports = new HashMap<>();
    for (CurrentRep rep : reps) {
      rep.managerRepId()
          .ifPresent(
              manager -> reports.computeIfAbsent(manager, m -> new ArrayList<>()).add(rep.repId()));
    }
    Set<String> seen = new TreeSet<>();
    Deque<String> toVisit = new ArrayDeque<>(List.of(root));
    // A cycle in bad data ends here: each rep is visited once.
    while (!toVisit.isEmpty()) {
      String rep = toVisit.pop();
      if (seen.add(rep)) {
        toVisit.addAll(reports.getOrDefault(rep, List.of()));
      }
    }
    return seen;
  }

  private RepScope scopeOfReps(Set<String> visible) {
    return new RepScope(
        false,
        new TreeSet<>(visible),
        whollyVisible(visible, CurrentRep::teamId),
        whollyVisible(visible, CurrentRep::regionId));
  }

  private SortedSet<String> whollyVisible(
      Set<String> visible, java.util.function.Function<CurrentRep, Optional<String>> group) {
    Map<String, Boolean> allVisible = new HashMap<>();
    for (CurrentRep rep : reps) {
      group
          .apply(rep)
          .ifPresent(
              id -> allVisible.merge(id, visible.contains(rep.repId()), Boolean::logicalAnd));
    }
    SortedSet<String> groups = new TreeSet<>();
    allVisible.forEach(
        (id, all) -> {
          if (all) {
            groups.add(id);
          }
        });
    return groups;
  }
}
