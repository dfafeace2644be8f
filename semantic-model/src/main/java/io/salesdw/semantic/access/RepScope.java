package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The reps, teams and regions whose rows a user may see, as of a query: every one, or the sets. A
 * team or region is in scope only when every one of its current reps is, so that its totals show no
 * row the user may not see.
 *
 * @param everything whether the user sees every row (then the sets are empty and unused)
 * @param reps the reps in scope
 * @param teams the teams all of whose current reps are in scope
 * @param regions the regions all of whose current reps are in scope
 */
public record RepScope(
    boolean everything,
    SortedSet<String> reps,
    SortedSet<String> teams,
    SortedSet<String> regions) {
  public RepScope {
    reps =
        java.util.Collections.unmodifiableSortedSet(
            new TreeSet<>(requireNonNull(reps, "reps is null")));
    teams =
        java.util.Collections.unmodifiableSortedSet(
            new TreeSet<>(requireNonNull(teams, "teams is null")));
    regions =
        java.util.Collections.unmodifiableSortedSet(
            new TreeSet<>(requireNonNull(regions, "regions is null")));
    if (everything && !(reps.isEmpty() && teams.isEmpty() && regions.isEmpty())) {
      throw new IllegalArgumentException("a scope of every row lists no rep, team or region");
    }
  }

  public static RepScope everyRow() {
    return new RepScope(true, new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
  }

  /** What the scope is, as a key for caching plans guarded by it. */
  String key() {
    return everything ? "*" : "reps=" + reps + ";teams=" + teams + ";regions=" + regions;
  }
}
