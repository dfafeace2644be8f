package io.salesdw.transforms;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/** What a gold build did, table by table, in build order. */
public record GoldBuildResult(List<GoldTableResult> tables, Duration elapsed) {
  public GoldBuildResult {
    tables = List.copyOf(tables);
    requireNonNull(elapsed, "elapsed is null");
  }

  /** The tables that were written (their inputs had changed). */
  public List<GoldTableResult> rebuilt() {
    return tables.stream().filter(GoldTableResult::rebuilt).toList();
  }
}
