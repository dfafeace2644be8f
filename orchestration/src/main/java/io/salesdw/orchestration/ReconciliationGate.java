package io.salesdw.orchestration;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fails when two counts of the same rows disagree by more than {@code tolerance} rows: a row lost
 * or doubled between the source, the ledger and the audit.
 *
 * @param tolerance the largest acceptable difference in rows (0: exact)
 */
public record ReconciliationGate(long tolerance) implements DataQualityGate {
  public ReconciliationGate {
    if (tolerance < 0) {
      throw new IllegalArgumentException("tolerance is negative: " + tolerance);
    }
  }

  @Override
  public String name() {
    return "reconciliation";
  }

  @Override
  public List<GateViolation> check(QualityMeasures measures, YearMonth month) throws Exception {
    List<GateViolation> violations = new ArrayList<>();
    for (ReconciliationMeasure pair : measures.reconciliation(month)) {
      if (pair.difference() > tolerance) {
        violations.add(
            new GateViolation(
                name(),
                pair.check(),
                pair.difference(),
                tolerance,
                String.format(
                    Locale.ROOT,
                    "gate %s: %s expected %d rows but found %d (off by %d, tolerance %d)",
                    name(),
                    pair.check(),
                    pair.expected(),
                    pair.actual(),
                    pair.difference(),
                    tolerance)));
      }
    }
    return violations;
  }
}
