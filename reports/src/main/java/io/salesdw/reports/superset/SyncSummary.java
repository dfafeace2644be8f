package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a sync did, object by object ({@code dataset semantic_orders}, {@code metric
 * semantic_orders.revenue}): created, updated, left as it was, and metrics removed because the
 * model no longer has them; the governed metrics that are not Superset metrics; and the number of
 * write requests sent (0 on a re-run over an unchanged model).
 */
public record SyncSummary(
    List<String> created,
    List<String> updated,
    List<String> unchanged,
    List<String> removed,
    List<LeftOutMetric> leftOut,
    int writeRequests) {
  public SyncSummary {
    created = List.copyOf(requireNonNull(created, "created is null"));
    updated = List.copyOf(requireNonNull(updated, "updated is null"));
    unchanged = List.copyOf(requireNonNull(unchanged, "unchanged is null"));
    removed = List.copyOf(requireNonNull(removed, "removed is null"));
    leftOut = List.copyOf(requireNonNull(leftOut, "leftOut is null"));
  }

  /** Whether Superset was changed. */
  public boolean changed() {
    return !created.isEmpty() || !updated.isEmpty() || !removed.isEmpty();
  }
}
