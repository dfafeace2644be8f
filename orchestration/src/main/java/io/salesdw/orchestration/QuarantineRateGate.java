package io.salesdw.orchestration;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fails when a bronze table quarantined more than {@code maxRate} of the rows it read in a batch: a
 * share that high means a broken export or a changed format, not a few bad rows.
 *
 * @param maxRate the highest acceptable share, 0 to 1
 */
public record QuarantineRateGate(double maxRate) implements DataQualityGate {
  /** Default threshold: 5% of a table's rows. */
  public static final double DEFAULT_MAX_RATE = 0.05;

  public QuarantineRateGate {
    if (!(maxRate >= 0.0 && maxRate <= 1.0)) {
      throw new IllegalArgumentException("maxRate must be between 0 and 1, got " + maxRate);
    }
  }

  @Override
  public String name() {
    return "quarantine-rate";
  }

  @Override
  public List<GateViolation> check(QualityMeasures measures, YearMonth month) throws Exception {
    List<GateViolation> violations = new ArrayList<>();
    for (QuarantineMeasure table : measures.quarantine(month)) {
      if (table.rate() > maxRate) {
        violations.add(
            new GateViolation(
                name(),
                table.table(),
                table.rate(),
                maxRate,
                String.format(
                    Locale.ROOT,
                    "gate %s: %s quarantined %.2f%% of its rows (%d of %d, batch %s), above the"
                        + " threshold %.2f%%",
                    name(),
                    table.table(),
                    table.rate() * 100,
                    table.rowsQuarantined(),
                    table.rowsRead(),
                    table.batchId(),
                    maxRate * 100)));
      }
    }
    return violations;
  }
}
