package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@value SalesPipeline#QUALITY_GATES} task: checks every gate (not only up to the first
 * failure, so one run reports every problem) and stops the month when any fails.
 */
public final class QualityGatesAction implements TaskAction {
  private final List<DataQualityGate> gates;
  private final QualityMeasures measures;

  public QualityGatesAction(List<DataQualityGate> gates, QualityMeasures measures) {
    this.gates = List.copyOf(gates);
    this.measures = requireNonNull(measures, "measures is null");
  }

  @Override
  public TaskOutcome run(YearMonth month) throws Exception {
    List<GateViolation> violations = new ArrayList<>();
    for (DataQualityGate gate : gates) {
      violations.addAll(gate.check(measures, month));
    }
    if (!violations.isEmpty()) {
      return TaskOutcome.gateFailed(violations);
    }
    return TaskOutcome.done(
        gates.size() + " gates passed", Map.of("gates_passed", (long) gates.size()));
  }

  /** The gates and their thresholds: a changed threshold checks a finished month again. */
  @Override
  public String inputFingerprint(YearMonth month) {
    return gates.toString();
  }
}
