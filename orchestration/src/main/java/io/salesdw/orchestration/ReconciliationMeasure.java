package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

/**
 * Two counts of the same rows taken two ways, for example a batch's rows read in the ledger and the
 * sum of its per-table audit rows.
 */
public record ReconciliationMeasure(String check, long expected, long actual) {
  public ReconciliationMeasure {
    requireNonNull(check, "check is null");
  }

  /** How far apart the two counts are. */
  public long difference() {
    return Math.abs(expected - actual);
  }
}
