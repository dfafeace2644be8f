package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fails when a monthly mart has fewer than {@code minRows} rows for the month: the reports and
 * dashboards would show an empty month as if nothing had been sold.
 *
 * @param marts gold tables partitioned by month
 */
public record EmptyMartGate(List<String> marts, long minRows) implements DataQualityGate {
  public EmptyMartGate {
    marts = List.copyOf(requireNonNull(marts, "marts is null"));
    if (marts.isEmpty()) {
      throw new IllegalArgumentException("marts is empty");
    }
    if (minRows < 1) {
      throw new IllegalArgumentException("minRows must be at least 1, got " + minRows);
    }
  }

  @Override
  public String name() {
    return "empty-mart";
  }

  @Override
  public List<GateViolation> check(QualityMeasures measures, YearMonth month) throws Exception {
    List<GateViolation> violations = new ArrayList<>();
    for (String mart : marts) {
      long rows = measures.martRows(mart, month);
      if (rows < minRows) {
        violations.add(
            new GateViolation(
                name(),
                mart,
                rows,
                minRows,
                String.format(
                    Locale.ROOT,
                    "gate %s: gold/%s has %d rows for %s, fewer than the minimum %d",
                    name(),
                    mart,
                    rows,
                    month,
                    minRows)));
      }
    }
    return violations;
  }
}
